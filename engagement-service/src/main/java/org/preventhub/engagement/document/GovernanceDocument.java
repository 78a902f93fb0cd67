package org.preventhub.engagement.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An entry of the document register; its file, if any, is {@link #currentFileId}. */
@Entity
@Table(name = "governance_document")
public class GovernanceDocument {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String title;

    @Column(name = "owner_organisation_id", nullable = false)
    public UUID ownerOrganisationId;

    /** The body whose Terms of Reference this is. */
    @Column(name = "body_id")
    public UUID bodyId;

    /** The area of a Local Area Prevent Assessment. */
    public String area;

    /** The document's own version label ("2020 v1.2"), not the row's optimistic-lock {@link #version}. */
    @Column(name = "document_version", nullable = false)
    public String documentVersion;

    @Column(nullable = false)
    public String status;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    @Column(name = "review_cycle_months", nullable = false)
    public int reviewCycleMonths;

    @Column(name = "last_reviewed_on")
    public LocalDate lastReviewedOn;

    @Column(name = "next_review_due")
    public LocalDate nextReviewDue;

    @Column(nullable = false)
    public String marking;

    @Column(name = "current_file_id")
    public UUID currentFileId;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** A review cycle runs from the last review, or from issue; a draft not yet issued has no review due. */
    void scheduleReview() {
        LocalDate from = lastReviewedOn != null ? lastReviewedOn : issuedOn;
        nextReviewDue = from == null ? null : from.plusMonths(reviewCycleMonths);
    }
}
