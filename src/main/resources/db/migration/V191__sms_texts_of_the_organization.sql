-- An organization's own SMS texts, beside its email templates: one plain text per kind and language. An SMS
-- template has no subject and no HTML; an email template keeps needing both.
alter table notification_templates add column channel text not null default 'email'
    check (channel in ('email', 'sms'));
alter table notification_templates alter column subject drop not null;
alter table notification_templates alter column html_body drop not null;
alter table notification_templates add constraint notification_templates_parts_of_channel check (
    (channel = 'email' and subject is not null and html_body is not null)
    or (channel = 'sms' and subject is null and html_body is null));
alter table notification_templates drop constraint notification_templates_key;
alter table notification_templates add constraint notification_templates_key
    unique (organization_id, kind, locale, channel);
