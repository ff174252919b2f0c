-- Webhook signing secrets are stored sealed (AES-GCM, see io.reserva.shared.SecretCipher), never in clear text.
-- The key lives outside the database, so SQL cannot seal the secrets earlier versions stored: the constraint
-- starts NOT VALID (every new or changed row must be sealed at once), the application seals the old rows when it
-- starts (WebhookSecretSealing) and then validates the constraint, after which it holds for every row.
alter table webhook_endpoints
    add constraint webhook_endpoints_secrets_sealed
        check (secret like 'sealed:%' and (previous_secret is null or previous_secret like 'sealed:%')) not valid;
