-- Courses: the partnership's training catalogue.
CREATE TABLE course (
    id               uuid PRIMARY KEY,
    code             varchar(40)  NOT NULL,
    title            varchar(200) NOT NULL,
    description      text,
    priority         varchar(40)  NOT NULL,
    audience         varchar(200) NOT NULL,
    duration_minutes integer      NOT NULL CHECK (duration_minutes > 0),
    active           boolean      NOT NULL DEFAULT true,
    version          bigint       NOT NULL,
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    CONSTRAINT course_code_key UNIQUE (code)
);

CREATE TABLE course_mode (
    course_id uuid        NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    mode      varchar(20) NOT NULL,
    PRIMARY KEY (course_id, mode)
);

-- Sessions: one delivery of a course, open to anyone or bespoke for one organisation.
CREATE TABLE training_session (
    id                  uuid PRIMARY KEY,
    course_id           uuid         NOT NULL REFERENCES course (id),
    starts_at           timestamptz  NOT NULL,
    ends_at             timestamptz  NOT NULL,
    mode                varchar(20)  NOT NULL,
    venue               varchar(300),
    online_link         varchar(500),
    area                varchar(80)  NOT NULL,
    capacity            integer      NOT NULL CHECK (capacity > 0),
    trainer             varchar(200),
    access              varchar(20)  NOT NULL,
    organisation        varchar(200),
    audience_sector     varchar(40)  NOT NULL,
    status              varchar(20)  NOT NULL,
    cancellation_reason varchar(500),
    cancelled_at        timestamptz,
    version             bigint       NOT NULL,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    created_by          varchar(200) NOT NULL,
    CONSTRAINT training_session_ends_after_start CHECK (ends_at > starts_at),
    CONSTRAINT training_session_bespoke_has_organisation CHECK (access <> 'BESPOKE' OR organisation IS NOT NULL)
);

CREATE INDEX training_session_starts_at ON training_session (starts_at);
CREATE INDEX training_session_course ON training_session (course_id, starts_at);
CREATE INDEX training_session_area ON training_session (area, starts_at);
