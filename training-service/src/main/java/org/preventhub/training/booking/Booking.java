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

import org.preventhub.training.trainee.PersonalData;
import org.preventhub.training.trainee.Trainee;
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

    /** The attendee's name, e-mail address, organisation and job role, each encrypted (see {@link #attendee}). */
    @Column(name = "attendee_name_enc")
    public String nameEnc;

    @Column(name = "attendee_email_enc")
    public String emailEnc;

    @Column(name = "organisation_enc")
    public String organisationEnc;

    @Column(name = "job_role_enc")
    public String jobRoleEnc;

    /** The partner organisation (engagement's register) the attendee came from, when one was named; not encrypted. */
    @Column(name = "organisation_id")
    public UUID organisationId;

    /** A staff attendee's user id, when staff named it (competency of governance members); cleared on erasure. */
    @Column(name = "user_id")
    public String userId;

    /** Blind indexes of the e-mail address (one live booking per address and session) and the name. */
    @Column(name = "email_index")
    public String emailIndex;

    @Column(name = "name_index")
    public String nameIndex;

    /** When the attendee's identity was erased (on request or by the retention rule); the booking's facts stay. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    /** A code of the deployment's sectors (platform Sectors). */
    @Column(nullable = false)
    public String sector;

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

    /** Who the booking is for, decrypted. */
    public Trainee attendee(PersonalData personal) {
        return new Trainee(personal.open(nameEnc, context("name")), personal.open(emailEnc, context("email")),
                personal.open(organisationEnc, context("organisation")), personal.open(jobRoleEnc, context("jobRole")));
    }

    /** Sets who the booking is for: encrypted, with its blind indexes. */
    public void attendee(PersonalData personal, Trainee attendee) {
        nameEnc = personal.seal(attendee.name(), context("name"));
        emailEnc = personal.seal(attendee.email(), context("email"));
        organisationEnc = personal.seal(attendee.organisation(), context("organisation"));
        jobRoleEnc = personal.seal(attendee.jobRole(), context("jobRole"));
        emailIndex = personal.emailIndex(attendee.email());
        nameIndex = personal.nameIndex(attendee.name());
    }

    /** Forgets who the booking was for. */
    public void erase(Instant now) {
        userId = null;
        nameEnc = null;
        emailEnc = null;
        organisationEnc = null;
        jobRoleEnc = null;
        emailIndex = null;
        nameIndex = null;
        erasedAt = now;
    }

    /** Binds each encrypted value to this booking and field. */
    public String context(String field) {
        return "booking/" + id + "/" + field;
    }
}
