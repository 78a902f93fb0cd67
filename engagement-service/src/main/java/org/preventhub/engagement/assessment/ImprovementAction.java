package org.preventhub.engagement.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.preventhub.contracts.Priority;

/** An improvement a self-assessment calls for; reporting adds it to the action plan. */
@Entity
@Table(name = "improvement_action")
public class ImprovementAction {

    @Id
    public UUID id;

    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;

    @Column(name = "criterion_id")
    public UUID criterionId;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    @Column(name = "owner_organisation_id")
    public UUID ownerOrganisationId;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
