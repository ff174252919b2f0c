-- Guests join the waitlist from a public booking page (issue 12).
--
-- waitlist_guest_details: what such a guest typed. As for bookings (issue 15), the entry is filed under an existing
-- contact only when the name typed is that contact's too; otherwise it has no contact, staff see what was typed,
-- and unverified_contact_id names the contact whose email or phone was given, for review.
--
-- booking_page_waitlist_entries: the guest's private status link. Only the SHA-256 of the token is kept, tied to
-- the entry and the link; accepting an offer through it files the booking's manage link under the same token.
create table waitlist_guest_details (
    organization_id        uuid        not null references organizations (id) on delete cascade,
    waitlist_entry_id      uuid        not null references waitlist_entries (id) on delete cascade,
    first_name             text,
    last_name              text,
    email                  text,
    phone                  text,
    unverified_contact_id  uuid,
    constraint waitlist_guest_details_pkey primary key (organization_id, waitlist_entry_id)
);

create table booking_page_waitlist_entries (
    organization_id    uuid        not null references organizations (id) on delete cascade,
    waitlist_entry_id  uuid        not null references waitlist_entries (id) on delete cascade,
    booking_link_id    uuid        not null references reservation_booking_links (id) on delete cascade,
    token_hash         bytea       not null,
    created_at         timestamptz not null,
    constraint booking_page_waitlist_entries_pkey primary key (organization_id, waitlist_entry_id),
    constraint booking_page_waitlist_entries_token_key unique (organization_id, token_hash)
);
