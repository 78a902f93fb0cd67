-- Attendance and e-learning completions reported by councils' learning systems (the "completions" feed).
-- One row per council record; a resent record with the same id updates it.
CREATE TABLE completion_record (
    id            uuid PRIMARY KEY,
    source        varchar(100) NOT NULL,
    external_id   varchar(200) NOT NULL,
    person_name   varchar(200) NOT NULL,
    email         varchar(320),
    organisation  varchar(200),
    sector        varchar(40)  NOT NULL,
    course_id     uuid         NOT NULL REFERENCES course (id),
    completed_on  date         NOT NULL,
    mode          varchar(20)  NOT NULL,
    elearning     boolean      NOT NULL,
    area          varchar(80),
    completed     boolean      NOT NULL,
    import_id     uuid         NOT NULL,
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    CONSTRAINT completion_record_once UNIQUE (source, external_id)
);

CREATE INDEX completion_record_course ON completion_record (course_id, completed_on);
