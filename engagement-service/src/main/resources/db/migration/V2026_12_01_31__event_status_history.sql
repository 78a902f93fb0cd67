-- Why an event was postponed or cancelled, each time: the event row keeps only its current status.
CREATE TABLE event_status_record (
    id          uuid PRIMARY KEY,
    event_id    uuid         NOT NULL REFERENCES community_event (id) ON DELETE CASCADE,
    status      varchar(20)  NOT NULL,
    reason      varchar(500) NOT NULL,
    recorded_by varchar(200) NOT NULL,
    recorded_at timestamptz  NOT NULL
);

CREATE INDEX event_status_record_event ON event_status_record (event_id, recorded_at);

