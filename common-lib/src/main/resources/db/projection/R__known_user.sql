-- The known-user projection of chat.users.v1 (common-lib's KnownUsers), the same in every service
-- that keeps one. Repeatable and idempotent rather than versioned: it runs after a service's own
-- migrations, whatever their numbers (some of them created an older known_user), and again, harmlessly,
-- whenever this script changes.
create table if not exists known_user (
    id       uuid primary key,
    username text,
    email    text,
    avatar   text,
    deleted  boolean not null default false
);
alter table known_user add column if not exists email text;
alter table known_user add column if not exists avatar text;
