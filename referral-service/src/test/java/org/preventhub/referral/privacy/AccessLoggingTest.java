package org.preventhub.referral.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.preventhub.referral.support.ReferralApi.asLead;
import static org.preventhub.referral.support.ReferralApi.asReferrer;
import static org.preventhub.referral.support.ReferralApi.refer;
import static org.preventhub.referral.support.ReferralApi.step;
import static org.preventhub.referral.support.ReferralBuilder.aReferral;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.referral.support.ReferralBuilder;
import org.preventhub.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;

/** Every read of a referral leaves a row, and nothing the caller searched for ends up in a URL or the log. */
@QuarkusTest
class AccessLoggingTest {

    private static List<Map<String, Object>> log(UUID referral) {
        return Sql.rows("SELECT action, fields, purpose FROM access_log WHERE referral_id = ? ORDER BY id", referral);
    }

    @Test
    void theAnswersOfStepsAndLegalHoldsCarryNoPersonalDataSoTheyNeedNoPurpose() {
        ReferralBuilder person = aReferral().prompt("Spoke of joining a proscribed group");
        UUID referral = refer("answers-school", person.build());
        String screened = step(referral, "start-screening").statusCode(200)
                .body("status", equalTo("IN_SCREENING")).body("journey.receivedOn", org.hamcrest.Matchers.notNullValue())
                .extract().asString();
        String held = asLead().body(Map.of("hold", true, "reason", "Inquest into a named relative"))
                .post("/referrals/" + referral + "/legal-hold").then().statusCode(200)
                .body("legalHold", equalTo(true)).extract().asString();
        for (String answer : List.of(screened, held)) {
            assertThat(answer).doesNotContain(person.name(), "Jamie", "proscribed", "Example Road", "Example Academy",
                    "dsl@school", "neurodiversity", "White British", "Inquest", "\"person\"", "\"prompt\"");
        }
        assertThat(log(referral)).extracting(row -> row.get("action")).containsExactly("CREATE", "CHANGE", "CHANGE");
    }

    @Test
    void readingTheAccessLogNeedsAPurposeAndIsItselfLogged() {
        UUID referral = refer("log-read-school", aReferral().build());
        asLead(null).get("/referrals/" + referral + "/access-log").then().statusCode(400)
                .body("violations[0].field", equalTo("X-Access-Purpose"));
        asLead("Complaint about access").get("/referrals/" + referral + "/access-log").then().statusCode(200)
                .body("action", contains("CREATE", "READ"))
                .body("[1].fields", equalTo("accessLog")).body("[1].purpose", equalTo("Complaint about access"));
    }

    @Test
    void aReferrersListIsLoggedLineByLine() {
        String agency = "list-log-" + UUID.randomUUID().toString().substring(0, 6);
        UUID referral = refer(agency, aReferral().build());
        asReferrer(agency).get("/referrals").then().statusCode(200).body("items.id", contains(referral.toString()));
        assertThat(Sql.rows("SELECT action, fields, actor_agency FROM access_log WHERE referral_id = ?", referral))
                .contains(Map.of("action", "SEARCH_HIT", "fields", "status", "actor_agency", agency));
    }

    @Test
    void aNameSearchIsLoggedEvenWhenItFindsNobodyAndTheNameIsInNeitherTheUrlNorTheLog() {
        String nobody = "Quentin Nosuchperson-" + UUID.randomUUID().toString().substring(0, 6);
        String requestId = "search-" + UUID.randomUUID();
        asLead("Checking for an earlier referral").header("X-Request-Id", requestId).body(Map.of("name", nobody))
                .post("/referrals/search").then().statusCode(200).body("totalItems", equalTo(0));
        assertThat(Sql.rows("SELECT action, fields, purpose, referral_id FROM access_log WHERE request_id = ?", requestId))
                .containsExactly(java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(Map.of(
                        "action", "SEARCH", "fields", "nameSearch", "purpose", "Checking for an earlier referral")) {
                    {
                        put("referral_id", null);
                    }
                }));

        // A search needs a purpose, and the old query-string search is refused rather than ignored.
        asLead(null).body(Map.of("name", nobody)).post("/referrals/search").then().statusCode(400);
        asLead().queryParam("name", nobody).get("/referrals").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("name"))
                .body(not(org.hamcrest.Matchers.containsString("Quentin")));

        // A subject access request that finds nothing is still on record.
        String sarId = "sar-" + UUID.randomUUID();
        asLead("Subject access request").header("X-Request-Id", sarId).body(Map.of("name", nobody, "dateOfBirth", "2004-02-29"))
                .post("/subject-access").then().statusCode(200).body("records.size()", equalTo(0));
        assertThat(Sql.rows("SELECT action, fields FROM access_log WHERE request_id = ?", sarId))
                .containsExactly(Map.of("action", "SEARCH", "fields", "subjectAccess"));
        asLead().queryParam("name", nobody).get("/subject-access").then().statusCode(405);

        assertThat(Sql.count("SELECT count(*) FROM access_log WHERE concat_ws(' ', actor_id, actor_name, fields, purpose) "
                + "ILIKE ?", "%Nosuchperson%")).isZero();
    }

    @Test
    void aSearchHitIsLoggedWithTheSearchsPurpose() {
        ReferralBuilder person = aReferral();
        UUID referral = refer("hit-school", person.build());
        asLead("Duplicate check").body(Map.of("name", person.name())).post("/referrals/search").then().statusCode(200)
                .body("items.id", hasItem(referral.toString()));
        assertThat(log(referral)).contains(Map.of("action", "SEARCH_HIT", "fields", "personName,ageBand,gender,area,concernTypes",
                "purpose", "Duplicate check"));
    }

    @Test
    void anUnknownStepIsNotFoundAndAPurposeMustBeShortAndPlain() {
        UUID referral = refer("step-school", aReferral().build());
        step(referral, "teleport").statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:prevent-hub:problem:not-found")).body("steps", hasItem("start-screening"))
                .body("detail", not(org.hamcrest.Matchers.containsString("teleport")));
        step(referral, "exit", Map.of("reason", "x", "exitOutcome", "NO_FURTHER_CONCERNS")).statusCode(409)
                .body("type", equalTo("urn:prevent-hub:problem:step-not-allowed"));

        asLead("x".repeat(201)).get("/referrals/" + referral).then().statusCode(400)
                .body("violations[0].field", equalTo("X-Access-Purpose"));
        asLead("Preparing\tthe panel").get("/referrals/" + referral).then().statusCode(400);
        asLead("x".repeat(200)).get("/referrals/" + referral).then().statusCode(200);
    }
}
