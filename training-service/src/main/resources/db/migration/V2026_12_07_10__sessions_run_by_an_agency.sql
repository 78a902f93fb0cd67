-- The partner agency whose trainers run a session: they, and the Prevent lead, act on it and see its people
-- (bookings, waiting list, register, evaluations). Null for a session no agency's trainers run (scheduled by a
-- caller without an agency): only the Prevent lead sees its people.
ALTER TABLE training_session ADD COLUMN run_by text;
