-- Three more kinds of guest message: the note that a hold lapsed, a waitlist offer of a later start, and "your
-- table is ready" for a party waiting now. Waitlist messages are about an entry, not a reservation, so a message
-- names exactly one of the two; each offer to an entry is its own message (the sequence counts them).
alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check check (kind in
    ('confirmation', 'change', 'cancellation', 'reminder', 'hold_expired', 'waitlist_offer', 'waitlist_ready'));

alter table notifications alter column reservation_id drop not null;
alter table notifications add column waitlist_entry_id uuid references waitlist_entries (id) on delete cascade;
alter table notifications add constraint notifications_about_one_thing
    check ((reservation_id is null) <> (waitlist_entry_id is null));

create unique index notifications_waitlist_once_key
    on notifications (organization_id, waitlist_entry_id, kind, sequence) where waitlist_entry_id is not null;
create index notifications_waitlist_entry_idx
    on notifications (organization_id, waitlist_entry_id) where waitlist_entry_id is not null;
