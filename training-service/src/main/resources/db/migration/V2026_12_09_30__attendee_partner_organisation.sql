-- The partner organisation (engagement's register) an attendee came from, when the booking or the register names
-- one, so reporting counts reach per organisation and organisation type; the organisation as written stays
-- encrypted beside it. A reference to an organisation says nothing about the person, so it is kept in the clear,
-- like the sector, and stays when the attendee's details are erased.
ALTER TABLE booking ADD COLUMN organisation_id uuid;
ALTER TABLE attendance ADD COLUMN organisation_id uuid;
