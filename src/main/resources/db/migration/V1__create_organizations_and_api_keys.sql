-- Tenants and the keys that act for them. A platform key (role platform_admin) belongs to no organization.
create table organizations (
    id          uuid primary key,
    name        text        not null,
    slug        text        not null,
    timezone    text        not null,
    currency    char(3)     not null,
    locale      text        not null,
    country     char(2),
    email       text,
    phone       text,
    website     text,
    address     text,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    constraint organizations_slug_key unique (slug)
);

create table api_keys (
    id              uuid primary key,
    organization_id uuid references organizations (id) on delete cascade,
    name            text        not null,
    role            text        not null check (role in ('platform_admin', 'admin', 'staff', 'read_only')),
    key_prefix      text        not null,
    secret_hash     bytea       not null,
    created_at      timestamptz not null,
    expires_at      timestamptz,
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    constraint api_keys_platform_has_no_organization check ((role = 'platform_admin') = (organization_id is null))
);

-- Keys are found by the hash of the presented secret, across organizations: the one global unique index.
create unique index api_keys_secret_hash_key on api_keys (secret_hash);
create index api_keys_organization_id_idx on api_keys (organization_id, id);
