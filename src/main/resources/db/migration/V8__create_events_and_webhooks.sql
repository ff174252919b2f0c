-- Events (the outbox: written in the transaction of the change they record) and their delivery to webhook
-- endpoints. A delivery row is the queue entry of one event for one endpoint; its attempts are the log.

-- A UUID version 7 made by the database, for the delivery rows the fan-out creates in SQL (the application
-- makes its own ids with the same layout). PostgreSQL 18 has uuidv7(); older servers, which we support, do not.
create function reserva_uuid_v7() returns uuid
    language sql volatile parallel safe as
$$
select encode(
    set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
                            placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
                            from 1 for 6),
                    52, 1),
            53, 1),
    'hex')::uuid
$$;

create table events (
    id               uuid primary key,
    organization_id  uuid        not null references organizations (id) on delete cascade,
    type             text        not null,
    data             json        not null,
    changed_fields   text[],
    created_at       timestamptz not null
);

create index events_organization_created_idx on events (organization_id, created_at, id);
create index events_organization_type_created_idx on events (organization_id, type, created_at, id);
create index events_created_idx on events (created_at);

create table webhook_endpoints (
    id                          uuid primary key,
    organization_id             uuid        not null references organizations (id) on delete cascade,
    url                         text        not null,
    description                 text,
    event_types                 text[]      not null default '{}',
    is_active                   boolean     not null default true,
    disabled_reason             text,
    secret                      text        not null,
    previous_secret             text,
    previous_secret_expires_at  timestamptz,
    created_at                  timestamptz not null,
    updated_at                  timestamptz not null
);

create index webhook_endpoints_organization_idx on webhook_endpoints (organization_id, created_at, id);

create table webhook_deliveries (
    id                uuid primary key,
    organization_id   uuid        not null,
    endpoint_id       uuid        not null references webhook_endpoints (id) on delete cascade,
    event_id          uuid        not null references events (id) on delete cascade,
    event_type        text        not null,
    status            text        not null check (status in ('pending', 'succeeded', 'failed')),
    attempts          integer     not null default 0,
    next_attempt_at   timestamptz,
    last_attempt_at   timestamptz,
    last_status_code  integer,
    last_error        text,
    last_duration_ms  integer,
    redelivery_of     uuid,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    constraint webhook_deliveries_pending_is_scheduled check ((status = 'pending') = (next_attempt_at is not null))
);

create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_organization_idx on webhook_deliveries (organization_id, created_at, id);
create index webhook_deliveries_endpoint_idx on webhook_deliveries (endpoint_id, status, created_at);
create index webhook_deliveries_event_idx on webhook_deliveries (event_id);

create table webhook_delivery_attempts (
    delivery_id      uuid        not null references webhook_deliveries (id) on delete cascade,
    attempt          integer     not null,
    organization_id  uuid        not null,
    attempted_at     timestamptz not null,
    status_code      integer,
    duration_ms      integer     not null,
    error            text,
    next_attempt_at  timestamptz,
    primary key (delivery_id, attempt)
);
