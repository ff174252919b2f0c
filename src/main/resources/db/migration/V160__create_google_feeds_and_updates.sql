-- Pushing to Google: where feeds are uploaded (one SFTP account for the installation, its secrets sealed), what
-- each feed run produced, and the real-time updates queued for Google's Maps Booking API with their delivery log.
create table google_feed_upload (
    id               boolean     primary key default true check (id),
    host             text        not null,
    port             integer     not null check (port between 1 and 65535),
    username         text        not null,
    password         text        check (password like 'sealed:v1:%'),
    private_key      text        check (private_key like 'sealed:v1:%'),
    host_key         text        not null,
    remote_directory text        not null,
    updated_at       timestamptz not null,
    constraint google_feed_upload_one_secret check ((password is null) <> (private_key is null))
);

-- Installation-wide like the partner credentials: one feed covers every enabled merchant.
create table google_feed_runs (
    id                   uuid        primary key,
    trigger              text        not null check (trigger in ('schedule', 'on_demand')),
    started_at           timestamptz not null,
    finished_at          timestamptz not null,
    generation_timestamp bigint      not null,
    nonce                text        not null,
    directory            text        not null,
    merchants            integer     not null,
    services             integer     not null,
    availability_rows    integer     not null,
    availability_shards  integer     not null,
    files                jsonb       not null,
    skipped              jsonb       not null,
    upload_status        text        not null check (upload_status in ('not_configured', 'succeeded', 'failed')),
    upload_error         text
);

create index google_feed_runs_started_idx on google_feed_runs (started_at);

create table google_rtu_deliveries (
    id              uuid        primary key,
    organization_id uuid        not null references organizations (id) on delete cascade,
    kind            text        not null check (kind in ('booking', 'availability')),
    reservation_id  uuid,
    service_id      uuid,
    local_date      date,
    status          text        not null check (status in ('pending', 'sending', 'succeeded', 'failed')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_status_code integer,
    last_error      text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    constraint google_rtu_booking_target check (kind <> 'booking' or reservation_id is not null),
    constraint google_rtu_availability_target check (kind <> 'availability' or (service_id is not null and local_date is not null))
);

-- At most one waiting update per booking and per service day: a change that finds one pending rides along, as
-- the update is built from the state at sending time. A row being sent ('sending') does not count: a change
-- made meanwhile may not be in what is being sent, so it queues a new one.
create unique index google_rtu_pending_booking_key on google_rtu_deliveries (organization_id, reservation_id)
    where status = 'pending' and kind = 'booking';
create unique index google_rtu_pending_availability_key on google_rtu_deliveries (organization_id, service_id, local_date)
    where status = 'pending' and kind = 'availability';
create index google_rtu_due_idx on google_rtu_deliveries (next_attempt_at) where status in ('pending', 'sending');
create index google_rtu_recent_idx on google_rtu_deliveries (organization_id, updated_at);
