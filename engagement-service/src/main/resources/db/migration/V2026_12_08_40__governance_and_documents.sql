-- Partnership governance (issue 21): bodies, their members, meetings with minutes, and the actions arising.
CREATE TABLE governance_body (
    id                uuid PRIMARY KEY,
    name              varchar(200) NOT NULL UNIQUE,
    kind              varchar(40)  NOT NULL,
    meetings_per_year integer      NOT NULL CHECK (meetings_per_year BETWEEN 1 AND 52),
    quorum            integer      NOT NULL CHECK (quorum >= 1),
    version           bigint       NOT NULL,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL
);

CREATE TABLE governance_member (
    id              uuid PRIMARY KEY,
    body_id         uuid         NOT NULL REFERENCES governance_body (id),
    organisation_id uuid         NOT NULL REFERENCES organisation (id),
    role            varchar(40)  NOT NULL,
    user_id         varchar(200),
    joined_at       timestamptz  NOT NULL
);
CREATE INDEX governance_member_body ON governance_member (body_id);

CREATE TABLE governance_meeting (
    id          uuid PRIMARY KEY,
    body_id     uuid          NOT NULL REFERENCES governance_body (id),
    meets_on    date          NOT NULL,
    status      varchar(20)   NOT NULL,
    agenda      jsonb         NOT NULL,
    attended    jsonb         NOT NULL,
    apologies   jsonb         NOT NULL,
    decisions   jsonb         NOT NULL,
    quorate     boolean,
    minuted_by  varchar(200),
    version     bigint        NOT NULL,
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL
);
CREATE INDEX governance_meeting_body ON governance_meeting (body_id, meets_on);

CREATE TABLE governance_action (
    id                    uuid PRIMARY KEY,
    meeting_id            uuid         NOT NULL REFERENCES governance_meeting (id),
    title                 varchar(300) NOT NULL,
    owner_organisation_id uuid         REFERENCES organisation (id),
    due_on                date,
    priority              varchar(40)  NOT NULL
);
CREATE INDEX governance_action_meeting ON governance_action (meeting_id);

-- The document register: CTLP, Local Area Prevent Assessments, Terms of Reference, action plan versions, ...
CREATE TABLE governance_document (
    id                    uuid PRIMARY KEY,
    type                  varchar(40)  NOT NULL,
    title                 varchar(200) NOT NULL,
    owner_organisation_id uuid         NOT NULL REFERENCES organisation (id),
    body_id               uuid         REFERENCES governance_body (id),
    area                  varchar(80),
    document_version      varchar(40)  NOT NULL,
    status                varchar(20)  NOT NULL,
    issued_on             date,
    review_cycle_months   integer      NOT NULL CHECK (review_cycle_months BETWEEN 1 AND 60),
    last_reviewed_on      date,
    next_review_due       date,
    marking               varchar(40)  NOT NULL,
    current_file_id       uuid,
    version               bigint       NOT NULL,
    created_at            timestamptz  NOT NULL,
    updated_at            timestamptz  NOT NULL
);
CREATE INDEX governance_document_review ON governance_document (next_review_due);

-- Every file ever uploaded for a document stays; the document points at the current one.
CREATE TABLE document_file (
    id          uuid PRIMARY KEY,
    document_id uuid         NOT NULL REFERENCES governance_document (id),
    content     bytea        NOT NULL,
    size_bytes  bigint       NOT NULL,
    sha256      varchar(64)  NOT NULL,
    uploaded_by varchar(200) NOT NULL,
    uploaded_at timestamptz  NOT NULL
);
ALTER TABLE governance_document ADD CONSTRAINT governance_document_current_file
    FOREIGN KEY (current_file_id) REFERENCES document_file (id);

-- Who downloaded (or was refused) a marked document, and when: the accountability a protective marking asks for.
CREATE TABLE document_access_log (
    id          uuid PRIMARY KEY,
    document_id uuid         NOT NULL REFERENCES governance_document (id),
    user_id     varchar(200) NOT NULL,
    roles       varchar(500) NOT NULL,
    outcome     varchar(20)  NOT NULL,
    accessed_at timestamptz  NOT NULL
);
CREATE INDEX document_access_log_document ON document_access_log (document_id, accessed_at);
