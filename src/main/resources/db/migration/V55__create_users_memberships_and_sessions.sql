-- Staff accounts. A user is one person across the installation (one email, one password); what they may do is
-- per organization, in a membership. The users row is the one table without organization_id: an account is not
-- owned by a tenant, its memberships are.
create table users (
    id             uuid primary key,
    email          text        not null,
    password_hash  text,
    password_set_at timestamptz,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    constraint users_email_lower check (email = lower(email))
);
create unique index users_email_key on users (email);

create table user_memberships (
    organization_id uuid        not null references organizations (id) on delete cascade,
    user_id         uuid        not null references users (id) on delete cascade,
    name            text        not null,
    role            text        not null check (role in ('admin', 'staff', 'read_only')),
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    primary key (organization_id, user_id)
);
create index user_memberships_user_idx on user_memberships (user_id);

-- Sessions: the cookie carries 256 random bits; only their SHA-256 is stored. Every node reads the same rows,
-- so a logout or revoke takes effect everywhere at once.
create table user_sessions (
    id_hash         bytea       primary key,
    organization_id uuid        not null,
    user_id         uuid        not null,
    created_at      timestamptz not null,
    last_seen_at    timestamptz not null,
    expires_at      timestamptz not null,
    foreign key (organization_id, user_id) references user_memberships (organization_id, user_id) on delete cascade
);
create index user_sessions_user_idx on user_sessions (user_id);
create index user_sessions_expires_idx on user_sessions (expires_at);

-- One-time links to set a password: an invitation's first password or an admin's reset. Stored hashed.
create table password_tokens (
    token_hash      bytea       primary key,
    organization_id uuid        not null references organizations (id) on delete cascade,
    user_id         uuid        not null references users (id) on delete cascade,
    purpose         text        not null check (purpose in ('setup', 'reset')),
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    used_at         timestamptz
);
create index password_tokens_user_idx on password_tokens (user_id);
