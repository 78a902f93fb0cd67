-- Remembered answers are now sealed (see IdempotentRequests): idem_key holds a keyed digest of the caller's key,
-- request_hash a keyed digest of the request, and body the answer encrypted with a key derived from the caller's
-- key, which is never stored. Rows written before held the key and the answer (cancellation secrets, names, emails)
-- in clear: forget them. At worst a retry in flight during the upgrade is treated as a new request.
DELETE FROM idempotency_record;

COMMENT ON COLUMN idempotency_record.idem_key IS 'HMAC of the caller''s Idempotency-Key; the key itself is not stored';
COMMENT ON COLUMN idempotency_record.body IS 'The first answer, AES-256-GCM sealed with a key derived from the caller''s Idempotency-Key';
