-- Staged rows are read by natural key only in whole-job scans (the duplicate check, a dry run's preview, the
-- apply), which sort or hash anyway; keeping the index up to date cost a quarter of a million-line COPY.
DROP INDEX feed_staged_row_key;
