package org.preventhub.engagement.assessment;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An assessment's score on one criterion, and the evidence for it. */
@Entity
@Table(name = "assessment_score")
public class AssessmentScore {

    @Id
    public UUID id;

    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;

    @Column(name = "criterion_id", nullable = false)
    public UUID criterionId;

    @Column(nullable = false)
    public int score;

    public String evidence;
}
