-- Members whose MemberRemoved was the last event applied for them (cleared when they are added
-- again): group-service's answer to a lookup may predate the removal, and must not bring them back.
create table group_member_removal (
    group_id uuid not null,
    user_id  uuid not null,
    primary key (group_id, user_id)
);
