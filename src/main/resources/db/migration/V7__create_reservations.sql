-- Reservations and the resource units they hold. Never double-book: the exclusion constraint on the
-- allocations refuses two overlapping intervals on one unit of one resource, whatever the application did.
create extension if not exists btree_gist;

create table reservations (
    id                     uuid primary key,
    organization_id        uuid        not null references organizations (id) on delete cascade,
    service_id             uuid        not null references reservation_services (id) on delete restrict,
    contact_id             uuid        references contacts (id) on delete set null,
    party_size             integer     not null check (party_size between 1 and 1000),
    start_datetime         timestamptz not null,
    end_datetime           timestamptz not null,
    occupied_from          timestamptz not null,
    occupied_until         timestamptz not null,
    status                 text        not null check (status in
                               ('held', 'pending', 'confirmed', 'seated', 'completed', 'cancelled', 'no_show', 'expired')),
    source                 text        not null check (source in
                               ('manual', 'api', 'booking_page', 'ai_assistant', 'google', 'walk_in')),
    customer_notes         text,
    internal_notes         text,
    deal_id                uuid,
    company_id             uuid,
    preferred_resource_id  uuid,
    custom_fields_by_key   jsonb       not null default '{}',
    confirmation_code      text        not null,
    hold_expires_at        timestamptz,
    cancelled_at           timestamptz,
    cancelled_by           text check (cancelled_by in ('organization', 'contact', 'system')),
    cancellation_reason    text,
    is_override            boolean     not null default false,
    created_by_api_key_id  uuid,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    constraint reservations_times_ordered check (occupied_from <= start_datetime and start_datetime < end_datetime),
    constraint reservations_hold_has_expiry check ((status = 'held') = (hold_expires_at is not null)),
    constraint reservations_confirmation_code_key unique (organization_id, confirmation_code)
);

create index reservations_organization_start_idx on reservations (organization_id, start_datetime, id);
create index reservations_organization_occupied_idx on reservations (organization_id, occupied_from, occupied_until)
    where status in ('held', 'pending', 'confirmed', 'seated', 'completed');
create index reservations_lapsing_holds_idx on reservations (organization_id, hold_expires_at) where status = 'held';
create index reservations_contact_idx on reservations (organization_id, contact_id);
create index reservations_service_start_idx on reservations (organization_id, service_id, start_datetime);

create table reservation_allocations (
    organization_id  uuid      not null,
    reservation_id   uuid      not null references reservations (id) on delete cascade,
    resource_id      uuid      not null references reservation_resources (id) on delete restrict,
    unit_index       integer   not null check (unit_index >= 0),
    assignment_mode  text      not null check (assignment_mode in ('required', 'optional', 'any_available', 'override')),
    occupied         tstzrange not null check (not isempty(occupied)),
    primary key (organization_id, reservation_id, resource_id, unit_index),
    constraint reservation_allocations_no_overlap
        exclude using gist (organization_id with =, resource_id with =, unit_index with =, occupied with &&)
);

create index reservation_allocations_resource_idx on reservation_allocations (organization_id, resource_id);

-- One row per (service, start) that counts parties; bookings for that start lock it in turn.
create table reservation_slot_locks (
    organization_id  uuid        not null references organizations (id) on delete cascade,
    service_id       uuid        not null,
    start_datetime   timestamptz not null,
    primary key (organization_id, service_id, start_datetime)
);
