-- The offer email's private link to the guest's waitlist status page (issue 12). The status token the booking page
-- shows once is kept only as a hash (booking_page_waitlist_entries), so an email cannot repeat it; as for manage
-- links (V140), each offer email gets a token of its own, made when the message is put together, stored here only
-- as its SHA-256 next to the page it opens. It opens the same status page (see the place, accept or decline the
-- offer, leave) until expires_at: the start on offer, after which the offer is of no use.
create table booking_page_waitlist_message_tokens (
    organization_id    uuid        not null references organizations (id) on delete cascade,
    waitlist_entry_id  uuid        not null references waitlist_entries (id) on delete cascade,
    booking_link_id    uuid        not null references reservation_booking_links (id) on delete cascade,
    token_hash         bytea       not null,
    expires_at         timestamptz not null,
    created_at         timestamptz not null,
    constraint booking_page_waitlist_message_tokens_key unique (organization_id, token_hash)
);

create index booking_page_waitlist_message_tokens_expiry_idx on booking_page_waitlist_message_tokens (expires_at);
