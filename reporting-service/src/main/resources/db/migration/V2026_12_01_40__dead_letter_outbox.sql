-- Dead letters are written in the same transaction as the batch they come from (an outbox), and a relay sends
-- them to the dead-letter topic afterwards; a crash or a Kafka outage between the two loses none. The source
-- position is unique, so a redelivered or rebuilt poison event is recorded, and sent, once.
CREATE TABLE dead_letter (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_topic     varchar(249)  NOT NULL,
    source_partition integer       NOT NULL,
    source_offset    bigint        NOT NULL,
    event_id         varchar(200),
    event_type       varchar(200),
    record_key       text,
    record_value     text,
    -- [[name, base64 value], ...] in the original order: headers are bytes, and some may repeat
    headers          jsonb         NOT NULL,
    reason           varchar(1000) NOT NULL,
    recorded_at      timestamptz   NOT NULL DEFAULT now(),
    sent_at          timestamptz,
    UNIQUE (source_topic, source_partition, source_offset)
);
CREATE INDEX dead_letter_unsent ON dead_letter (id) WHERE sent_at IS NULL;
