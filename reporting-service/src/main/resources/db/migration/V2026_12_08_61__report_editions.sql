-- The partnership's own report, written in the hub: an edition for a period, its drafts kept (each save is a new
-- draft, never overwritten), and, once published, the figures it referenced as they were: for the lead and for
-- every other reader (disclosure-controlled), so a published report never changes when late data arrives.
CREATE TABLE report_edition (
    id              uuid         PRIMARY KEY,
    title           varchar(300) NOT NULL,
    year            integer      NOT NULL,
    calendar        varchar(20)  NOT NULL,
    latest_draft    integer      NOT NULL,
    published_draft integer,
    published_at    timestamptz,
    published_by    varchar(200),
    frozen_figures  jsonb,
    version         bigint       NOT NULL,
    created_at      timestamptz  NOT NULL,
    created_by      varchar(200) NOT NULL
);

CREATE TABLE report_edition_draft (
    edition_id uuid         NOT NULL REFERENCES report_edition (id),
    number     integer      NOT NULL,
    content    jsonb        NOT NULL,
    saved_at   timestamptz  NOT NULL,
    saved_by   varchar(200) NOT NULL,
    PRIMARY KEY (edition_id, number)
);
