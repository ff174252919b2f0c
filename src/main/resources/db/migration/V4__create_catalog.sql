-- The catalog: what can be booked (services), what gets allocated (resources), which resources a service needs
-- (links), and when resources are open (weekly hours and exceptions). Every table carries organization_id, and
-- the composite keys (organization_id, id) let links, hours and exceptions refer to a service or resource of
-- the same organization only: a row can never point across tenants, whatever the application does.

-- gist over uuid equality, for the no-overlap constraint on weekly hours (trusted since PostgreSQL 13).
create extension if not exists btree_gist;

create table reservation_services (
    id                          uuid primary key,
    organization_id             uuid          not null references organizations (id) on delete cascade,
    name                        text          not null check (char_length(name) between 1 and 200),
    description                 text          check (char_length(description) <= 5000),
    duration_minutes            integer       not null check (duration_minutes between 1 and 1440),
    buffer_before_minutes       integer       not null default 0 check (buffer_before_minutes between 0 and 1440),
    buffer_after_minutes        integer       not null default 0 check (buffer_after_minutes between 0 and 1440),
    slot_interval               integer       check (slot_interval between 1 and 1440),
    slot_capacity               integer       check (slot_capacity >= 1),
    max_party_size              integer       check (max_party_size >= 1),
    min_party_size              integer       not null default 1 check (min_party_size >= 1),
    durations_by_party_size     jsonb         not null default '[]' check (jsonb_typeof(durations_by_party_size) = 'array'),
    seating                     text          not null default 'separate' check (seating in ('separate', 'shared')),
    max_participants_per_slot   integer       check (max_participants_per_slot >= 1),
    price                       numeric(12, 2) check (price >= 0),
    currency                    char(3)       not null check (currency ~ '^[A-Z]{3}$'),
    max_advance_days            integer       check (max_advance_days between 0 and 3650),
    min_advance_hours           integer       not null default 0 check (min_advance_hours >= 0),
    requires_confirmation       boolean       not null default false,
    allow_cancellation          boolean       not null default true,
    cancellation_deadline_hours integer       check (cancellation_deadline_hours >= 0),
    is_public                   boolean       not null default true,
    is_active                   boolean       not null default true,
    color                       text          check (color ~ '^#[0-9A-Fa-f]{6}$'),
    image_url                   text          check (image_url ~ '^https?://'),
    timezone                    text          not null,
    created_at                  timestamptz   not null,
    updated_at                  timestamptz   not null,
    constraint reservation_services_party_sizes check (max_party_size is null or min_party_size <= max_party_size),
    constraint reservation_services_shared_only
        check (max_participants_per_slot is null or seating = 'shared'),
    constraint reservation_services_organization_id_id_key unique (organization_id, id)
);

create index reservation_services_organization_name_idx on reservation_services (organization_id, name);

create table reservation_resources (
    id               uuid primary key,
    organization_id  uuid        not null references organizations (id) on delete cascade,
    name             text        not null check (char_length(name) between 1 and 200),
    description      text        check (char_length(description) <= 5000),
    resource_type    text        not null check (resource_type ~ '^[a-z][a-z0-9_]{0,39}$'),
    capacity         integer     check (capacity >= 1),
    min_party_size   integer     check (min_party_size >= 1),
    units            integer     not null default 1 check (units between 1 and 1000),
    -- The staff member a person resource stands for; there is no users table yet, so no foreign key.
    user_id          uuid,
    timezone         text        not null,
    is_active        boolean     not null default true,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    constraint reservation_resources_party_sizes
        check (capacity is null or min_party_size is null or min_party_size <= capacity),
    constraint reservation_resources_organization_id_id_key unique (organization_id, id)
);

create index reservation_resources_organization_name_idx on reservation_resources (organization_id, name);
create index reservation_resources_organization_type_idx on reservation_resources (organization_id, resource_type);

create table reservation_service_resources (
    id               uuid primary key,
    organization_id  uuid        not null references organizations (id) on delete cascade,
    service_id       uuid        not null,
    resource_id      uuid        not null,
    assignment_mode  text        not null default 'required'
        check (assignment_mode in ('required', 'optional', 'any_available')),
    quantity         integer     not null default 1 check (quantity between 1 and 1000),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    constraint reservation_service_resources_service_fkey foreign key (organization_id, service_id)
        references reservation_services (organization_id, id) on delete cascade,
    constraint reservation_service_resources_resource_fkey foreign key (organization_id, resource_id)
        references reservation_resources (organization_id, id) on delete cascade,
    constraint reservation_service_resources_link_key unique (organization_id, service_id, resource_id)
);

create index reservation_service_resources_resource_idx
    on reservation_service_resources (organization_id, resource_id);

-- A weekly window as minutes of the week (0 = Sunday 00:00), half-open. A window whose end is at or before its
-- start runs past midnight; one that runs past Saturday midnight wraps to Sunday, hence a multirange.
create function reservation_week_span(day_of_week integer, start_time time, end_time time)
    returns int4multirange
    language sql immutable strict parallel safe
as $$
    select case
               when span.starts + span.length <= 10080 then int4multirange(int4range(span.starts, span.starts + span.length))
               else int4multirange(int4range(span.starts, 10080), int4range(0, span.starts + span.length - 10080))
           end
    from (select day_of_week * 1440 + extract(hour from start_time)::integer * 60
                     + extract(minute from start_time)::integer as starts,
                 case
                     when end_time > start_time then (extract(epoch from end_time - start_time) / 60)::integer
                     else 1440 - (extract(epoch from start_time - end_time) / 60)::integer
                 end as length) as span
$$;

create table reservation_resource_availability (
    id               uuid primary key,
    organization_id  uuid        not null references organizations (id) on delete cascade,
    -- null: the organization's business hours
    resource_id      uuid,
    day_of_week      integer     not null check (day_of_week between 0 and 6),
    start_time       time        not null check (start_time = date_trunc('minute', start_time)),
    end_time         time        not null check (end_time = date_trunc('minute', end_time)),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    constraint reservation_resource_availability_resource_fkey foreign key (organization_id, resource_id)
        references reservation_resources (organization_id, id) on delete cascade,
    -- The service refuses overlaps with a message naming both windows; this is the final word under concurrency.
    constraint reservation_resource_availability_no_overlap exclude using gist (
        organization_id with =,
        coalesce(resource_id, '00000000-0000-0000-0000-000000000000'::uuid) with =,
        reservation_week_span(day_of_week, start_time, end_time) with &&)
);

create index reservation_resource_availability_owner_idx
    on reservation_resource_availability (organization_id, resource_id, day_of_week, start_time);

create table reservation_resource_exceptions (
    id                   uuid primary key,
    organization_id      uuid        not null references organizations (id) on delete cascade,
    -- null: the whole organization
    resource_id          uuid,
    date                 date        not null,
    exception_type       text        not null check (exception_type in ('blocked', 'special_hours')),
    start_time           time        check (start_time = date_trunc('minute', start_time)),
    end_time             time        check (end_time = date_trunc('minute', end_time)),
    reason               text        check (char_length(reason) <= 500),
    is_recurring_yearly  boolean     not null default false,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    constraint reservation_resource_exceptions_resource_fkey foreign key (organization_id, resource_id)
        references reservation_resources (organization_id, id) on delete cascade,
    constraint reservation_resource_exceptions_hours check (
        (exception_type = 'blocked' and start_time is null and end_time is null)
        or (exception_type = 'special_hours' and start_time is not null and end_time is not null))
);

create index reservation_resource_exceptions_owner_idx
    on reservation_resource_exceptions (organization_id, resource_id, date);
create index reservation_resource_exceptions_date_idx on reservation_resource_exceptions (organization_id, date);
