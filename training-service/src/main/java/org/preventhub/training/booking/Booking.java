package org.preventhub.training.booking;

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

import org.preventhub.training.session.TrainingSession;

/** A seat on a session, or a place on its waiting list. */
@Entity
@Table(name = "booking")
public class Booking {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id")
    public TrainingSession session;

    @Column(nullable = false)
    public String reference;

    /** SHA-256 of the cancellation secret; the secret itself is shown once, when the booking is made. */
    @Column(name = "secret_hash", nullable = false)
    public String secretHash;

    @Column(name = "attendee_name", nullable = false)
    public String attendeeName;

    @Column(name = "attendee_email", nullable = false)
    public String attendeeEmail;

    public String organisation;

    /** A code of the deployment's sectors (platform Sectors). */
    @Column(nullable = false)
    public String sector;

    @Column(name = "job_role")
    public String jobRole;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BookingStatus status;

    /** Order on the waiting list: taken from the session's counter under its lock, so it is the arrival order. */
    @Column(name = "waitlist_seq")
    public Long waitlistSeq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BookingChannel channel;

    @Column(name = "booked_by", nullable = false)
    public String bookedBy;

    /** When it was recorded. */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When it was made: when it was recorded, unless staff recorded it after the session started and said when. */
    @Column(name = "booked_at", nullable = false)
    public Instant bookedAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "promoted_at")
    public Instant promotedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancellation_reason")
    public CancellationReason cancellationReason;

    @Version
    public long version;
}
