-- Council feed records keep their text (README, "Security": encrypting a million-row file would cost the feed its
-- pace), but lose it like the others on request or when their retention ends.
ALTER TABLE completion_record
    ALTER COLUMN person_name DROP NOT NULL,
    ADD COLUMN erased_at timestamptz;

-- Every subject access request (an export or an erasure) and every retention run: who, when and why, how many
-- records. The person is named only by the keyed hashes of their e-mail address and name, so the log keeps no
-- identity once it is erased, and the key holder can still tell whose request an entry was. Append-only.
CREATE TABLE subject_access_log (
    id             uuid PRIMARY KEY,
    action         varchar(20)  NOT NULL,
    requested_by   varchar(200) NOT NULL,
    requested_at   timestamptz  NOT NULL,
    purpose        varchar(500) NOT NULL,
    email_index    varchar(64),
    name_index     varchar(64),
    bookings       integer      NOT NULL,
    attendance     integer      NOT NULL,
    evaluations    integer      NOT NULL,
    completions    integer      NOT NULL
);
CREATE INDEX subject_access_log_requested_at ON subject_access_log (requested_at);
CREATE INDEX subject_access_log_email_index ON subject_access_log (email_index);

CREATE FUNCTION subject_access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'subject_access_log is append-only';
END;
$$;
CREATE TRIGGER subject_access_log_append_only BEFORE UPDATE OR DELETE ON subject_access_log
    FOR EACH ROW EXECUTE FUNCTION subject_access_log_append_only();
