-- One-time facts about this installation, e.g. that the demo organization was created (so deleting it sticks).
create table installation_state (
    name       text primary key,
    value      text        not null,
    updated_at timestamptz not null
);
