-- The waitlist: parties waiting at the door (kind 'now') and guests who want any start in a window of a later
-- day (kind 'later'). Each state keeps the time it was reached. A phone may be on the list once while the entry
-- is active (waiting, offered, checked_in): a partial unique index is the final word when two joins race.

alter table reservations drop constraint reservations_source_check;
alter table reservations add constraint reservations_source_check check (source in
    ('manual', 'api', 'booking_page', 'ai_assistant', 'google', 'walk_in', 'waitlist'));

create table waitlist_entries (
    id                     uuid primary key,
    organization_id        uuid        not null references organizations (id) on delete cascade,
    service_id             uuid,
    contact_id             uuid        references contacts (id) on delete set null,
    phone                  text,
    party_size             integer     not null check (party_size between 1 and 1000),
    kind                   text        not null check (kind in ('now', 'later')),
    local_date             date        not null,
    window_start           time,
    window_end             time,
    notes                  text,
    tags                   text[]      not null default '{}',
    source                 text        not null check (source in
                               ('walk_in', 'phone', 'manual', 'api', 'booking_page', 'ai_assistant', 'google')),
    status                 text        not null check (status in
                               ('waiting', 'offered', 'checked_in', 'seated', 'cancelled', 'declined_by_merchant',
                                'no_show', 'expired')),
    offered_at             timestamptz,
    checked_in_at          timestamptz,
    seated_at              timestamptz,
    cancelled_at           timestamptz,
    declined_at            timestamptz,
    no_show_at             timestamptz,
    expired_at             timestamptz,
    reservation_id         uuid        references reservations (id) on delete set null,
    offer_reservation_id   uuid        references reservations (id) on delete set null,
    offer_start            timestamptz,
    offer_expires_at       timestamptz,
    passed_starts          timestamptz[] not null default '{}',
    quote_from_override    timestamptz,
    quote_to_override      timestamptz,
    created_by_api_key_id  uuid,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    constraint waitlist_entries_service_fkey foreign key (organization_id, service_id)
        references reservation_services (organization_id, id) on delete restrict,
    constraint waitlist_entries_later_has_window check
        ((kind = 'later') = (window_start is not null and window_end is not null)),
    constraint waitlist_entries_later_has_service check (kind = 'now' or service_id is not null),
    constraint waitlist_entries_offer_whole check
        ((offer_reservation_id is null) = (offer_expires_at is null))
);

create index waitlist_entries_queue_idx on waitlist_entries (organization_id, local_date, kind, created_at, id)
    where status in ('waiting', 'offered', 'checked_in');
create index waitlist_entries_organization_created_idx on waitlist_entries (organization_id, created_at, id);
create index waitlist_entries_offer_idx on waitlist_entries (organization_id, offer_reservation_id)
    where offer_reservation_id is not null;
create unique index waitlist_entries_active_phone_key on waitlist_entries (organization_id, phone)
    where phone is not null and status in ('waiting', 'offered', 'checked_in');
