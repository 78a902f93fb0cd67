-- Photos in a report edition: kept only as re-encoded from their pixels (no EXIF, XMP or PNG text: community
-- photos can carry where and with what they were taken), with a caption and the alt text a screen reader reads.
-- An image is never changed once stored; a published edition takes no new ones, so its images are frozen with it.
CREATE TABLE report_edition_image (
    id          uuid          PRIMARY KEY,
    edition_id  uuid          NOT NULL REFERENCES report_edition (id),
    media_type  varchar(20)   NOT NULL,
    width       integer       NOT NULL,
    height      integer       NOT NULL,
    content     bytea         NOT NULL,
    caption     varchar(500),
    alt_text    varchar(500)  NOT NULL,
    uploaded_at timestamptz   NOT NULL,
    uploaded_by varchar(200)  NOT NULL
);

CREATE INDEX report_edition_image_edition ON report_edition_image (edition_id, uploaded_at);
