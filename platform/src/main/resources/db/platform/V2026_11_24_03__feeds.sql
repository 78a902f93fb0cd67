-- Council data feeds: one row per uploaded file (a job), the rows it staged, the lines it rejected,
-- and the codes each source system uses for areas, courses, event types...

CREATE TABLE feed_import (
    id               uuid PRIMARY KEY,
    feed             varchar(60)  NOT NULL,
    source           varchar(100) NOT NULL,
    batch_id         varchar(200),
    file_sha256      char(64)     NOT NULL,
    content_type     varchar(100) NOT NULL,
    bytes            bigint       NOT NULL,
    dry_run          boolean      NOT NULL,
    status           varchar(20)  NOT NULL,
    bytes_processed  bigint       NOT NULL DEFAULT 0,
    records          bigint       NOT NULL DEFAULT 0,
    created          bigint       NOT NULL DEFAULT 0,
    updated          bigint       NOT NULL DEFAULT 0,
    ignored          bigint       NOT NULL DEFAULT 0,
    rejected         bigint       NOT NULL DEFAULT 0,
    error            varchar(500),
    duplicate_of     uuid REFERENCES feed_import (id),
    submitted_by     varchar(200) NOT NULL,
    submitted_at     timestamptz  NOT NULL,
    started_at       timestamptz,
    heartbeat_at     timestamptz,
    finished_at      timestamptz
);

-- The same file, or the same batch id, is applied at most once per feed and source: a resend while the first is
-- still running or after it was applied hits these indexes and becomes a no-op.
CREATE UNIQUE INDEX feed_import_once_per_file ON feed_import (feed, source, file_sha256)
    WHERE NOT dry_run AND status IN ('RECEIVED', 'VALIDATING', 'APPLYING', 'APPLIED');
CREATE UNIQUE INDEX feed_import_once_per_batch ON feed_import (feed, source, batch_id)
    WHERE NOT dry_run AND batch_id IS NOT NULL AND status IN ('RECEIVED', 'VALIDATING', 'APPLYING', 'APPLIED');
CREATE INDEX feed_import_by_feed ON feed_import (feed, source, submitted_at DESC);

-- Rows that passed their checks, waiting for the whole file to pass. Unlogged: they are rebuilt from the file
-- if the server stops, and they never outlive their job.
CREATE UNLOGGED TABLE feed_staged_row (
    job_id      uuid   NOT NULL,
    line        bigint NOT NULL,
    natural_key text,
    data        jsonb  NOT NULL,
    PRIMARY KEY (job_id, line)
);
CREATE INDEX feed_staged_row_key ON feed_staged_row (job_id, natural_key);

CREATE TABLE feed_rejection (
    job_id uuid         NOT NULL REFERENCES feed_import (id) ON DELETE CASCADE,
    line   bigint       NOT NULL,
    reason varchar(500) NOT NULL,
    PRIMARY KEY (job_id, line)
);

CREATE TABLE feed_code_mapping (
    source        varchar(100) NOT NULL,
    kind          varchar(60)  NOT NULL,
    external_code varchar(200) NOT NULL,
    internal_code varchar(200) NOT NULL,
    updated_by    varchar(200) NOT NULL,
    updated_at    timestamptz  NOT NULL,
    PRIMARY KEY (source, kind, external_code)
);
