package org.preventhub.engagement.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A partner's yearly assessment of itself against a framework: one per framework, year and organisation. */
@Entity
@Table(name = "self_assessment")
public class SelfAssessment {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String framework;

    /** The reporting year assessed, by the year it starts. */
    @Column(nullable = false)
    public int year;

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    @Column(name = "assessed_on", nullable = false)
    public LocalDate assessedOn;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
