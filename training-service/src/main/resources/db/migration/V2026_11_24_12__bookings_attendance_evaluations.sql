-- Seats: kept on the session and changed only under a row lock on it, so capacity is never exceeded.
ALTER TABLE training_session
    ADD COLUMN seats_taken  integer NOT NULL DEFAULT 0 CHECK (seats_taken >= 0),
    ADD COLUMN waiting      integer NOT NULL DEFAULT 0 CHECK (waiting >= 0),
    ADD COLUMN waitlist_seq bigint  NOT NULL DEFAULT 0,
    ADD COLUMN delivered_at timestamptz,
    ADD CONSTRAINT training_session_within_capacity CHECK (seats_taken <= capacity OR status <> 'SCHEDULED');

CREATE INDEX training_session_seats_left ON training_session ((capacity - seats_taken)) WHERE status = 'SCHEDULED';

-- Bookings: a confirmed seat or a place on the waiting list. The attendee cancels with reference and secret.
CREATE TABLE booking (
    id                  uuid PRIMARY KEY,
    session_id          uuid         NOT NULL REFERENCES training_session (id),
    reference           varchar(12)  NOT NULL,
    secret_hash         varchar(64)  NOT NULL,
    attendee_name       varchar(200) NOT NULL,
    attendee_email      varchar(320) NOT NULL,
    organisation        varchar(200),
    sector              varchar(40)  NOT NULL,
    job_role            varchar(200),
    status              varchar(20)  NOT NULL,
    waitlist_seq        bigint,
    channel             varchar(20)  NOT NULL,
    booked_by           varchar(200) NOT NULL,
    created_at          timestamptz  NOT NULL,
    confirmed_at        timestamptz,
    promoted_at         timestamptz,
    cancelled_at        timestamptz,
    cancellation_reason varchar(40),
    version             bigint       NOT NULL,
    CONSTRAINT booking_reference_key UNIQUE (reference)
);

-- One live booking per email and session; cancelled ones do not count.
CREATE UNIQUE INDEX booking_one_live_per_email ON booking (session_id, attendee_email)
    WHERE status IN ('CONFIRMED', 'WAITLISTED');
CREATE INDEX booking_session_status ON booking (session_id, status, waitlist_seq);
CREATE INDEX booking_email ON booking (attendee_email);

-- Who was there: a booking marked attended or no-show, or a walk-in with no booking.
CREATE TABLE attendance (
    id              uuid PRIMARY KEY,
    session_id      uuid         NOT NULL REFERENCES training_session (id),
    booking_id      uuid REFERENCES booking (id),
    attendee_name   varchar(200) NOT NULL,
    attendee_email  varchar(320),
    organisation    varchar(200),
    sector          varchar(40)  NOT NULL,
    job_role        varchar(200),
    attended        boolean      NOT NULL,
    walk_in         boolean      NOT NULL,
    recorded_at     timestamptz  NOT NULL,
    recorded_by     varchar(200) NOT NULL,
    corrected_at    timestamptz,
    correction_reason varchar(500),
    version         bigint       NOT NULL,
    CONSTRAINT attendance_booking_key UNIQUE (booking_id)
);

CREATE INDEX attendance_session ON attendance (session_id);

-- The post-course evaluation, one per attendance.
CREATE TABLE evaluation (
    id                     uuid PRIMARY KEY,
    attendance_id          uuid         NOT NULL REFERENCES attendance (id),
    session_id             uuid         NOT NULL REFERENCES training_session (id),
    course_id              uuid         NOT NULL REFERENCES course (id),
    understands_concern    boolean      NOT NULL,
    confidence_before      smallint     NOT NULL CHECK (confidence_before BETWEEN 1 AND 5),
    confidence_after       smallint     NOT NULL CHECK (confidence_after BETWEEN 1 AND 5),
    usefulness             smallint     NOT NULL CHECK (usefulness BETWEEN 1 AND 5),
    comments               varchar(2000),
    submitted_via          varchar(20)  NOT NULL,
    submitted_by           varchar(200) NOT NULL,
    submitted_at           timestamptz  NOT NULL,
    CONSTRAINT evaluation_attendance_key UNIQUE (attendance_id)
);

CREATE INDEX evaluation_course ON evaluation (course_id, submitted_at);
CREATE INDEX evaluation_session ON evaluation (session_id);
