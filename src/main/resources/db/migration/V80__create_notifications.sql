-- Guest notifications: one row per message, which is both the queue the workers claim from (FOR UPDATE SKIP
-- LOCKED with a lease, as webhook deliveries are) and the message log GET /notifications shows. Reminders are
-- rows too, due at their time; moving or cancelling a booking cancels them and queues new ones.
create table notifications (
    id               uuid primary key,
    organization_id  uuid        not null references organizations (id) on delete cascade,
    reservation_id   uuid        not null references reservations (id) on delete cascade,
    -- New kinds (the waitlist's offer and table-ready messages) join this list in a later migration.
    kind             text        not null check (kind in ('confirmation', 'change', 'cancellation', 'reminder')),
    -- The calendar invite's SEQUENCE: 0 for the confirmation, raised by every change and the cancellation; a
    -- reminder repeats the sequence current when it was queued.
    sequence         integer     not null check (sequence >= 0),
    channel          text        not null default 'email' check (channel in ('email')),
    recipient        text,
    status           text        not null
                     check (status in ('pending', 'sent', 'failed', 'not_sent', 'cancelled', 'skipped')),
    -- What the message says, as the booking stood when it was queued (guest name, start, party size, ...).
    data             jsonb       not null,
    starts_at        timestamptz not null,
    due_at           timestamptz not null,
    next_attempt_at  timestamptz,
    attempts         integer     not null default 0,
    provider_id      text,
    last_error       text,
    sent_at          timestamptz,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    constraint notifications_once_key unique (organization_id, reservation_id, kind, sequence)
);

create index notifications_due_idx on notifications (next_attempt_at) where status = 'pending';
create index notifications_organization_created_idx on notifications (organization_id, created_at, id);
create index notifications_not_sent_idx on notifications (created_at) where status = 'not_sent';

-- Hours before the start a reminder is sent (0: none): one row per organization (service_id null) and per
-- service that differs. Without a row the installation's default applies (reserva.notifications.reminder-hours-before).
create table notification_reminder_settings (
    organization_id  uuid        not null references organizations (id) on delete cascade,
    service_id       uuid        references reservation_services (id) on delete cascade,
    hours_before     integer     not null check (hours_before between 0 and 720),
    updated_at       timestamptz not null
);

create unique index notification_reminder_settings_key
    on notification_reminder_settings (organization_id, coalesce(service_id, '00000000-0000-0000-0000-000000000000'));

-- A guest who asked for no email gets none (transactional messages included); recorded per contact.
create table notification_opt_outs (
    organization_id  uuid        not null references organizations (id) on delete cascade,
    contact_id       uuid        not null references contacts (id) on delete cascade,
    channel          text        not null check (channel in ('email')),
    created_at       timestamptz not null,
    constraint notification_opt_outs_pkey primary key (organization_id, contact_id, channel)
);
