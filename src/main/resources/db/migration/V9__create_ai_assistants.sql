-- AI assistants: which reservation tools each may call, the API key it calls them with, and what it called.

-- An assistant's credential is an API key of its own role, issued and rotated by /ai-assistants only.
alter table api_keys drop constraint api_keys_role_check;
alter table api_keys add constraint api_keys_role_check
    check (role in ('platform_admin', 'admin', 'staff', 'read_only', 'assistant'));

create table ai_assistants (
    id                 uuid primary key,
    organization_id    uuid        not null references organizations (id) on delete cascade,
    name               text        not null,
    instructions       text,
    tools              text[]      not null default '{}',
    is_active          boolean     not null,
    -- The key now in force (role assistant); null once revoked. Rotation points it at a new key.
    credential_key_id  uuid        references api_keys (id),
    credential_prefix  text,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    constraint ai_assistants_organization_id_id_key unique (organization_id, id),
    constraint ai_assistants_tools_known check (
        tools <@ array['find_reservations', 'create_reservation', 'update_reservation',
                       'get_reservation_services', 'get_available_slots']::text[])
);

-- The authenticated key finds its assistant; a key stands for at most one assistant.
create unique index ai_assistants_credential_key_id_key on ai_assistants (organization_id, credential_key_id);

-- The audit trail: every tool call, over MCP or the REST face, with what it was given and how it ended.
create table ai_assistant_tool_calls (
    id               uuid primary key,
    organization_id  uuid        not null,
    assistant_id     uuid        not null,
    tool             text        not null,
    channel          text        not null check (channel in ('mcp', 'rest')),
    arguments        jsonb       not null,
    outcome          text        not null check (outcome in ('ok', 'error')),
    error_code       text,
    error_message    text,
    duration_ms      integer     not null,
    created_at       timestamptz not null,
    constraint ai_assistant_tool_calls_assistant_fkey foreign key (organization_id, assistant_id)
        references ai_assistants (organization_id, id) on delete cascade
);

create index ai_assistant_tool_calls_assistant_idx
    on ai_assistant_tool_calls (organization_id, assistant_id, created_at desc, id desc);

-- create_reservation's optional idempotency_key: the first successful result is kept and replayed.
create table ai_assistant_idempotency (
    organization_id  uuid        not null,
    assistant_id     uuid        not null,
    idempotency_key  text        not null,
    request_hash     bytea       not null,
    state            text        not null check (state in ('in_progress', 'completed')),
    result           jsonb,
    created_at       timestamptz not null,
    expires_at       timestamptz not null,
    primary key (organization_id, assistant_id, idempotency_key),
    constraint ai_assistant_idempotency_assistant_fkey foreign key (organization_id, assistant_id)
        references ai_assistants (organization_id, id) on delete cascade
);
