-- "group" is a reserved word, hence chat_group.
create table chat_group (
    id          uuid primary key,
    title       varchar(100) not null,
    description varchar(500),
    cover       varchar(2048),
    type        varchar(10)  not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    constraint chat_group_type check (type in ('PRIVATE', 'PUBLIC', 'SECRET'))
);

-- join_seq breaks ties between members who joined in the same instant, so "longest-standing" is total.
create table group_member (
    group_id  uuid        not null references chat_group (id) on delete cascade,
    user_id   uuid        not null,
    role      varchar(10) not null,
    joined_at timestamptz not null,
    join_seq  bigserial   not null,
    primary key (group_id, user_id),
    constraint group_member_role check (role in ('OWNER', 'ADMIN', 'MEMBER'))
);

-- At most one owner per group; the service (under the group row lock) makes sure there is always one.
create unique index group_member_one_owner on group_member (group_id) where role = 'OWNER';
-- "My groups", newest membership first.
create index group_member_by_user on group_member (user_id, joined_at desc, join_seq desc);

-- Projection of chat.users.v1: which user ids exist (filled by events, and on a miss by asking user-service).
create table known_user (
    id       uuid primary key,
    username text,
    deleted  boolean not null default false
);
