-- Partner organisations: organisers, partners and funders of events and communications.
CREATE TABLE organisation (
    id            uuid PRIMARY KEY,
    name          varchar(200) NOT NULL,
    type          varchar(40)  NOT NULL,
    area          varchar(80),
    contact_name  varchar(200),
    contact_email varchar(320),
    contact_phone varchar(40),
    active        boolean      NOT NULL,
    version       bigint       NOT NULL,
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    CONSTRAINT organisation_name_key UNIQUE (name)
);

-- Community events: one row however many days they run.
CREATE TABLE community_event (
    id                    uuid PRIMARY KEY,
    title                 varchar(300)  NOT NULL,
    type                  varchar(40)   NOT NULL,
    status                varchar(20)   NOT NULL,
    mode                  varchar(20)   NOT NULL,
    venue                 varchar(300),
    area                  varchar(80)   NOT NULL,
    priority              varchar(40)   NOT NULL,
    audience              varchar(40)   NOT NULL,
    planned_attendance    integer CHECK (planned_attendance >= 0),
    attendance            integer CHECK (attendance >= 0),
    attendance_counted_by varchar(20),
    outcomes              varchar(4000),
    follow_up_actions     varchar(4000),
    funding_note          varchar(500),
    first_day             date          NOT NULL,
    last_day              date          NOT NULL,
    source                varchar(100),
    external_id           varchar(200),
    version               bigint        NOT NULL,
    created_at            timestamptz   NOT NULL,
    updated_at            timestamptz   NOT NULL,
    CONSTRAINT community_event_feed_record UNIQUE (source, external_id)
);

CREATE INDEX community_event_first_day ON community_event (first_day);
CREATE INDEX community_event_area ON community_event (area, first_day);

CREATE TABLE community_event_day (
    event_id uuid NOT NULL REFERENCES community_event (id) ON DELETE CASCADE,
    day      date NOT NULL,
    PRIMARY KEY (event_id, day)
);

CREATE TABLE community_event_partner (
    event_id        uuid        NOT NULL REFERENCES community_event (id) ON DELETE CASCADE,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    role            varchar(20) NOT NULL,
    PRIMARY KEY (event_id, organisation_id, role)
);

CREATE INDEX community_event_partner_organisation ON community_event_partner (organisation_id);

-- Every attendance figure an event was given: recorded after it, and each correction, with who and why.
CREATE TABLE attendance_record (
    id          uuid PRIMARY KEY,
    event_id    uuid         NOT NULL REFERENCES community_event (id) ON DELETE CASCADE,
    kind        varchar(20)  NOT NULL,
    attendance  integer      NOT NULL CHECK (attendance >= 0),
    counted_by  varchar(20)  NOT NULL,
    reason      varchar(500),
    recorded_by varchar(200) NOT NULL,
    recorded_at timestamptz  NOT NULL
);

CREATE INDEX attendance_record_event ON attendance_record (event_id, recorded_at);

-- Communications: newsletters, bulletins, social posts, web updates, press responses.
CREATE TABLE communication (
    id                uuid PRIMARY KEY,
    title             varchar(300) NOT NULL,
    channel           varchar(40)  NOT NULL,
    audience          varchar(40)  NOT NULL,
    priority          varchar(40)  NOT NULL,
    published_on      date         NOT NULL,
    recipients        integer CHECK (recipients >= 0),
    views             integer CHECK (views >= 0),
    incident_response boolean      NOT NULL,
    summary           varchar(2000),
    version           bigint       NOT NULL,
    created_at        timestamptz  NOT NULL
);

CREATE INDEX communication_published_on ON communication (published_on);
