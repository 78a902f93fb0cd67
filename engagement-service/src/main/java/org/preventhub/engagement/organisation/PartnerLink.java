package org.preventhub.engagement.organisation;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A stored link from an event or a communication to a partner organisation, in one role. */
@Embeddable
public class PartnerLink {

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    @Column(nullable = false)
    public String role;

    public PartnerLink() {
    }

    public PartnerLink(UUID organisationId, String role) {
        this.organisationId = organisationId;
        this.role = role;
    }
}
