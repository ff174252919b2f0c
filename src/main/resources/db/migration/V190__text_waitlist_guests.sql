-- Waitlist messages go by SMS too: an offer's email and its SMS carry the same sequence, so the once-key of a
-- waitlist message names its channel, as the reservations' key does since V150.
drop index notifications_waitlist_once_key;
create unique index notifications_waitlist_once_key
    on notifications (organization_id, waitlist_entry_id, kind, channel, sequence) where waitlist_entry_id is not null;
