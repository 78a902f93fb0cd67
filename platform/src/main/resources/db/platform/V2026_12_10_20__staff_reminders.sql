-- Work reminders for staff (platform reminder/): who asked for them, what is due for whom, and the e-mails that
-- carry them. No personal data about the people the work is about: a reminder holds a reference, what is due and
-- a link, never a name. Empty in a service that has no reminders.

-- A member of staff who asked for reminders, as their token said when they last set their choice: the address is
-- encrypted with the service's field cipher (bound to "reminder-recipient/<user id>/email").
CREATE TABLE reminder_recipient (
    user_id        varchar(200) PRIMARY KEY,
    email_enc      text         NOT NULL,
    roles          varchar(500) NOT NULL,
    agency         varchar(100),
    -- DAILY_DIGEST, IMMEDIATE or OFF
    delivery       varchar(20)  NOT NULL,
    -- the local day of the last digest made for them: one a day, whichever instance makes it
    last_digest_on date,
    updated_at     timestamptz  NOT NULL
);

-- One reminder per person, kind, subject and due day however often the job runs (a unique key), until the message
-- that carries it is made (notification_id); one no longer due before then is dropped.
CREATE TABLE staff_reminder (
    id              uuid PRIMARY KEY,
    recipient_id    varchar(200) NOT NULL REFERENCES reminder_recipient (user_id) ON DELETE CASCADE,
    kind            varchar(40)  NOT NULL,
    subject_id      varchar(100) NOT NULL,
    reference       varchar(40)  NOT NULL,
    what            varchar(200) NOT NULL,
    path            varchar(300) NOT NULL,
    due_on          date         NOT NULL,
    notification_id uuid,
    created_at      timestamptz  NOT NULL,
    CONSTRAINT staff_reminder_once UNIQUE (recipient_id, kind, subject_id, due_on)
);
CREATE INDEX staff_reminder_pending ON staff_reminder (recipient_id) WHERE notification_id IS NULL;
CREATE INDEX staff_reminder_notification ON staff_reminder (notification_id);

-- The e-mails, sent at most once by the platform's dispatcher (the statuses of training's notification table).
CREATE TABLE staff_notification (
    id              uuid PRIMARY KEY,
    recipient_id    varchar(200) NOT NULL,
    digest          boolean      NOT NULL,
    status          varchar(20)  NOT NULL,
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    claimed_at      timestamptz,
    finished_at     timestamptz,
    last_error      varchar(500),
    created_at      timestamptz  NOT NULL
);
CREATE INDEX staff_notification_due ON staff_notification (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX staff_notification_sending ON staff_notification (claimed_at) WHERE status = 'SENDING';
