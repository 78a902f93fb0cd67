-- Governance members' competency (issue 21, item 5): who completed which course, learnt from training's attendance
-- events by the staff attendee's user id. One row per attendance (training's aggregate), kept at its latest event,
-- so a correction (attended -> no-show) takes the completion back. No name or e-mail: the user id, the course and
-- the day are all a member's competency needs.
CREATE TABLE training_completion (
    attendance_id uuid         PRIMARY KEY,
    user_id       varchar(200),
    course_code   varchar(40)  NOT NULL,
    completed_on  date         NOT NULL,
    attended      boolean      NOT NULL,
    last_event_at timestamptz  NOT NULL
);
CREATE INDEX training_completion_user ON training_completion (user_id, course_code, completed_on) WHERE attended;

-- Events of other services this service has acted on, recorded in the transaction of their effect: a redelivery
-- (a crash before the offset was committed) is recognised and changes nothing.
CREATE TABLE consumed_event (
    id          varchar(64)  PRIMARY KEY,
    topic       varchar(100) NOT NULL,
    consumed_at timestamptz  NOT NULL DEFAULT now()
);
