-- Shared by every service that owns data: the transactional outbox and consumer de-duplication.
create table outbox_event (
    id         bigserial primary key,
    event_id   uuid        not null,
    topic      text        not null,
    msg_key    text,
    envelope   text        not null,
    created_at timestamptz not null default now()
);

create table processed_event (
    event_id     uuid primary key,
    processed_at timestamptz not null default now()
);
