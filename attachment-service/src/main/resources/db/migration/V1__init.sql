-- One row per attachment. A direct conversation is the pair (uploader, receiver); a group one the group.
create table attachment (
    id            uuid         primary key,
    uploader_id   uuid         not null,
    receiver_id   uuid,
    group_id      uuid,
    file_name     varchar(255) not null,
    -- The type the client declared (normalised); the bytes were checked against it at completion.
    content_type  varchar(127) not null,
    kind          varchar(8)   not null check (kind in ('IMAGE', 'VIDEO', 'VOICE', 'FILE')),
    declared_size bigint       not null check (declared_size > 0),
    -- The stored size: known once the upload is complete (metadata stripping can make it smaller).
    size          bigint,
    status        varchar(10)  not null check (status in ('PENDING', 'UPLOADING', 'READY', 'EXPIRED')),
    width         integer,
    height        integer,
    thumbnail     varchar(8)   not null default 'NONE' check (thumbnail in ('NONE', 'PENDING', 'READY', 'FAILED')),
    message_id    uuid,
    created_at    timestamptz  not null,
    completed_at  timestamptz,
    -- Until when an unfinished upload is kept; the sweep removes it after that.
    expires_at    timestamptz  not null,
    constraint attachment_one_conversation check ((receiver_id is null) <> (group_id is null))
);

-- Rate and quota per uploader.
create index attachment_uploader on attachment (uploader_id, created_at);
-- The sweep: unfinished uploads by expiry.
create index attachment_unfinished on attachment (expires_at) where status <> 'READY';
-- Thumbnails still to make.
create index attachment_thumbnail_pending on attachment (completed_at) where thumbnail = 'PENDING';
create index attachment_message on attachment (message_id) where message_id is not null;
