-- Partner organisations' contacts are encrypted at rest with the service's own keys (hub.engagement.crypto), bound
-- to their organisation and field, and found by keyed hash. This adds the columns; the next migration (Java, it
-- needs the keys) encrypts the contacts already held, and the one after drops the text.
ALTER TABLE organisation
    ADD COLUMN contact_name_enc    text,
    ADD COLUMN contact_email_enc   text,
    ADD COLUMN contact_phone_enc   text,
    ADD COLUMN contact_email_index varchar(64),
    ADD COLUMN contact_name_index  varchar(64),
    ADD COLUMN contact_erased_at   timestamptz;
