-- Secret calendar feeds (issue 13 §5): /calendars/{token}.ics for an organization or one of its resources.
-- Only a SHA-256 of the token is kept, as for API keys; a revoked feed keeps its row (revoked_at) for the list.
create table calendar_feeds (
    id               uuid primary key,
    organization_id  uuid        not null references organizations (id) on delete cascade,
    resource_id      uuid        references reservation_resources (id) on delete cascade,
    name             text        check (char_length(name) <= 200),
    token_hash       bytea       not null,
    created_at       timestamptz not null,
    revoked_at       timestamptz,
    constraint calendar_feeds_token_hash_key unique (token_hash)
);

create index calendar_feeds_organization_idx on calendar_feeds (organization_id, created_at, id);
