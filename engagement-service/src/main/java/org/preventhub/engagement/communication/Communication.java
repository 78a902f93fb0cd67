package org.preventhub.engagement.communication;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.preventhub.contracts.Priority;
import org.preventhub.engagement.organisation.PartnerLink;

@Entity
@Table(name = "communication")
public class Communication {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String audience;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    @Column(name = "published_on", nullable = false)
    public LocalDate publishedOn;

    public Integer recipients;

    public Integer views;

    @Column(name = "incident_response", nullable = false)
    public boolean incidentResponse;

    public String summary;

    /** Organisers, partners and funders: the same link as an event's. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "communication_partner", joinColumns = @JoinColumn(name = "communication_id"))
    public List<PartnerLink> partners = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public Integer reach() {
        if (recipients == null && views == null) {
            return null;
        }
        return (recipients == null ? 0 : recipients) + (views == null ? 0 : views);
    }
}
