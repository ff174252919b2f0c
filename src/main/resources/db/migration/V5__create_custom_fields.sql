-- Definitions of the extra fields an organization asks for on its reservations and contacts. The values live
-- with the record they describe (a jsonb column keyed by `key`), so a definition can be added, deactivated or
-- deleted without touching them.
create table custom_fields (
    id              uuid primary key,
    organization_id uuid        not null references organizations (id) on delete cascade,
    entity_type     text        not null check (entity_type in ('reservation', 'contact')),
    key             text        not null check (key ~ '^[a-z][a-z0-9_]{0,62}$'),
    label           text        not null,
    field_type      text        not null check (field_type in ('text', 'textarea', 'number', 'boolean', 'date',
                                                               'select', 'multiselect', 'email', 'phone', 'url')),
    options         text[],
    is_required     boolean     not null default false,
    is_active       boolean     not null default true,
    position        integer     not null,
    description     text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    -- Choices only where a choice is made: select and multiselect need them, the other types have none.
    constraint custom_fields_options_match_type check (
        (field_type in ('select', 'multiselect')) = (options is not null and cardinality(options) > 0)),
    constraint custom_fields_key_key unique (organization_id, entity_type, key)
);

create index custom_fields_organization_position_idx on custom_fields (organization_id, entity_type, position, id);
