package org.preventhub.referral.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.preventhub.referral.support.ReferralApi.asLead;
import static org.preventhub.referral.support.ReferralApi.refer;
import static org.preventhub.referral.support.ReferralApi.referEarlier;
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

    /** A referral screened out (no further action) on the given day: kept three years from then. */
    private static UUID screenedOutOn(LocalDate closedOn, ReferralBuilder builder) {
        UUID referral = referEarlier("retention-school", builder.receivedOn(closedOn.minusDays(9))
                .bornOn(closedOn.minusYears(16)).build());
        step(referral, "start-screening", Map.of("on", closedOn.minusDays(8).toString())).statusCode(200);
        step(referral, "no-further-action", Map.of("reason", "No concerns found", "on", closedOn.toString()))
                .statusCode(200).body("journey.retainUntil", equalTo(closedOn.plusYears(3).toString()));
        return referral;
    }

    @Test
    void afterTheRetentionDatePersonalDataIsErasedTheFactsStayAndALegalHoldKeepsARecord() {
        LocalDate today = LocalDate.now();
        ReferralBuilder erasedPerson = aReferral();
        UUID erased = screenedOutOn(today.minusYears(3), erasedPerson);
        UUID held = screenedOutOn(today.minusYears(3).minusDays(2), aReferral());
        UUID notYet = screenedOutOn(today.minusYears(3).plusDays(1), aReferral());
        asLead().body(Map.of("hold", true, "reason", "Coroner's inquest")).post("/referrals/" + held + "/legal-hold")
                .then().statusCode(200).body("legalHold", equalTo(true));
        String factsBefore = facts(erased);

        asLead().post("/retention/runs").then().statusCode(200)
                .body("dryRun", equalTo(false))
                .body("referrals.id", hasItem(erased.toString()))
                .body("referrals.id", not(hasItem(held.toString())))
                .body("referrals.id", not(hasItem(notYet.toString())))
                .body("keptUnderLegalHold", greaterThanOrEqualTo(1));

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
        asLead().body(Map.of("name", erasedPerson.name())).post("/referrals/search").then().body("totalItems", equalTo(0));

        asLead().get("/referrals/" + held).then().body("erased", equalTo(false)).body("person.name", notNullValue());
        asLead().get("/referrals/" + notYet).then().body("erased", equalTo(false)).body("person.name", notNullValue());
    }

    @Test
    void aRunAsOfAnotherDayIsOnlyADryRunThatErasesNothing() {
        UUID dueTomorrow = screenedOutOn(LocalDate.now().minusYears(3).plusDays(1), aReferral());
        String tomorrow = LocalDate.now().plusDays(1).toString();

        asLead().queryParam("asOf", tomorrow).post("/retention/runs").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("asOf"));
        asLead().queryParam("asOf", "2099-01-01").queryParam("dryRun", false).post("/retention/runs").then().statusCode(400);

        asLead().queryParam("asOf", tomorrow).queryParam("dryRun", true).post("/retention/runs").then().statusCode(200)
                .body("dryRun", equalTo(true)).body("erased", equalTo(0))
                .body("referrals.find { it.id == '" + dueTomorrow + "' }.rule", equalTo("screened-out"))
                .body("referrals.find { it.id == '" + dueTomorrow + "' }.retainUntil", equalTo(tomorrow));
        asLead().get("/referrals/" + dueTomorrow).then().body("erased", equalTo(false)).body("person.name", notNullValue());
        assertThat(Sql.count("SELECT count(*) FROM erasure_log WHERE referral_id = ?", dueTomorrow)).isZero();
    }

    @Test
    void aSubjectAccessRequestExportsEverythingAndIsAudited() {
        ReferralBuilder person = aReferral();
        UUID referral = screenedOut(person);
        asLead().body(Map.of("name", person.name())).post("/subject-access").then().statusCode(200)
                .body("records.size()", equalTo(1))
                .body("records[0].referral.person.name", equalTo(person.name()))
                .body("records[0].history.size()", equalTo(3));
        assertThat(Sql.count("SELECT count(*) FROM access_log WHERE referral_id = ? AND action = 'EXPORT'", referral)).isEqualTo(1);
        asLead("").body(Map.of("name", person.name())).post("/subject-access").then().statusCode(400);
    }

    /** What the statistics keep. */
    private static String facts(UUID referral) {
        return Sql.rows("""
                SELECT status, referrer_sector, gender, area, age_band, concern_types, received_on, screened_on,
                       screening_outcome, closed_on FROM referral WHERE id = ?""", referral).toString();
    }
}
