package org.preventhub.training.evaluation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import org.preventhub.training.attendance.Attendance;
import org.preventhub.training.trainee.PersonalData;

/** The post-course form of one attendance. */
@Entity
@Table(name = "evaluation")
public class Evaluation {

    @Id
    public UUID id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "attendance_id")
    public Attendance attendance;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "course_id", nullable = false)
    public UUID courseId;

    @Column(name = "understands_concern", nullable = false)
    public boolean understandsConcern;

    @Column(name = "confidence_before", nullable = false)
    public short confidenceBefore;

    @Column(name = "confidence_after", nullable = false)
    public short confidenceAfter;

    @Column(nullable = false)
    public short usefulness;

    /** The attendee's free comments, encrypted: they may say who they are or name others. */
    @Column(name = "comments_enc")
    public String commentsEnc;

    @Column(name = "submitted_via", nullable = false)
    public String submittedVia;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    public String comments(PersonalData personal) {
        return personal.open(commentsEnc, "evaluation/" + id + "/comments");
    }

    public void comments(PersonalData personal, String comments) {
        commentsEnc = personal.seal(comments, "evaluation/" + id + "/comments");
    }
}
