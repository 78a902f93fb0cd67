-- When a booking was made, which is not always when it was recorded: staff record the bookings of a session that
-- has started (from the booking sheet) until it is delivered, and say when each was made. Rows before this were
-- recorded as they were made.
ALTER TABLE booking ADD COLUMN booked_at timestamptz;
UPDATE booking SET booked_at = created_at;
ALTER TABLE booking ALTER COLUMN booked_at SET NOT NULL;
