create table call (
    id            uuid primary key,
    initiator_id  uuid        not null,
    group_id      uuid,
    room_id       varchar(64) not null unique,
    type          varchar(5)  not null check (type in ('AUDIO', 'VIDEO')),
    status        varchar(8)  not null check (status in ('RINGING', 'ONGOING', 'ENDED', 'REJECTED', 'MISSED')),
    created_at    timestamptz not null,
    -- Fixed when the call starts, so changing the ring timeout does not touch calls already ringing.
    ring_deadline timestamptz not null,
    ended_at      timestamptz,
    constraint call_ended_iff_final check ((status in ('RINGING', 'ONGOING')) = (ended_at is null))
);

-- The sweeper's query: ringing calls past their deadline.
create index call_ringing on call (ring_deadline) where status = 'RINGING';

-- Everyone invited to a call, the initiator included.
create table call_participant (
    call_id         uuid        not null references call (id) on delete cascade,
    user_id         uuid        not null,
    initiator       boolean     not null,
    -- Invitation order (the initiator is 0), so participants are listed as they were invited.
    position        smallint    not null,
    -- Copied from the call so a user's history is read newest first straight from an index.
    call_created_at timestamptz not null,
    joined_at       timestamptz,
    left_at         timestamptz,
    rejected_at     timestamptz,
    primary key (call_id, user_id),
    constraint participant_left_after_joining check (left_at is null or joined_at is not null),
    constraint participant_joined_or_rejected check (joined_at is null or rejected_at is null)
);

create index call_history on call_participant (user_id, call_created_at desc, call_id desc);

-- A user is in at most one call at a time: joined and not left. Every final transition sets left_at,
-- so this also guards concurrent initiations and joins by the same user.
create unique index call_one_per_user on call_participant (user_id) where joined_at is not null and left_at is null;

-- Projection of chat.users.v1: the names, emails and avatars put into Jitsi tokens (filled by events,
-- and on a miss by asking user-service).
create table known_user (
    id       uuid primary key,
    username text,
    email    text,
    avatar   text,
    deleted  boolean not null default false
);
