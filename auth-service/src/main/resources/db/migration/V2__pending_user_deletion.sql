-- A registration's undo, made durable: written before user-service is asked to create the user,
-- removed in the transaction that stores the credentials. A row that outlives its registration
-- (credentials refused, user-service timed out, the process died) names a user that nobody can log
-- in to; RegistrationUndo deletes it in user-service, retrying until user-service confirms.
create table pending_user_deletion (
    user_id       uuid primary key,
    attempts      integer     not null default 0,
    attempt_after timestamptz not null,
    created_at    timestamptz not null default now()
);
create index ix_pending_user_deletion_due on pending_user_deletion (attempt_after);
