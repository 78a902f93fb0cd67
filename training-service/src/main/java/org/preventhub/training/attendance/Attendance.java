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
import org.preventhub.training.trainee.PersonalData;
import org.preventhub.training.trainee.Trainee;
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

    /** Blind indexes of the e-mail address and the name. */
    @Column(name = "email_index")
    public String emailIndex;

    @Column(name = "name_index")
    public String nameIndex;

    /** When the attendee's identity was erased (on request or by the retention rule); the mark stays. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    /** A code of the deployment's sectors (platform Sectors). */
    @Column(nullable = false)
    public String sector;

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

    /** Staff's reason for a correction, encrypted: it may name people. */
    @Column(name = "correction_reason_enc")
    public String correctionReasonEnc;

    @Version
    public long version;

    /** Who came (or did not), decrypted. */
    public Trainee attendee(PersonalData personal) {
        return new Trainee(personal.open(nameEnc, context("name")), personal.open(emailEnc, context("email")),
                personal.open(organisationEnc, context("organisation")), personal.open(jobRoleEnc, context("jobRole")));
    }

    /** Sets who came (or did not): encrypted, with the blind indexes. */
    public void attendee(PersonalData personal, Trainee attendee) {
        nameEnc = personal.seal(attendee.name(), context("name"));
        emailEnc = personal.seal(attendee.email(), context("email"));
        organisationEnc = personal.seal(attendee.organisation(), context("organisation"));
        jobRoleEnc = personal.seal(attendee.jobRole(), context("jobRole"));
        emailIndex = personal.emailIndex(attendee.email());
        nameIndex = personal.nameIndex(attendee.name());
    }

    public String correctionReason(PersonalData personal) {
        return personal.open(correctionReasonEnc, context("correctionReason"));
    }

    public void correctionReason(PersonalData personal, String reason) {
        correctionReasonEnc = personal.seal(reason, context("correctionReason"));
    }

    /** Forgets who it was about (and the correction's reason, which may name them). */
    public void erase(Instant now) {
        userId = null;
        nameEnc = null;
        emailEnc = null;
        organisationEnc = null;
        jobRoleEnc = null;
        emailIndex = null;
        nameIndex = null;
        correctionReasonEnc = null;
        erasedAt = now;
    }

    /** Binds each encrypted value to this mark and field. */
    public String context(String field) {
        return "attendance/" + id + "/" + field;
    }
}
