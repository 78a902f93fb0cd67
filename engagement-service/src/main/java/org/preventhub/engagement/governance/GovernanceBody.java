package org.preventhub.engagement.governance;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A body of the partnership that meets on a cadence: the Prevent Strategy Group, a regional working group, ... */
@Entity
@Table(name = "governance_body")
public class GovernanceBody {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String kind;

    /** The cadence its Terms of Reference set: 4 for a quarterly body, 12 for a monthly one. */
    @Column(name = "meetings_per_year", nullable = false)
    public int meetingsPerYear;

    /** Members present for a meeting to be quorate and take decisions. */
    @Column(nullable = false)
    public int quorum;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
