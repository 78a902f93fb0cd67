-- Answers to requests sent with an Idempotency-Key, so a retry gets the first answer.
-- The primary key makes concurrent retries wait for the first one and then read its answer.
CREATE TABLE idempotency_record (
    scope         varchar(400) NOT NULL,
    idem_key      varchar(255) NOT NULL,
    request_hash  char(64)     NOT NULL,
    status_code   integer,
    location      text,
    body          text,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, idem_key)
);

CREATE INDEX idempotency_record_created_at ON idempotency_record (created_at);
