package org.preventhub.referral.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.preventhub.referral.support.ReferralApi.PURPOSE;
import static org.preventhub.referral.support.ReferralApi.adopted;
import static org.preventhub.referral.support.ReferralApi.as;
import static org.preventhub.referral.support.ReferralApi.asLead;
import static org.preventhub.referral.support.ReferralApi.panel;
import static org.preventhub.referral.support.ReferralApi.refer;
import static org.preventhub.referral.support.ReferralApi.referEarlier;
import static org.preventhub.referral.support.ReferralApi.step;
import static org.preventhub.referral.support.ReferralApi.userId;
import static org.preventhub.referral.support.ReferralBuilder.aReferral;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class SupportPlanTest {

    private static Map<String, Object> plan(String provider, String action, String owner, LocalDate due) {
        return Map.of("providers", List.of(provider),
                "actions", List.of(Map.of("description", action, "owner", owner, "due", due.toString())));
    }

    private static RequestSpecification member(String username) {
        return as(Roles.CHANNEL_PANEL, "warwickshire-police", username).header(PURPOSE, "Support review");
    }

    /** A case in support, adopted by a panel the given member sits on. */
    private static UUID inSupport(String member, Map<String, Object> plan) {
        UUID referral = adopted(refer("plan-school", aReferral().adult().build()), panel(member));
        step(referral, "consent", Map.of("consentGiven", true, "consentGivenBy", "PERSON")).statusCode(200);
        step(referral, "support-plan", Map.of("plan", plan)).statusCode(200);
        return referral;
    }

    @Test
    void thePlanIsReadByTheLeadAndThePanelWhileOpenAndRevisedInSupportWithItsHistoryKept() {
        String username = "plan-member-" + UUID.randomUUID().toString().substring(0, 6);
        LocalDate due = LocalDate.now().plusMonths(2);
        UUID referral = inSupport(username, plan("Home Office intervention provider", "Weekly mentoring", "Mentor Zephyrine", due));

        asLead().get("/referrals/" + referral).then().statusCode(200)
                .body("supportPlan.revision", equalTo(1))
                .body("supportPlan.providers", contains("Home Office intervention provider"))
                .body("supportPlan.actions[0].owner", equalTo("Mentor Zephyrine"));
        as(Roles.CHANNEL_PANEL, "warwickshire-police", username).get("/referrals/" + referral + "/support-plan")
                .then().statusCode(400);
        String etag = member(username).get("/referrals/" + referral + "/support-plan").then().statusCode(200)
                .body("revisable", equalTo(true)).body("revisions.size()", equalTo(1))
                .body("current.actions[0].due", equalTo(due.toString())).body("current.revisedBy", equalTo("lead"))
                .extract().header("ETag");

        // Revised: the whole plan as now agreed, why, and the previous one kept.
        Map<String, Object> revised = Map.of("plan", plan("Youth mentor", "Online mentoring", "Mentor Zephyrine", due.plusMonths(1)),
                "reason", "Mentoring moved online");
        String answer = asLead().header("If-Match", etag).body(revised).put("/referrals/" + referral + "/support-plan")
                .then().statusCode(200).body("revision", equalTo(2)).body("revisedBy", equalTo("lead"))
                .extract().asString();
        assertThat(answer).doesNotContain("Zephyrine", "Online mentoring");
        asLead().header("If-Match", etag).body(revised).put("/referrals/" + referral + "/support-plan").then().statusCode(412);
        member(username).body(revised).put("/referrals/" + referral + "/support-plan").then().statusCode(403);

        asLead().get("/referrals/" + referral + "/support-plan").then().statusCode(200)
                .body("revisions.revision", contains(1, 2))
                .body("revisions[0].providers", contains("Home Office intervention provider"))
                .body("revisions[0].reason", nullValue())
                .body("revisions[1].reason", equalTo("Mentoring moved online"))
                .body("current.providers", contains("Youth mentor"));
        asLead().get("/referrals/" + referral + "/history").then()
                .body("action", hasItem("support-plan-revised")).body("find { it.action == 'support-plan-revised' }.by", equalTo("lead"));
        assertThat(Sql.rows("SELECT action, fields FROM access_log WHERE referral_id = ? AND fields = 'supportPlan'", referral))
                .extracting(row -> row.get("action")).containsExactly("READ", "CHANGE", "READ");
        assertThat(Sql.rows("SELECT * FROM support_plan_revision WHERE referral_id = ?", referral).toString())
                .doesNotContain("Zephyrine", "mentoring", "Youth mentor");

        // After exit: no more revisions, and the panel no longer sees it.
        step(referral, "exit", Map.of("reason", "Concerns addressed", "exitOutcome", "NO_FURTHER_CONCERNS")).statusCode(200);
        asLead().body(revised).put("/referrals/" + referral + "/support-plan").then().statusCode(409)
                .body("type", equalTo("urn:prevent-hub:problem:support-plan-not-revisable"));
        member(username).get("/referrals/" + referral + "/support-plan").then().statusCode(404);
        asLead().get("/referrals/" + referral + "/support-plan").then().statusCode(200).body("revisable", equalTo(false));
    }

    @Test
    void aPlanCanOnlyBeRevisedWhileInSupportAndNotBackdatedBeforeTheCurrentOne() {
        UUID referral = adopted(refer("plan-school", aReferral().adult().build()), panel());
        asLead().body(Map.of("plan", plan("Mentor", "Meet", "Mentor", LocalDate.now()), "reason", "Early"))
                .put("/referrals/" + referral + "/support-plan").then().statusCode(409);
        asLead().get("/referrals/" + referral + "/support-plan").then().statusCode(404);
        step(referral, "consent", Map.of("consentGiven", true, "consentGivenBy", "PERSON")).statusCode(200);
        step(referral, "support-plan", Map.of("plan", plan("Mentor", "Meet", "Mentor", LocalDate.now()))).statusCode(200);
        asLead().body(Map.of("plan", plan("Mentor", "Meet", "Mentor", LocalDate.now()), "reason", "Backdated",
                "on", LocalDate.now().minusDays(1).toString())).put("/referrals/" + referral + "/support-plan")
                .then().statusCode(400).body("violations[0].field", equalTo("on"));
        asLead().body(Map.of("plan", Map.of(), "reason", "Empty")).put("/referrals/" + referral + "/support-plan")
                .then().statusCode(400).body("violations[0].field", equalTo("plan"));
        asLead().body(Map.of("plan", plan("Mentor", "Meet", "Mentor", LocalDate.now()))).put("/referrals/" + referral + "/support-plan")
                .then().statusCode(400).body("violations[0].field", equalTo("reason"));
    }

    @Test
    void erasureTakesThePlansButKeepsThatTheCaseHadOne() {
        LocalDate exit = LocalDate.now().minusYears(6).minusDays(1);
        LocalDate received = exit.minusMonths(5);
        UUID referral = referEarlier("plan-school", aReferral().adult().receivedOn(received).build());
        step(referral, "start-screening", Map.of("on", received.toString())).statusCode(200);
        step(referral, "list-for-panel", Map.of("reason", "Listed", "on", received.plusDays(7).toString())).statusCode(200);
        Map<String, Object> panel = Map.of("meetsOn", received.plusMonths(1).toString(),
                "chair", Map.of("userId", userId("lead"), "name", "Chair", "agency", "warwickshire-county-council"));
        String panelId = asLead().body(panel).post("/panels").then().statusCode(201).extract().path("id");
        asLead().body(Map.of("referralId", referral)).post("/panels/" + panelId + "/agenda").then().statusCode(200);
        asLead().body(Map.of("decision", "ADOPTED", "minutes", "Adopted"))
                .post("/panels/" + panelId + "/agenda/" + referral + "/decision").then().statusCode(200);
        step(referral, "consent", Map.of("consentGiven", true, "consentGivenBy", "PERSON",
                "on", received.plusMonths(1).plusDays(3).toString())).statusCode(200);
        step(referral, "support-plan", Map.of("plan", plan("Mentor", "Weekly sessions", "Mentor Quillon", exit),
                "on", received.plusMonths(1).plusDays(10).toString())).statusCode(200);
        asLead().body(Map.of("plan", plan("Mentor", "Fortnightly sessions", "Mentor Quillon", exit), "reason", "Progress",
                "on", received.plusMonths(3).toString())).put("/referrals/" + referral + "/support-plan").then().statusCode(200);
        step(referral, "exit", Map.of("reason", "Done", "exitOutcome", "NO_FURTHER_CONCERNS", "on", exit.toString()))
                .statusCode(200);

        asLead().post("/retention/runs").then().statusCode(200).body("referrals.id", hasItem(referral.toString()));
        assertThat(Sql.rows("SELECT revision, plan_enc, reason_enc FROM support_plan_revision WHERE referral_id = ? ORDER BY revision",
                referral)).extracting(row -> row.get("revision") + ":" + row.get("plan_enc") + ":" + row.get("reason_enc"))
                .containsExactly("1:null:null", "2:null:null");
        asLead().get("/referrals/" + referral + "/support-plan").then().statusCode(200)
                .body("revisions.size()", equalTo(2)).body("current.providers", nullValue());
    }
}
