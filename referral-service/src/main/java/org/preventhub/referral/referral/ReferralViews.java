package org.preventhub.referral.referral;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.preventhub.platform.crypto.FieldCipher;
import org.preventhub.referral.plan.SupportPlanRepository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A referral as its reader sees it, decrypted: the callers have checked access and log the read. */
@ApplicationScoped
public class ReferralViews {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final FieldCipher cipher;
    private final SupportPlanRepository plans;
    private final ObjectMapper mapper;

    public ReferralViews(FieldCipher cipher, SupportPlanRepository plans, ObjectMapper mapper) {
        this.cipher = cipher;
        this.plans = plans;
        this.mapper = mapper;
    }

    public ReferralView fullView(Referral r) {
        return new ReferralView(r.id, r.reference, r.status, r.status.allowedActions(),
                new ReferralView.Referrer(r.referrerAgency, r.referrerSector, decrypt(r, "referrerContact", r.referrerContactEnc)),
                new ReferralView.Person(decrypt(r, "name", r.personNameEnc), date(decrypt(r, "dateOfBirth", r.dateOfBirthEnc)),
                        r.gender.name(), r.ageBand, decrypt(r, "address", r.addressEnc), r.area,
                        decrypt(r, "schoolOrEmployer", r.schoolOrEmployerEnc), decrypt(r, "ethnicity", r.ethnicityEnc),
                        strings(decrypt(r, "vulnerabilities", r.vulnerabilitiesEnc))),
                r.concernTypeList(), decrypt(r, "prompt", r.promptEnc), r.urgency.name(),
                ReferralView.journey(r), plans.current(r.id).orElse(null),
                r.legalHold, r.erasedAt != null, r.version);
    }

    public ReferralSummary summary(Referral r) {
        return new ReferralSummary(r.id, r.reference, r.status, decrypt(r, "name", r.personNameEnc), r.ageBand,
                r.gender.name(), r.area, r.concernTypeList(), r.receivedOn, r.nextReviewDue, r.lastStepOn);
    }

    /** The person's date of birth, for rules that depend on their age; null once erased. */
    public LocalDate dateOfBirth(Referral r) {
        return date(decrypt(r, "dateOfBirth", r.dateOfBirthEnc));
    }

    private String decrypt(Referral referral, String field, String value) {
        return cipher.decrypt(value, referral.context(field));
    }

    private List<String> strings(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return mapper.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }
}
