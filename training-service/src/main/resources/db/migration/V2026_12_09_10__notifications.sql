-- Messages to people who book, written in the same transaction as the booking change that calls for them (an
-- outbox for e-mail: a message exists if and only if its change committed), then sent by the dispatcher over SMTP.
-- No address and no body here: both are made at sending time from the booking (whose address is encrypted), so
-- an erased booking's pending messages have nobody to go to and are skipped.
CREATE TABLE notification (
    id              uuid PRIMARY KEY,
    kind            varchar(40)  NOT NULL,
    booking_id      uuid         NOT NULL REFERENCES booking (id),
    session_id      uuid         NOT NULL REFERENCES training_session (id),
    -- The invite's SEQUENCE (RFC 5545) for the kinds that carry one: 0 when booked, one more per change after.
    ical_sequence   integer,
    due_at          timestamptz  NOT NULL,
    -- PENDING (due at next_attempt_at), SENDING (claimed), SENT, FAILED (gave up), BOUNCED (refused for good),
    -- UNKNOWN (claimed by a process that stopped before it recorded the outcome: for a person to check, never
    -- re-sent on its own), SKIPPED (declined by the person, or nobody to send it to).
    status          varchar(20)  NOT NULL,
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    claimed_at      timestamptz,
    finished_at     timestamptz,
    -- The SMTP server's answer or the reason it was skipped; never the message, never the address.
    last_error      varchar(500),
    created_at      timestamptz  NOT NULL
);
CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX notification_sending ON notification (claimed_at) WHERE status = 'SENDING';
CREATE INDEX notification_booking ON notification (booking_id);
-- A booking is reminded once and asked to evaluate once, however often the jobs that make them run.
CREATE UNIQUE INDEX notification_once ON notification (booking_id, kind) WHERE kind IN ('REMINDER', 'EVALUATION');

-- What a person (by the blind index of their e-mail address, so for all their bookings) declined: only messages
-- that are not needed to take part (reminders); confirmations, changes and cancellations are always sent.
CREATE TABLE message_preference (
    email_index varchar(64) PRIMARY KEY,
    reminders   boolean     NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- A trainer's secret calendar feed: the secret is in the feed's URL, so calendar programs need no token; it is
-- kept only as a keyed hash, shown once when made, and gone when revoked or replaced.
CREATE TABLE calendar_feed (
    owner_id    varchar(200) PRIMARY KEY,
    owner_name  varchar(200) NOT NULL,
    secret_hash varchar(64)  NOT NULL UNIQUE,
    created_at  timestamptz  NOT NULL
);
-- Each new secret (the first, or one replacing it) counts here: a retried request makes none.
ALTER TABLE calendar_feed ADD COLUMN generation integer NOT NULL DEFAULT 1;
