-- Communications link to partner organisations as organisers, partners or funders, as events do.
CREATE TABLE communication_partner (
    communication_id uuid        NOT NULL REFERENCES communication (id) ON DELETE CASCADE,
    organisation_id  uuid        NOT NULL REFERENCES organisation (id),
    role             varchar(20) NOT NULL,
    PRIMARY KEY (communication_id, organisation_id, role)
);

CREATE INDEX communication_partner_organisation ON communication_partner (organisation_id);
