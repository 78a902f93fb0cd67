package org.preventhub.engagement.assessment;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One criterion of a self-assessment framework, as a deployment loaded it; retired criteria keep past scores. */
@Entity
@Table(name = "assessment_criterion")
public class AssessmentCriterion {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String framework;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String section;

    @Column(nullable = false)
    public String title;

    public String guidance;

    @Column(name = "max_score", nullable = false)
    public int maxScore;

    @Column(nullable = false)
    public String priority;

    @Column(name = "display_order", nullable = false)
    public int displayOrder;

    @Column(nullable = false)
    public boolean active;
}
