package org.preventhub.referral.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.preventhub.referral.support.ReferralApi.asLead;
import static org.preventhub.referral.support.ReferralApi.refer;
import static org.preventhub.referral.support.ReferralApi.step;
import static org.preventhub.referral.support.ReferralBuilder.aReferral;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.referral.support.ReferralBuilder;
import org.preventhub.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RetentionTest {

    private static UUID screenedOut(ReferralBuilder builder) {
        UUID referral = refer("retention-school", builder.build());
        step(referral, "start-screening").statusCode(200);
        step(referral, "no-further-action").statusCode(200);
        return referral;
    }

    @Test
    void afterTheRetentionDatePersonalDataIsErasedTheFactsStayAndALegalHoldKeepsARecord() {
        ReferralBuilder erasedPerson = aReferral();
        UUID erased = screenedOut(erasedPerson);
        UUID held = screenedOut(aReferral());
        asLead().body(Map.of("hold", true, "reason", "Coroner's inquest")).post("/referrals/" + held + "/legal-hold")
                .then().statusCode(200).body("legalHold", equalTo(true));
        String factsBefore = facts(erased);

        // Before the date nothing goes.
        asLead().queryParam("asOf", LocalDate.now().plusYears(3).minusDays(1).toString()).post("/retention/runs")
                .then().statusCode(200);
        asLead().get("/referrals/" + erased).then().body("erased", equalTo(false));

        asLead().queryParam("asOf", LocalDate.now().plusYears(3).toString()).post("/retention/runs").then().statusCode(200)
                .body("keptUnderLegalHold", org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        asLead().get("/referrals/" + erased).then().statusCode(200)
                .body("erased", equalTo(true)).body("person.name", nullValue()).body("person.dateOfBirth", nullValue())
                .body("prompt", nullValue()).body("person.ageBand", equalTo("15-17"))
                .body("status", equalTo("NO_FURTHER_ACTION"));
        Map<String, Object> row = Sql.rows("SELECT * FROM referral WHERE id = ?", erased).get(0);
        assertThat(row.get("person_name_enc")).isNull();
        assertThat(row.get("name_index")).isNull();
        assertThat(row.get("prompt_enc")).isNull();
        assertThat(facts(erased)).isEqualTo(factsBefore);
        assertThat(Sql.count("SELECT count(*) FROM referral_step WHERE referral_id = ? AND reason_enc IS NOT NULL", erased)).isZero();
        assertThat(Sql.count("SELECT count(*) FROM erasure_log WHERE referral_id = ?", erased)).isEqualTo(1);
        assertThat(Sql.count("SELECT count(*) FROM access_log WHERE referral_id = ? AND action = 'ERASE'", erased)).isEqualTo(1);
        asLead().queryParam("name", erasedPerson.name()).get("/referrals").then().body("totalItems", equalTo(0));

        asLead().get("/referrals/" + held).then().body("erased", equalTo(false)).body("person.name", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aSubjectAccessRequestExportsEverythingAndIsAudited() {
        ReferralBuilder person = aReferral();
        UUID referral = screenedOut(person);
        asLead().queryParam("name", person.name()).get("/subject-access").then().statusCode(200)
                .body("records.size()", equalTo(1))
                .body("records[0].referral.person.name", equalTo(person.name()))
                .body("records[0].history.size()", equalTo(3));
        assertThat(Sql.count("SELECT count(*) FROM access_log WHERE referral_id = ? AND action = 'EXPORT'", referral)).isEqualTo(1);
        asLead("").queryParam("name", person.name()).get("/subject-access").then().statusCode(400);
    }

    /** What the statistics keep. */
    private static String facts(UUID referral) {
        return Sql.rows("""
                SELECT status, referrer_sector, gender, area, age_band, concern_types, received_on, screened_on,
                       screening_outcome, closed_on FROM referral WHERE id = ?""", referral).toString();
    }
}
