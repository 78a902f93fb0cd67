package org.preventhub.referral.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.preventhub.referral.support.ReferralApi.asLead;
import static org.preventhub.referral.support.ReferralApi.asReferrer;
import static org.preventhub.referral.support.ReferralApi.panel;
import static org.preventhub.referral.support.ReferralApi.refer;
import static org.preventhub.referral.support.ReferralApi.referEarlier;
import static org.preventhub.referral.support.ReferralApi.step;
import static org.preventhub.referral.support.ReferralBuilder.aReferral;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.referral.ReferralEventTypes;
import org.preventhub.testing.KafkaEvents;
import org.preventhub.testing.ReceivedEvent;
import org.preventhub.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ChannelJourneyTest {

    @Test
    void aReferralGoesFromIntakeToTheTwelveMonthReviewAndEachForbiddenStepIsRefused() {
        String agency = "school-" + UUID.randomUUID().toString().substring(0, 6);
        UUID referral = refer(agency, aReferral().build());
        asReferrer(agency).get("/referrals/" + referral).then().statusCode(200)
                .body("status", equalTo("RECEIVED")).body("person", nullValue()).body("prompt", nullValue());

        // A step the stage does not allow: 409 with the allowed steps.
        step(referral, "exit", Map.of("reason", "too early", "exitOutcome", "NO_FURTHER_CONCERNS")).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:prevent-hub:problem:step-not-allowed"))
                .body("allowedActions", contains("start-screening"));

        step(referral, "start-screening").statusCode(200).body("status", equalTo("IN_SCREENING"))
                .body("allowedActions", contains("no-further-action", "signpost", "list-for-panel"));
        step(referral, "list-for-panel", Map.of()).statusCode(400).body("violations[0].field", equalTo("reason"));
        step(referral, "list-for-panel").statusCode(200).body("status", equalTo("LISTED_FOR_PANEL"));
        step(referral, "consent", Map.of("consentGiven", true)).statusCode(409);
        step(referral, "panel-decision").statusCode(409).body("type", equalTo("urn:prevent-hub:problem:decided-at-panel"));

        UUID panel = panel("panel-member");
        asLead().body(Map.of("referralId", referral)).post("/panels/" + panel + "/agenda").then().statusCode(200);
        asLead().body(Map.of("decision", "ADOPTED", "minutes", "Adopted; mentoring agreed."))
                .post("/panels/" + panel + "/agenda/" + referral + "/decision").then().statusCode(200)
                .body("agenda[0].decision", equalTo("ADOPTED"));
        asLead().body(Map.of("decision", "ADOPTED", "minutes", "again"))
                .post("/panels/" + panel + "/agenda/" + referral + "/decision").then().statusCode(409);

        // A child: consent from a parent or guardian, not from the child.
        step(referral, "consent", Map.of("consentGiven", true, "consentGivenBy", "PERSON")).statusCode(422)
                .body("type", equalTo("urn:prevent-hub:problem:guardian-consent-required"));
        step(referral, "consent", Map.of("consentGiven", true, "consentGivenBy", "PARENT_OR_GUARDIAN")).statusCode(200)
                .body("status", equalTo("CONSENT_GIVEN"));
        step(referral, "support-plan", Map.of("plan", Map.of("providers", List.of("Intervention provider"),
                "actions", List.of(Map.of("description", "Weekly mentoring", "owner", "Mentor", "due", LocalDate.now().plusMonths(2).toString())))))
                .statusCode(200).body("status", equalTo("IN_SUPPORT"));
        step(referral, "exit", Map.of("reason", "Concerns addressed", "exitOutcome", "NO_FURTHER_CONCERNS")).statusCode(200)
                .body("status", equalTo("EXITED"))
                .body("journey.nextReviewDue", equalTo(LocalDate.now().plusMonths(6).toString()));
        step(referral, "review", Map.of("review", "TWELVE_MONTHS")).statusCode(409)
                .body("type", equalTo("urn:prevent-hub:problem:review-out-of-order"));
        step(referral, "review", Map.of("review", "SIX_MONTHS", "reason", "No concerns")).statusCode(200)
                .body("journey.reviewsDone", equalTo(1))
                .body("journey.nextReviewDue", equalTo(LocalDate.now().plusMonths(12).toString()));
        step(referral, "review", Map.of("review", "TWELVE_MONTHS", "reason", "No concerns")).statusCode(200)
                .body("status", equalTo("CLOSED")).body("allowedActions.size()", equalTo(0));

        asReferrer(agency).get("/referrals/" + referral).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("outcome", equalTo("NO_FURTHER_CONCERNS"));

        // Who did what, when, and why, for every step.
        asLead().get("/referrals/" + referral + "/history").then().statusCode(200)
                .body("action", contains("received", "start-screening", "list-for-panel", "panel-decision", "consent",
                        "support-plan", "exit", "review", "review"))
                .body("by", hasItem("lead")).body("[6].reason", equalTo("Concerns addressed"));

        String pseudonym = (String) Sql.rows("SELECT pseudonym FROM referral WHERE id = ?", referral).get(0).get("pseudonym");
        List<ReceivedEvent> events = KafkaEvents.forKey(Topics.REFERRAL, pseudonym, 9, Duration.ofSeconds(30));
        assertThat(events).extracting(ReceivedEvent::type).containsExactly(ReferralEventTypes.RECEIVED,
                ReferralEventTypes.SCREENING_STARTED, ReferralEventTypes.LISTED_FOR_PANEL, ReferralEventTypes.ADOPTED,
                ReferralEventTypes.CONSENT_RECORDED, ReferralEventTypes.SUPPORT_STARTED, ReferralEventTypes.EXITED,
                ReferralEventTypes.REVIEW_RECORDED, ReferralEventTypes.CLOSED);
        var last = events.get(events.size() - 1).data().get("referral");
        assertThat(last.get("stage").asText()).isEqualTo("CLOSED");
        assertThat(last.get("ageBand").asText()).isEqualTo("15-17");
        assertThat(last.get("consent").asText()).isEqualTo("GIVEN");
        assertThat(last.get("panelOutcome").asText()).isEqualTo("ADOPTED");
        assertThat(last.get("reviewsDone").asInt()).isEqualTo(2);
    }

    @Test
    void screeningOutcomesAndAPanelThatDoesNotAdoptCloseTheReferral() {
        UUID nfa = refer("police-a", aReferral().build());
        step(nfa, "start-screening").statusCode(200);
        step(nfa, "no-further-action").statusCode(200).body("status", equalTo("NO_FURTHER_ACTION"))
                .body("journey.closedOn", equalTo(LocalDate.now().toString()))
                .body("journey.retainUntil", equalTo(LocalDate.now().plusYears(3).toString()));

        UUID signposted = refer("police-a", aReferral().build());
        step(signposted, "start-screening").statusCode(200);
        step(signposted, "signpost", Map.of("reason", "Mental health services")).statusCode(200)
                .body("status", equalTo("SIGNPOSTED"));
        asReferrer("police-a").get("/referrals/" + signposted).then().body("outcome", equalTo("SIGNPOSTED"));

        UUID notAdopted = refer("police-a", aReferral().adult().build());
        step(notAdopted, "start-screening").statusCode(200);
        step(notAdopted, "list-for-panel").statusCode(200);
        UUID panel = panel();
        asLead().body(Map.of("referralId", notAdopted)).post("/panels/" + panel + "/agenda").then().statusCode(200);
        asLead().body(Map.of("decision", "NOT_ADOPTED_SIGNPOSTED", "minutes", "Better met by early help."))
                .post("/panels/" + panel + "/agenda/" + notAdopted + "/decision").then().statusCode(200);
        asLead().get("/referrals/" + notAdopted).then().body("status", equalTo("NOT_ADOPTED"))
                .body("journey.panelOutcome", equalTo("NOT_ADOPTED_SIGNPOSTED"));

        UUID refused = refer("police-a", aReferral().adult().build());
        step(refused, "start-screening");
        step(refused, "list-for-panel");
        asLead().body(Map.of("referralId", refused)).post("/panels/" + panel + "/agenda").then().statusCode(200);
        asLead().body(Map.of("decision", "ADOPTED", "minutes", "Adopted."))
                .post("/panels/" + panel + "/agenda/" + refused + "/decision").then().statusCode(200);
        step(refused, "consent", Map.of("consentGiven", false)).statusCode(200).body("status", equalTo("CONSENT_REFUSED"))
                .body("allowedActions.size()", equalTo(0));
    }

    @Test
    void aPanelCannotDecideBeforeItMeetsAndOnlyListedReferralsGoOnItsAgenda() {
        UUID referral = refer("police-a", aReferral().build());
        UUID panel = panel();
        asLead().body(Map.of("referralId", referral)).post("/panels/" + panel + "/agenda").then().statusCode(409)
                .body("type", equalTo("urn:prevent-hub:problem:not-listed-for-panel"));

        step(referral, "start-screening");
        step(referral, "list-for-panel");
        Map<String, Object> future = Map.of("meetsOn", LocalDate.now().plusDays(7).toString(),
                "chair", Map.of("userId", "user-lead", "name", "Chair", "agency", "warwickshire-county-council"));
        String later = asLead().body(future).post("/panels").then().statusCode(201).extract().path("id");
        asLead().body(Map.of("referralId", referral)).post("/panels/" + later + "/agenda").then().statusCode(200);
        asLead().body(Map.of("decision", "ADOPTED", "minutes", "x"))
                .post("/panels/" + later + "/agenda/" + referral + "/decision").then().statusCode(409)
                .body("type", equalTo("urn:prevent-hub:problem:panel-not-held-yet"));
    }

    @Test
    void panelsAreScheduledMonthlyOnTheNthWeekday() {
        asLead().body(Map.of("from", "2031-01", "months", 3, "weekday", "TUESDAY", "week", 2,
                "chair", Map.of("userId", "user-lead", "name", "Chair", "agency", "warwickshire-county-council")))
                .post("/panels/schedule").then().statusCode(201)
                .body("meetsOn", contains("2031-01-14", "2031-02-11", "2031-03-11"));
    }

    @Test
    void overdueReviewsAreListed() {
        UUID referral = referEarlier("police-a", aReferral().adult().receivedOn(LocalDate.now().minusYears(1)).build());
        UUID panel = panel();
        org.preventhub.referral.support.ReferralApi.adopted(referral, panel);
        step(referral, "consent", Map.of("consentGiven", true, "consentGivenBy", "PERSON")).statusCode(200);
        step(referral, "support-plan", Map.of("plan", Map.of("providers", List.of("Mentor")))).statusCode(200);
        step(referral, "exit", Map.of("reason", "Done", "exitOutcome", "REFERRED_TO_OTHER_SERVICES",
                "on", LocalDate.now().minusMonths(7).plusDays(1).toString())).statusCode(400);
        // The panel met yesterday, so an exit seven months ago is impossible; exit today and look ahead instead.
        step(referral, "exit", Map.of("reason", "Done", "exitOutcome", "REFERRED_TO_OTHER_SERVICES")).statusCode(200);
        asLead().queryParam("asOf", LocalDate.now().plusMonths(7).toString()).get("/referrals/reviews/overdue").then()
                .statusCode(200).body("id", hasItem(referral.toString()));
        asLead().get("/referrals/reviews/overdue").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(hasItem(referral.toString())));
    }
}
