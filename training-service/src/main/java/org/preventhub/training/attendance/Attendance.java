package org.preventhub.training.attendance;

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

import org.preventhub.training.booking.Booking;
import org.preventhub.training.session.TrainingSession;

/** Whether a booked attendee came (or did not), or a walk-in who came without a booking. */
@Entity
@Table(name = "attendance")
public class Attendance {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id")
    public TrainingSession session;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "booking_id")
    public Booking booking;

    @Column(name = "attendee_name", nullable = false)
    public String attendeeName;

    @Column(name = "attendee_email")
    public String attendeeEmail;

    public String organisation;

    /** A code of the deployment's sectors (platform Sectors). */
    @Column(nullable = false)
    public String sector;

    @Column(name = "job_role")
    public String jobRole;

    @Column(nullable = false)
    public boolean attended;

    @Column(name = "walk_in", nullable = false)
    public boolean walkIn;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "corrected_at")
    public Instant correctedAt;

    @Column(name = "correction_reason")
    public String correctionReason;

    @Version
    public long version;
}
