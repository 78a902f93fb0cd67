package org.preventhub.referral.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.preventhub.referral.support.ReferralApi.asLead;
import static org.preventhub.referral.support.ReferralApi.refer;
import static org.preventhub.referral.support.ReferralApi.step;
import static org.preventhub.referral.support.ReferralBuilder.aReferral;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.preventhub.platform.crypto.FieldCipher;
import org.preventhub.referral.support.ReferralBuilder;
import org.preventhub.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The test profile holds a retired key besides the active one, as a deployment does after rotating. A record
 * written while the retired key was active stays readable; everything written now uses the active key.
 */
@QuarkusTest
class KeyRotationTest {

    @Inject
    CryptoConfig config;

    /** The cipher as it was before the rotation: the retired key active. */
    private FieldCipher beforeRotation() {
        return new FieldCipher(Map.of("retired-2025", config.keys().get("retired-2025")), "retired-2025");
    }

    @Test
    void aRecordWrittenUnderTheRetiredKeyIsStillReadAndNewWritesUseTheActiveKey() {
        assertThat(config.activeKeyId()).isEqualTo("demo-1");
        ReferralBuilder person = aReferral().prompt("Posted threats against a mosque");
        UUID referral = refer("rotation-school", person.build());
        // Rewrite its fields as the service wrote them before the rotation.
        FieldCipher old = beforeRotation();
        Sql.update("UPDATE referral SET person_name_enc = ?, date_of_birth_enc = ?, prompt_enc = ? WHERE id = ?",
                old.encrypt(person.name(), "referral/" + referral + "/name"),
                old.encrypt(person.dateOfBirth().toString(), "referral/" + referral + "/dateOfBirth"),
                old.encrypt("Posted threats against a mosque", "referral/" + referral + "/prompt"), referral);
        assertThat((String) Sql.rows("SELECT person_name_enc FROM referral WHERE id = ?", referral).get(0).get("person_name_enc"))
                .startsWith("v1.retired-2025.");

        asLead().get("/referrals/" + referral).then().statusCode(200)
                .body("person.name", equalTo(person.name()))
                .body("person.dateOfBirth", equalTo(person.dateOfBirth().toString()))
                .body("prompt", equalTo("Posted threats against a mosque"));

        step(referral, "start-screening").statusCode(200);
        step(referral, "no-further-action", Map.of("reason", "Addressed by the school")).statusCode(200);
        asLead().body(Map.of("hold", true, "reason", "Complaint pending")).post("/referrals/" + referral + "/legal-hold")
                .then().statusCode(200);
        assertThat((String) Sql.rows("SELECT legal_hold_reason_enc FROM referral WHERE id = ?", referral).get(0)
                .get("legal_hold_reason_enc")).startsWith("v1.demo-1.");
        assertThat(Sql.rows("SELECT reason_enc FROM referral_step WHERE referral_id = ? AND reason_enc IS NOT NULL", referral))
                .isNotEmpty().allSatisfy(row -> assertThat((String) row.get("reason_enc")).startsWith("v1.demo-1."));
        assertThat(Sql.count("SELECT count(*) FROM referral WHERE person_name_enc LIKE 'v1.retired-2025.%' AND id = ?", referral))
                .isEqualTo(1);
        asLead().get("/referrals/" + referral + "/history").then().statusCode(200)
                .body("find { it.action == 'no-further-action' }.reason", equalTo("Addressed by the school"));
    }
}
