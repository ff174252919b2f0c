-- The Google Actions Center channel: which organization is which Google merchant, which of its services
-- each Google service id stands for, the partner's HTTP Basic credentials (hashed), the bookings Google made
-- (with the idempotency token that made each one), and the marketing preferences Google reported.
create table google_integrations (
    organization_id  uuid        primary key references organizations (id) on delete cascade,
    merchant_id      text        not null,
    enabled          boolean     not null default false,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    constraint google_integrations_merchant_key unique (merchant_id)
);

create table google_service_mappings (
    organization_id    uuid not null references google_integrations (organization_id) on delete cascade,
    google_service_id  text not null,
    service_id         uuid not null,
    constraint google_service_mappings_pkey primary key (organization_id, google_service_id),
    constraint google_service_mappings_service_fkey foreign key (organization_id, service_id)
        references reservation_services (organization_id, id) on delete cascade
);

-- Installation-wide: Google calls the booking server as one partner for every merchant.
create table google_partner_credentials (
    id            uuid        primary key,
    username      text        not null,
    secret_hash   bytea       not null,
    created_at    timestamptz not null,
    expires_at    timestamptz,
    revoked_at    timestamptz
);

create table google_bookings (
    organization_id    uuid        not null references organizations (id) on delete cascade,
    reservation_id     uuid        not null references reservations (id) on delete cascade,
    google_service_id  text        not null,
    idempotency_token  text,
    request_hash       bytea       not null,
    user_id            text,
    user_information   jsonb       not null,
    created_at         timestamptz not null,
    constraint google_bookings_pkey primary key (organization_id, reservation_id),
    constraint google_bookings_reservation_key unique (reservation_id),
    constraint google_bookings_token_key unique (organization_id, idempotency_token)
);

create index google_bookings_user_idx on google_bookings (user_id, created_at);

create table google_marketing_preferences (
    user_id                    text        primary key,
    user_to_receive_marketing  boolean     not null,
    updated_at                 timestamptz not null
);
