-- A person to tell when a subscription is disabled after repeated failures: a partner's technical contact, so
-- sealed with the service's field cipher like the signing secret.
ALTER TABLE webhook_subscription ADD COLUMN contact_email_enc text;
