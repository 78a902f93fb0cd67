-- Trainees' erasure reaches competency (issue 21): training publishes training.attendance.erased.v1 when it erases an
-- attendee's identity (on request or by its retention rule). The completion of that attendance is deleted and the
-- attendance remembered here, by its id alone, so that an event of it read later (a replay of the log, or one
-- delivered out of order) never brings the person back.
CREATE TABLE erased_attendance (
    attendance_id uuid        PRIMARY KEY,
    erased_at     timestamptz NOT NULL DEFAULT now()
);
