-- An organization's own texts for a kind of message in one language; without a row the built-in text is used.
create table notification_templates (
    id               uuid primary key,
    organization_id  uuid        not null references organizations (id) on delete cascade,
    kind             text        not null,
    locale           text        not null check (locale in ('en', 'es')),
    subject          text        not null,
    text_body        text        not null,
    html_body        text        not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    constraint notification_templates_key unique (organization_id, kind, locale)
);
