-- Every contact is now held encrypted (previous migration): the text goes.
ALTER TABLE organisation
    DROP COLUMN contact_name,
    DROP COLUMN contact_email,
    DROP COLUMN contact_phone;
CREATE INDEX organisation_contact_email_index ON organisation (contact_email_index);
CREATE INDEX organisation_contact_name_index ON organisation (contact_name_index);

-- Every subject access request about a contact (an export or an erasure): who, when and why, how many records. The
-- person is named only by the keyed hashes of their e-mail address and name. Append-only.
CREATE TABLE subject_access_log (
    id            uuid PRIMARY KEY,
    action        varchar(20)  NOT NULL,
    requested_by  varchar(200) NOT NULL,
    requested_at  timestamptz  NOT NULL,
    purpose       varchar(500) NOT NULL,
    email_index   varchar(64),
    name_index    varchar(64),
    organisations integer      NOT NULL
);
CREATE INDEX subject_access_log_requested_at ON subject_access_log (requested_at);

CREATE FUNCTION subject_access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'subject_access_log is append-only';
END;
$$;
CREATE TRIGGER subject_access_log_append_only BEFORE UPDATE OR DELETE ON subject_access_log
    FOR EACH ROW EXECUTE FUNCTION subject_access_log_append_only();
