-- SMS beside email (issue 13 §2): the same queue and log carry both channels, so a message is now unique per
-- (reservation, kind, sequence, channel); a guest can opt out of SMS apart from email; and each organization
-- has its sender settings, with the SMS provider's credentials sealed by the shared cipher.
alter table notifications drop constraint notifications_channel_check;
alter table notifications add constraint notifications_channel_check check (channel in ('email', 'sms'));
alter table notifications drop constraint notifications_once_key;
alter table notifications
    add constraint notifications_once_key unique (organization_id, reservation_id, kind, sequence, channel);
-- What the provider last said about a sent message (delivered, undelivered, ...), from its status callback.
alter table notifications add column delivery_status text;
-- Status callbacks name the message by the provider's id.
create index notifications_provider_idx on notifications (organization_id, provider_id) where provider_id is not null;

alter table notification_opt_outs drop constraint notification_opt_outs_channel_check;
alter table notification_opt_outs add constraint notification_opt_outs_channel_check check (channel in ('email', 'sms'));

create table notification_sender_settings (
    organization_id               uuid primary key references organizations (id) on delete cascade,
    email_from                    text,
    email_reply_to                text,
    sms_provider                  text        not null default 'none'
                                  check (sms_provider in ('none', 'twilio', 'webhook')),
    -- The number (E.164) or alphanumeric sender id messages come from.
    sms_from                      text,
    twilio_account_sid            text,
    twilio_messaging_service_sid  text,
    -- Sealed with SecretCipher (context 'notification_sender_settings:<organization id>:<column>'); never returned.
    twilio_auth_token             text check (twilio_auth_token is null or twilio_auth_token like 'sealed:v1:%'),
    webhook_url                   text,
    webhook_secret                text check (webhook_secret is null or webhook_secret like 'sealed:v1:%'),
    created_at                    timestamptz not null,
    updated_at                    timestamptz not null
);
