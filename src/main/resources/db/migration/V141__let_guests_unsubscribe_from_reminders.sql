-- The unsubscribe link of guest emails (and their List-Unsubscribe header). Each message that has a contact gets a
-- token of its own, kept only as its SHA-256; following it records that the contact wants no non-essential email
-- from the organization (reminders, the hold-expired note). Confirmations, changes and cancellations of a booking
-- still go out: they are the booking itself. Tokens do not expire: an old email's link keeps working.
create table notification_unsubscribe_tokens (
    organization_id  uuid        not null references organizations (id) on delete cascade,
    contact_id       uuid        not null references contacts (id) on delete cascade,
    token_hash       bytea       not null,
    created_at       timestamptz not null,
    constraint notification_unsubscribe_tokens_key unique (organization_id, token_hash)
);

create table notification_unsubscribes (
    organization_id  uuid        not null references organizations (id) on delete cascade,
    contact_id       uuid        not null references contacts (id) on delete cascade,
    created_at       timestamptz not null,
    constraint notification_unsubscribes_pkey primary key (organization_id, contact_id)
);
