-- A staff attendee's user id (the identity provider's subject), when staff booked them and named it, so a governance
-- body (engagement) can link the training its members' roles require to their completions (issue 21). An opaque id,
-- never a name or e-mail; cleared with the attendee's other details when they are erased.
ALTER TABLE booking ADD COLUMN user_id varchar(200);
ALTER TABLE attendance ADD COLUMN user_id varchar(200);
