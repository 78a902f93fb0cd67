package org.preventhub.engagement.funding;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
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

import org.hibernate.annotations.SortNatural;
import org.preventhub.contracts.Priority;

/** An award from a funder (a partner organisation): amount, period, purpose, and the projects it funds. */
@Entity
@Table(name = "funding_award")
public class FundingAward {

    @Id
    public UUID id;

    @Column(name = "funder_id", nullable = false)
    public UUID funderId;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    @Column(nullable = false)
    public String purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    public String reference;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "funding_award_project", joinColumns = @JoinColumn(name = "award_id"))
    @Column(name = "project_id", nullable = false)
    @SortNatural
    public Set<UUID> projects = new TreeSet<>();

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
