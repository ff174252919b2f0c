-- The senders read, for each chunk of messages, the booking page a reservation's message tokens open (a waitlist
-- offer accepted through its email's link). Every email about a booking-page reservation adds a row, and none is
-- purged yet, so without this index that read scanned the whole table once per chunk (before, once per message).
create index booking_page_message_tokens_reservation_idx
    on booking_page_message_tokens (organization_id, reservation_id);
