-- Table combinations: a named set of tables that staff can push together for one larger party. A booked
-- combination holds one allocation row per table, under the existing exclusion constraint, so a combination
-- and any of its tables can never be double-booked whichever is booked first; nothing new is needed for that.
create table reservation_resource_combinations (
    id               uuid primary key,
    organization_id  uuid        not null references organizations (id) on delete cascade,
    name             text        not null check (char_length(name) between 1 and 200),
    min_party_size   integer     not null check (min_party_size >= 1),
    max_party_size   integer     not null check (max_party_size >= 1),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    constraint reservation_resource_combinations_party_sizes check (min_party_size <= max_party_size),
    constraint reservation_resource_combinations_organization_id_id_key unique (organization_id, id)
);

create index reservation_resource_combinations_organization_name_idx
    on reservation_resource_combinations (organization_id, name);

-- The tables of a combination, in the order given. The composite foreign keys keep every table in the
-- combination's organization, and "on delete restrict" keeps a table that a combination still names.
create table reservation_resource_combination_tables (
    organization_id  uuid    not null,
    combination_id   uuid    not null,
    resource_id      uuid    not null,
    position         integer not null check (position >= 0),
    primary key (organization_id, combination_id, resource_id),
    constraint reservation_resource_combination_tables_combination_fkey foreign key (organization_id, combination_id)
        references reservation_resource_combinations (organization_id, id) on delete cascade,
    constraint reservation_resource_combination_tables_resource_fkey foreign key (organization_id, resource_id)
        references reservation_resources (organization_id, id) on delete restrict
);

create index reservation_resource_combination_tables_resource_idx
    on reservation_resource_combination_tables (organization_id, resource_id);
