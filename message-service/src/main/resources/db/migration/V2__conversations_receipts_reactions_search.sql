create extension if not exists pg_trgm;

-- Who takes part in a direct conversation (a group's participants come from group_member).
create table dm_participant (
    conversation_id text not null,
    user_id         uuid not null,
    primary key (user_id, conversation_id)
);

-- Projection of chat.groups.v1: current members of each group.
create table group_member (
    group_id uuid        not null,
    user_id  uuid        not null,
    role     varchar(10) not null,
    primary key (group_id, user_id)
);
create index group_member_by_user on group_member (user_id);

-- Groups whose member list above is complete (learned from GroupCreated or fetched whole from
-- group-service), as opposed to groups of which we only know single members.
create table known_group (
    group_id uuid primary key,
    complete boolean not null default false,
    deleted  boolean not null default false
);

-- Per-recipient delivery state; the message's status is the aggregate.
create table message_receipt (
    message_id   uuid not null references message (id) on delete cascade,
    user_id      uuid not null,
    delivered_at timestamptz,
    seen_at      timestamptz,
    primary key (message_id, user_id)
);
create index message_receipt_by_user on message_receipt (user_id) where seen_at is null;

create table reaction (
    message_id uuid        not null references message (id) on delete cascade,
    user_id    uuid        not null,
    emoji      varchar(64) not null,
    created_at timestamptz not null default now(),
    primary key (message_id, user_id, emoji)
);

-- Every change to a conversation, for GET /messages/sync. Ordered by the writing transaction's id
-- (tx_id) so that a cursor never skips a change whose transaction committed late: sync only
-- returns rows whose transaction is older than every transaction still running.
create table message_change (
    id              bigserial primary key,
    tx_id           xid8        not null default pg_current_xact_id(),
    conversation_id text        not null,
    message_id      uuid        not null,
    kind            varchar(20) not null,
    user_id         uuid,
    emoji           varchar(64),
    created_at      timestamptz not null default now()
);
create index message_change_order on message_change (conversation_id, tx_id, id);

-- Full-text search (websearch_to_tsquery, language-agnostic 'simple' config) plus trigram
-- matching for partial words and scripts the stemmer does not know.
alter table message add column search tsvector
    generated always as (to_tsvector('simple', coalesce(content, ''))) stored;
create index message_search on message using gin (search);
create index message_content_trgm on message using gin (content gin_trgm_ops);
