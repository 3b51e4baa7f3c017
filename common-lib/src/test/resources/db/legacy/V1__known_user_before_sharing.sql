-- known_user as message-service and group-service created it before the shared projection: the
-- shared script must take it over as it is, rows and all.
create table known_user (
    id       uuid primary key,
    username text,
    deleted  boolean not null default false
);
insert into known_user (id, username) values ('00000000-0000-0000-0000-0000000000a1', 'old_timer');
