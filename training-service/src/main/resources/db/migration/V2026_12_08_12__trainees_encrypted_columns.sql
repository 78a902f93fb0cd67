-- Trainees' identifying fields are encrypted at rest with the service's own keys (hub.training.crypto), bound to
-- their record and field, and found by keyed hash (blind index) instead of by their text. This adds the columns;
-- the next migration (Java, it needs the keys) encrypts the rows already held, and the one after drops the text.
ALTER TABLE booking
    ADD COLUMN attendee_name_enc  text,
    ADD COLUMN attendee_email_enc text,
    ADD COLUMN organisation_enc   text,
    ADD COLUMN job_role_enc       text,
    ADD COLUMN email_index        varchar(64),
    ADD COLUMN name_index         varchar(64),
    ADD COLUMN erased_at          timestamptz,
    -- The next migration empties the text as it encrypts it, so the rows it rewrites no longer hold it.
    ALTER COLUMN attendee_name DROP NOT NULL,
    ALTER COLUMN attendee_email DROP NOT NULL;

ALTER TABLE attendance
    ADD COLUMN attendee_name_enc     text,
    ADD COLUMN attendee_email_enc    text,
    ADD COLUMN organisation_enc      text,
    ADD COLUMN job_role_enc          text,
    ADD COLUMN email_index           varchar(64),
    ADD COLUMN name_index            varchar(64),
    ADD COLUMN correction_reason_enc text,
    ADD COLUMN erased_at             timestamptz,
    ALTER COLUMN attendee_name DROP NOT NULL;

ALTER TABLE evaluation ADD COLUMN comments_enc text;
