-- Funding and projects (issue 21, item 4): funders are partner organisations; awards have an amount, a period and a
-- purpose, and fund projects or programmes (Safe and Secure, Game On, We Stand Together) that span community events
-- and training courses. A project's status changes are kept (running, paused, to be re-established, ...).
CREATE TABLE funded_project (
    id           uuid PRIMARY KEY,
    name         varchar(200)  NOT NULL UNIQUE,
    kind         varchar(20)   NOT NULL,
    priority     varchar(40)   NOT NULL,
    description  varchar(2000),
    status       varchar(30)   NOT NULL,
    status_since date          NOT NULL,
    version      bigint        NOT NULL,
    created_at   timestamptz   NOT NULL,
    updated_at   timestamptz   NOT NULL
);

CREATE TABLE funded_project_status (
    id          uuid PRIMARY KEY,
    project_id  uuid          NOT NULL REFERENCES funded_project (id),
    status      varchar(30)   NOT NULL,
    since       date          NOT NULL,
    reason      varchar(1000),
    recorded_by varchar(200)  NOT NULL,
    recorded_at timestamptz   NOT NULL
);
CREATE INDEX funded_project_status_project ON funded_project_status (project_id, since);

-- The community events a project ran (engagement's own) and the training courses it used (training's codes).
CREATE TABLE funded_project_event (
    project_id uuid NOT NULL REFERENCES funded_project (id),
    event_id   uuid NOT NULL REFERENCES community_event (id),
    PRIMARY KEY (project_id, event_id)
);
CREATE TABLE funded_project_course (
    project_id  uuid        NOT NULL REFERENCES funded_project (id),
    course_code varchar(40) NOT NULL,
    PRIMARY KEY (project_id, course_code)
);

CREATE TABLE funding_award (
    id         uuid PRIMARY KEY,
    funder_id  uuid           NOT NULL REFERENCES organisation (id),
    amount     numeric(12, 2) NOT NULL CHECK (amount >= 0),
    starts_on  date           NOT NULL,
    ends_on    date           NOT NULL,
    purpose    varchar(1000)  NOT NULL,
    priority   varchar(40)    NOT NULL,
    reference  varchar(100),
    version    bigint         NOT NULL,
    created_at timestamptz    NOT NULL,
    updated_at timestamptz    NOT NULL,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX funding_award_funder ON funding_award (funder_id);

CREATE TABLE funding_award_project (
    award_id   uuid NOT NULL REFERENCES funding_award (id),
    project_id uuid NOT NULL REFERENCES funded_project (id),
    PRIMARY KEY (award_id, project_id)
);
CREATE INDEX funding_award_project_project ON funding_award_project (project_id);
