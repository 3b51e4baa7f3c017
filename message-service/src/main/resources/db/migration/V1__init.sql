-- One row per conversation (dm:<a>:<b> with ordered ids, or group:<id>), holding its sequence counter.
create table conversation (
    id       text primary key,
    last_seq bigint not null default 0
);

create table message (
    id                uuid primary key,
    conversation_id   text        not null,
    seq               bigint      not null,
    sender_id         uuid        not null,
    receiver_id       uuid,
    group_id          uuid,
    parent_id         uuid,
    content           text,
    type              varchar(10) not null,
    status            varchar(10) not null,
    metadata          jsonb,
    client_message_id varchar(100),
    edited            boolean     not null default false,
    deleted           boolean     not null default false,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    constraint message_conversation_seq unique (conversation_id, seq),
    constraint message_one_target check ((receiver_id is null) <> (group_id is null))
);

create index message_history on message (conversation_id, seq desc);
create unique index message_client_id on message (sender_id, client_message_id) where client_message_id is not null;

-- Projection of chat.users.v1: which user ids exist (filled by events, and on a miss by asking user-service).
create table known_user (
    id       uuid primary key,
    username text,
    deleted  boolean not null default false
);
