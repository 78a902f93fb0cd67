package org.preventhub.referral.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.preventhub.referral.referral.Vocabulary.Gender;
import org.preventhub.referral.referral.Vocabulary.Urgency;

/**
 * A Channel referral. Fields ending in {@code Enc} hold ciphertext (see {@code FieldCipher}); only the services
 * decrypt them, for callers allowed to see them, and every such read is logged.
 */
@Entity
@Table(name = "referral")
public class Referral {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String reference;

    @Column(nullable = false)
    public String pseudonym;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReferralStatus status;

    @Column(name = "referrer_agency", nullable = false)
    public String referrerAgency;

    /** A code of the deployment's sectors (platform Sectors), as the Home Office counts referrals by sector. */
    @Column(name = "referrer_sector", nullable = false)
    public String referrerSector;

    @Column(name = "referrer_contact_enc")
    public String referrerContactEnc;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "person_name_enc")
    public String personNameEnc;

    @Column(name = "name_index")
    public String nameIndex;

    @Column(name = "date_of_birth_enc")
    public String dateOfBirthEnc;

    @Column(name = "address_enc")
    public String addressEnc;

    @Column(name = "school_or_employer_enc")
    public String schoolOrEmployerEnc;

    @Column(name = "ethnicity_enc")
    public String ethnicityEnc;

    @Column(name = "vulnerabilities_enc")
    public String vulnerabilitiesEnc;

    @Column(name = "prompt_enc")
    public String promptEnc;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Gender gender;

    @Column(nullable = false)
    public String area;

    @Column(name = "age_band", nullable = false)
    public String ageBand;

    /** The age band in the Home Office's scheme ({@link AgeBand#homeOffice}). */
    @Column(name = "ho_age_band", nullable = false)
    public String homeOfficeAgeBand;

    /** Comma-separated codes from the configured vocabulary. */
    @Column(name = "concern_types", nullable = false)
    public String concernTypes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;

    @Column(name = "received_on", nullable = false)
    public LocalDate receivedOn;

    @Column(name = "screened_on")
    public LocalDate screenedOn;

    @Column(name = "screening_outcome")
    public String screeningOutcome;

    @Column(name = "discussed_at_panel_on")
    public LocalDate discussedAtPanelOn;

    @Column(name = "panel_outcome")
    public String panelOutcome;

    @Column(name = "consent_on")
    public LocalDate consentOn;

    public String consent;

    @Column(name = "consent_given_by")
    public String consentGivenBy;

    @Column(name = "support_started_on")
    public LocalDate supportStartedOn;

    @Column(name = "exited_on")
    public LocalDate exitedOn;

    @Column(name = "exit_outcome")
    public String exitOutcome;

    @Column(name = "reviews_done", nullable = false)
    public int reviewsDone;

    @Column(name = "next_review_due")
    public LocalDate nextReviewDue;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    /** The day of the latest step, as entered: how long an open referral has stood still. */
    @Column(name = "last_step_on", nullable = false)
    public LocalDate lastStepOn;

    public void stepTakenOn(LocalDate on) {
        if (lastStepOn == null || on.isAfter(lastStepOn)) {
            lastStepOn = on;
        }
    }

    @Column(name = "retain_until")
    public LocalDate retainUntil;

    @Column(name = "legal_hold", nullable = false)
    public boolean legalHold;

    @Column(name = "legal_hold_reason_enc")
    public String legalHoldReasonEnc;

    @Column(name = "erased_at")
    public Instant erasedAt;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public List<String> concernTypeList() {
        return Arrays.asList(concernTypes.split(","));
    }

    /** The associated data of an encrypted field: binds the ciphertext to this record and field. */
    public String context(String field) {
        return "referral/" + id + "/" + field;
    }
}
