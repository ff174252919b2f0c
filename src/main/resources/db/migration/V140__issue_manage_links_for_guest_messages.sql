-- A guest's manage link in each email. The token the booking page shows once is kept only as a hash, so a
-- message cannot carry it; instead each message gets a token of its own, made when the message is put together
-- and stored here only as its SHA-256, next to the booking page it opens. It works like the page's own token
-- until expires_at, and is never readable through the API.
create table booking_page_message_tokens (
    organization_id  uuid        not null references organizations (id) on delete cascade,
    reservation_id   uuid        not null references reservations (id) on delete cascade,
    booking_link_id  uuid        not null references reservation_booking_links (id) on delete cascade,
    token_hash       bytea       not null,
    expires_at       timestamptz not null,
    created_at       timestamptz not null,
    constraint booking_page_message_tokens_key unique (organization_id, token_hash)
);

create index booking_page_message_tokens_expiry_idx on booking_page_message_tokens (expires_at);
