-- The completions feed now makes its records' time-ordered ids itself, as it writes them with COPY.
DROP FUNCTION uuid_v7();
