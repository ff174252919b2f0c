-- Guests (contacts) and the minimal CRM records a reservation may point at (companies, deals). References
-- between them carry organization_id, so the database itself refuses a link to another tenant's row.
create table companies (
    id              uuid primary key,
    organization_id uuid        not null references organizations (id) on delete cascade,
    name            text        not null,
    domain          text,
    phone           text,
    notes           text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    constraint companies_organization_id_id_key unique (organization_id, id)
);

create index companies_organization_created_idx on companies (organization_id, created_at, id);

create table contacts (
    id                   uuid primary key,
    organization_id      uuid        not null references organizations (id) on delete cascade,
    first_name           text,
    last_name            text,
    email                text,
    phone                text,
    notes                text,
    tags                 text[]      not null default '{}',
    marketing_opt_in     boolean     not null default false,
    company_id           uuid,
    custom_fields_by_key jsonb       not null default '{}',
    visit_count          integer     not null default 0 check (visit_count >= 0),
    no_show_count        integer     not null default 0 check (no_show_count >= 0),
    cancellation_count   integer     not null default 0 check (cancellation_count >= 0),
    last_visit_at        timestamptz,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    -- Someone to call or write to: a contact without a name must have an email or a phone.
    constraint contacts_identifiable check (first_name is not null or email is not null or phone is not null),
    constraint contacts_email_lower_case check (email = lower(email)),
    constraint contacts_organization_id_id_key unique (organization_id, id),
    constraint contacts_company_fk foreign key (organization_id, company_id) references companies (organization_id, id)
);

-- One guest per email and per phone in an organization: matching a booking's guest relies on these.
create unique index contacts_email_key on contacts (organization_id, email) where email is not null;
create unique index contacts_phone_key on contacts (organization_id, phone) where phone is not null;
create index contacts_organization_created_idx on contacts (organization_id, created_at, id);
create index contacts_organization_name_idx on contacts (organization_id, last_name, first_name);
create index contacts_company_idx on contacts (organization_id, company_id) where company_id is not null;

create table deals (
    id              uuid primary key,
    organization_id uuid          not null references organizations (id) on delete cascade,
    name            text          not null,
    company_id      uuid,
    contact_id      uuid,
    amount          numeric(14, 2) check (amount >= 0),
    currency        char(3)       not null,
    stage           text          not null default 'open',
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    constraint deals_organization_id_id_key unique (organization_id, id),
    constraint deals_company_fk foreign key (organization_id, company_id) references companies (organization_id, id),
    constraint deals_contact_fk foreign key (organization_id, contact_id) references contacts (organization_id, id)
);

create index deals_organization_created_idx on deals (organization_id, created_at, id);
create index deals_company_idx on deals (organization_id, company_id) where company_id is not null;
create index deals_contact_idx on deals (organization_id, contact_id) where contact_id is not null;
