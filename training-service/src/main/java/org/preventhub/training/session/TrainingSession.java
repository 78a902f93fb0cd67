package org.preventhub.training.session;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.OptimisticLock;
import org.preventhub.contracts.DeliveryMode;
import org.preventhub.training.course.Course;

/**
 * One delivery of a course. Seat counters change only under a row lock on the session (see
 * {@code SessionRepository#lock}); they do not change the session's version, so a booking never invalidates a
 * trainer's ETag, and dynamic updates keep a trainer's change from writing stale counters.
 */
@Entity
@DynamicUpdate
@Table(name = "training_session")
public class TrainingSession {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "course_id")
    public Course course;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryMode mode;

    public String venue;

    @Column(name = "online_link")
    public String onlineLink;

    @Column(nullable = false)
    public String area;

    @Column(nullable = false)
    public int capacity;

    public String trainer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Access access;

    public String organisation;

    /** A code of the deployment's sectors (platform Sectors). */
    @Column(name = "audience_sector", nullable = false)
    public String audienceSector;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionStatus status;

    @Column(name = "cancellation_reason")
    public String cancellationReason;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "seats_taken", nullable = false)
    @OptimisticLock(excluded = true)
    public int seatsTaken;

    @Column(nullable = false)
    @OptimisticLock(excluded = true)
    public int waiting;

    /** The last waiting-list number handed out. */
    @Column(name = "waitlist_seq", nullable = false)
    @OptimisticLock(excluded = true)
    public long waitlistSeq;

    /** Seats left as the database computes them, to order lists by; {@link #seatsLeft()} is the live value. */
    @Formula("greatest(capacity - seats_taken, 0)")
    public int seatsLeftInDatabase;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** The agency whose trainers run it (the scheduler's); see SessionAccess. */
    @Column(name = "run_by")
    public String runBy;

    public int seatsLeft() {
        return Math.max(0, capacity - seatsTaken);
    }

    /** Bookable: scheduled and not yet started. */
    public boolean isBookable(Instant now) {
        return status == SessionStatus.SCHEDULED && startsAt.isAfter(now);
    }
}
