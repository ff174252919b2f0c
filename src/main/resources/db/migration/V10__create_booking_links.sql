-- Public booking pages: one row per link an organization publishes at /b/{organization_id}/{slug}, and the
-- private manage tokens of the reservations made through them (only a SHA-256 of each token is kept).
create table reservation_booking_links (
    id               uuid primary key,
    organization_id  uuid        not null references organizations (id) on delete cascade,
    name             text        not null,
    slug             text        not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    mode             text        not null check (mode in ('all_services', 'single_service', 'selected_services')),
    service_id       uuid,
    is_active        boolean     not null default true,
    page_config      jsonb       not null default '{}',
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    constraint reservation_booking_links_slug_key unique (organization_id, slug),
    constraint reservation_booking_links_single_has_service check (mode <> 'single_service' or service_id is not null)
);

create index reservation_booking_links_organization_idx on reservation_booking_links (organization_id, created_at, id);

create table booking_page_reservations (
    organization_id  uuid        not null references organizations (id) on delete cascade,
    reservation_id   uuid        not null references reservations (id) on delete cascade,
    booking_link_id  uuid        not null references reservation_booking_links (id) on delete cascade,
    token_hash       bytea       not null,
    created_at       timestamptz not null,
    constraint booking_page_reservations_pkey primary key (organization_id, reservation_id),
    constraint booking_page_reservations_token_key unique (organization_id, token_hash)
);
