-- The waitlist entries Google's Actions Center made: the token that made each one (so a retry finds it) and the
-- user information Google sent (echoed instead of our contact's stored details).
create table google_waitlist_entries (
    organization_id    uuid        not null references organizations (id) on delete cascade,
    waitlist_entry_id  uuid        not null references waitlist_entries (id) on delete cascade,
    google_service_id  text        not null,
    idempotency_token  text,
    request_hash       bytea       not null,
    user_information   jsonb       not null,
    created_at         timestamptz not null,
    constraint google_waitlist_entries_pkey primary key (organization_id, waitlist_entry_id),
    constraint google_waitlist_entries_entry_key unique (waitlist_entry_id),
    constraint google_waitlist_entries_token_key unique (organization_id, idempotency_token)
);
