-- The test application's one table: notes, written through the API or by the notes feed.
CREATE TABLE note (
    id          uuid PRIMARY KEY,
    text        varchar(300) NOT NULL,
    source      varchar(100),
    external_id varchar(200),
    day         date,
    mode        varchar(20),
    version     bigint NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX note_source_external_id ON note (source, external_id);
