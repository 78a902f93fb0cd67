-- Every trainee's fields are now held encrypted (previous migration): the text goes, and what looked a booking up
-- by its e-mail address now does so by the address's keyed hash.
ALTER TABLE booking
    DROP COLUMN attendee_name,
    DROP COLUMN attendee_email,
    DROP COLUMN organisation,
    DROP COLUMN job_role;
-- One live booking per e-mail address and session, as before (booking_one_live_per_email went with its column).
CREATE UNIQUE INDEX booking_one_live_per_email ON booking (session_id, email_index)
    WHERE status IN ('CONFIRMED', 'WAITLISTED');
CREATE INDEX booking_email_index ON booking (email_index);
CREATE INDEX booking_name_index ON booking (name_index);

ALTER TABLE attendance
    DROP COLUMN attendee_name,
    DROP COLUMN attendee_email,
    DROP COLUMN organisation,
    DROP COLUMN job_role,
    DROP COLUMN correction_reason;
CREATE INDEX attendance_email_index ON attendance (email_index);
CREATE INDEX attendance_name_index ON attendance (name_index);

ALTER TABLE evaluation DROP COLUMN comments;
