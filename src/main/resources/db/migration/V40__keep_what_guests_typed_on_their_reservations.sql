-- On channels without an API key (booking pages, AI assistants) the booking keeps exactly what the guest typed,
-- and answers show that back, never the stored contact. When the email or phone typed is an existing contact's
-- but the name does not agree with it, the booking is not filed under that contact: the contact is kept in
-- unverified_contact_id for staff to review (and link with contact_id if it is the same person).
alter table reservations
    add column guest_first_name      text,
    add column guest_last_name       text,
    add column guest_email           text,
    add column guest_phone           text,
    add column unverified_contact_id uuid references contacts (id) on delete set null;

create index reservations_unverified_contact_idx on reservations (organization_id, unverified_contact_id)
    where unverified_contact_id is not null;
