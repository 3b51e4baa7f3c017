-- The user directory: user-service is the system of record for a user's identity and profile.
create table users (
    id             uuid primary key,
    username       varchar(50)   not null,
    email          varchar(254)  not null,
    role           varchar(20)   not null default 'USER',
    avatar         varchar(2048),
    status_message varchar(255),
    is_online      boolean       not null default false,
    last_seen      timestamptz   not null,
    created_at     timestamptz   not null,
    updated_at     timestamptz   not null
);

-- Uniqueness is case-insensitive and enforced by the database, so concurrent registrations race safely.
create unique index uq_users_username_lower on users (lower(username));
create unique index uq_users_email_lower on users (lower(email));
