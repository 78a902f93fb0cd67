-- Every write honours Idempotency-Key now, updates included: a replayed update answers the version it made, so the
-- first answer's ETag is remembered with it (an ETag is a version number, never personal data).
ALTER TABLE idempotency_record ADD COLUMN etag varchar(200);
