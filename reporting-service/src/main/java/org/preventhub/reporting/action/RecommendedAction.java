package org.preventhub.reporting.action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A recommended action of the Prevent action plan. */
@Entity
@Table(name = "recommended_action")
public class RecommendedAction {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String priority;

    @Column(nullable = false)
    public String title;

    public String description;

    @Column(name = "owner_organisation", nullable = false)
    public String ownerOrganisation;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public String rag;

    /** Comma-separated indicator ids. */
    @Column(name = "linked_indicators", nullable = false)
    public String linkedIndicators = "";

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public List<String> linkedIndicatorList() {
        return linkedIndicators.isBlank() ? List.of() : Arrays.asList(linkedIndicators.split(","));
    }
}
