-- The first response to each Idempotency-Key, replayed for 24 hours. The scope is the API key (or the client
-- address for anonymous calls), so two clients never see each other's responses.
create table idempotency_records (
    scope            text        not null,
    idempotency_key  text        not null,
    request_hash     bytea       not null,
    state            text        not null check (state in ('in_progress', 'completed')),
    response_status  integer,
    response_headers jsonb,
    response_body    bytea,
    created_at       timestamptz not null,
    expires_at       timestamptz not null,
    primary key (scope, idempotency_key)
);

create index idempotency_records_expires_at_idx on idempotency_records (expires_at);
