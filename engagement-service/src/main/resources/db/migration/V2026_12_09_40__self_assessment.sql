-- The Home Office self-assessment (issue 21, item 3): a framework's criteria as data a deployment loads, yearly
-- assessments scored per criterion with evidence, and the improvement actions they call for (which reporting adds
-- to the action plan, through an event). Criteria dropped from a framework are retired, never deleted: past
-- scores keep their meaning.
CREATE TABLE assessment_criterion (
    id            uuid PRIMARY KEY,
    framework     varchar(60)   NOT NULL,
    code          varchar(40)   NOT NULL,
    section       varchar(200)  NOT NULL,
    title         varchar(500)  NOT NULL,
    guidance      varchar(2000),
    max_score     integer       NOT NULL CHECK (max_score BETWEEN 1 AND 100),
    priority      varchar(40)   NOT NULL,
    display_order integer       NOT NULL,
    active        boolean       NOT NULL,
    UNIQUE (framework, code)
);

CREATE TABLE self_assessment (
    id              uuid PRIMARY KEY,
    framework       varchar(60)  NOT NULL,
    year            integer      NOT NULL,
    organisation_id uuid         NOT NULL REFERENCES organisation (id),
    assessed_on     date         NOT NULL,
    version         bigint       NOT NULL,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    UNIQUE (framework, year, organisation_id)
);

CREATE TABLE assessment_score (
    id            uuid PRIMARY KEY,
    assessment_id uuid          NOT NULL REFERENCES self_assessment (id),
    criterion_id  uuid          NOT NULL REFERENCES assessment_criterion (id),
    score         integer       NOT NULL CHECK (score >= 0),
    evidence      varchar(2000),
    UNIQUE (assessment_id, criterion_id)
);

CREATE TABLE improvement_action (
    id                    uuid PRIMARY KEY,
    assessment_id         uuid         NOT NULL REFERENCES self_assessment (id),
    criterion_id          uuid         REFERENCES assessment_criterion (id),
    title                 varchar(300) NOT NULL,
    priority              varchar(40)  NOT NULL,
    owner_organisation_id uuid         REFERENCES organisation (id),
    due_on                date,
    created_at            timestamptz  NOT NULL
);
CREATE INDEX improvement_action_assessment ON improvement_action (assessment_id);
