-- The Prevent action plan: recommended actions per priority, their progress, and every change to them.
CREATE TABLE recommended_action (
    id                 uuid PRIMARY KEY,
    priority           varchar(40)   NOT NULL REFERENCES priority (code),
    title              varchar(300)  NOT NULL,
    description        varchar(4000),
    owner_organisation varchar(200)  NOT NULL,
    due_on             date,
    status             varchar(20)   NOT NULL,
    rag                varchar(10)   NOT NULL,
    linked_indicators  varchar(2000) NOT NULL DEFAULT '',
    version            bigint        NOT NULL,
    created_at         timestamptz   NOT NULL,
    updated_at         timestamptz   NOT NULL
);

CREATE TABLE action_progress (
    id          uuid PRIMARY KEY,
    action_id   uuid          NOT NULL REFERENCES recommended_action (id),
    on_date     date          NOT NULL,
    note        varchar(4000) NOT NULL,
    by_name     varchar(200)  NOT NULL,
    recorded_at timestamptz   NOT NULL
);

CREATE TABLE action_history (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    action_id  uuid         NOT NULL REFERENCES recommended_action (id),
    at         timestamptz  NOT NULL,
    by_name    varchar(200) NOT NULL,
    change     varchar(40)  NOT NULL,
    before     jsonb,
    after      jsonb        NOT NULL
);

CREATE INDEX action_progress_action ON action_progress (action_id, on_date);
CREATE INDEX action_history_action ON action_history (action_id, at);

-- The indicator engine reads actions like any fact.
CREATE VIEW action_fact AS
    SELECT id, priority, status, rag, due_on, (status = 'COMPLETED' OR rag = 'GREEN') AS on_track
    FROM recommended_action;
