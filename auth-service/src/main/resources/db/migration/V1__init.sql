-- Credentials: what auth-service alone knows about a user (user-service owns the rest).
create table credentials (
    user_id       uuid primary key,
    email         varchar(254) not null,
    password_hash varchar(100) not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null
);
create unique index uq_credentials_email_lower on credentials (lower(email));

-- Sessions: one row per refresh token ever issued; a login starts a family (= session id, the
-- access token's sid), each refresh adds a row to it. Only SHA-256 hashes of tokens are stored.
create table refresh_tokens (
    id         uuid primary key,
    user_id    uuid        not null,
    family_id  uuid        not null,
    token_hash varchar(64) not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    revoked_at timestamptz,
    created_at timestamptz not null
);
create unique index uq_refresh_tokens_hash on refresh_tokens (token_hash);
create index ix_refresh_tokens_user on refresh_tokens (user_id);
create index ix_refresh_tokens_family on refresh_tokens (family_id);
