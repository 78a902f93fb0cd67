package org.preventhub.referral.idempotency;

import static java.util.Map.entry;
import static org.preventhub.referral.support.ReferralApi.adopted;
import static org.preventhub.referral.support.ReferralApi.asLead;
import static org.preventhub.referral.support.ReferralApi.asReferrer;
import static org.preventhub.referral.support.ReferralApi.panel;
import static org.preventhub.referral.support.ReferralApi.refer;
import static org.preventhub.referral.support.ReferralApi.step;
import static org.preventhub.referral.support.ReferralApi.userId;
import static org.preventhub.referral.support.ReferralBuilder.aReferral;
import static org.preventhub.referral.support.Webhooks.asPartner;
import static org.preventhub.referral.support.Webhooks.failedDelivery;
import static org.preventhub.referral.support.Webhooks.subscription;
import static org.preventhub.referral.support.Webhooks.subscriptionRequest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.preventhub.testing.IdempotencyContract;
import org.preventhub.testing.Sql;
import org.preventhub.testing.Write;
import org.preventhub.testing.openapi.ServiceDocument;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every state-changing POST and PUT of the referral service honours {@code Idempotency-Key}, driven by its own
 * OpenAPI document: a new write without an entry in {@link #WRITES} fails {@link #everyWriteHasAnEntryInTheTable}.
 */
@QuarkusTest
class EveryWriteIsIdempotentTest {

    /** POSTs that change nothing a retry could repeat: reads sent as POST so that names stay out of URLs. */
    static final Map<String, String> READS = Map.of(
            "POST /referrals/search", "a search by name (logged, as every read is)",
            "POST /subject-access", "a subject access export (logged, as every read is)");

    static final Map<String, Supplier<Write>> WRITES = Map.ofEntries(
            entry("POST /referrals", () -> Write.post("/referrals").as(() -> asReferrer("idem-school"))
                    .body(aReferral().build()).otherBody(aReferral().build())
                    .effect(() -> Sql.count("SELECT count(*) FROM referral"))),
            entry("POST /referrals/{id}/steps/{action}", () -> {
                UUID referral = refer("idem-school", aReferral().build());
                return Write.post("/referrals/" + referral + "/steps/start-screening").as(() -> asLead())
                        .body(Map.of("reason", "Deconfliction started")).otherBody(Map.of("reason", "Another reason"))
                        .effect(() -> steps(referral));
            }),
            entry("POST /referrals/{id}/legal-hold", () -> {
                UUID referral = refer("idem-school", aReferral().build());
                return Write.post("/referrals/" + referral + "/legal-hold").as(() -> asLead())
                        .body(Map.of("hold", true, "reason", "Coroner's inquest"))
                        .otherBody(Map.of("hold", true, "reason", "Another inquest"))
                        .effect(() -> steps(referral));
            }),
            entry("PUT /referrals/{id}/support-plan", () -> {
                UUID referral = inSupport();
                return Write.put("/referrals/" + referral + "/support-plan").as(() -> asLead())
                        .body(Map.of("plan", plan("Fortnightly mentoring"), "reason", "Mentor changed"))
                        .otherBody(Map.of("plan", plan("Weekly mentoring"), "reason", "Mentor changed"))
                        .effect(() -> steps(referral));
            }),
            entry("POST /panels", () -> Write.post("/panels").as(() -> asLead())
                    .body(panelRequest(LocalDate.now().minusDays(1))).otherBody(panelRequest(LocalDate.now()))
                    .effect(() -> Sql.count("SELECT count(*) FROM channel_panel"))),
            entry("POST /panels/schedule", () -> Write.post("/panels/schedule").as(() -> asLead())
                    .body(schedule(2)).otherBody(schedule(3))
                    .effect(() -> Sql.count("SELECT count(*) FROM channel_panel"))),
            entry("POST /panels/{id}/agenda", () -> {
                UUID panel = panel();
                UUID referral = listedForPanel();
                UUID other = listedForPanel();
                return Write.post("/panels/" + panel + "/agenda").as(() -> asLead())
                        .body(Map.of("referralId", referral)).otherBody(Map.of("referralId", other))
                        .effect(() -> Sql.count("SELECT count(*) FROM agenda_item WHERE panel_id = ?", panel));
            }),
            entry("POST /panels/{id}/agenda/{referralId}/decision", () -> {
                UUID panel = panel();
                UUID referral = listedForPanel();
                asLead().body(Map.of("referralId", referral)).post("/panels/" + panel + "/agenda").then().statusCode(200);
                return Write.post("/panels/" + panel + "/agenda/" + referral + "/decision").as(() -> asLead())
                        .body(Map.of("decision", "ADOPTED", "minutes", "Adopted; mentoring agreed."))
                        .otherBody(Map.of("decision", "NOT_ADOPTED_NO_FURTHER_ACTION", "minutes", "Not adopted."))
                        .effect(() -> steps(referral));
            }),
            entry("POST /panels/me/calendar-url", () -> Write.post("/panels/me/calendar-url").as(() -> asLead()).bodiless()
                    .effect(() -> Sql.count("SELECT coalesce(sum(generation), 0) FROM calendar_feed"))),
            entry("POST /webhooks/subscriptions", () -> Write.post("/webhooks/subscriptions")
                    .as(() -> asPartner("idem-hooks", "idem-partner"))
                    .body(subscriptionRequest("first")).otherBody(subscriptionRequest("another"))
                    .effect(() -> Sql.count("SELECT count(*) FROM webhook_subscription WHERE owner_agency = 'idem-hooks'"))),
            entry("POST /webhooks/subscriptions/{id}/pause", () -> {
                UUID subscription = subscription("idem-hooks-pause", "idem-partner");
                return Write.post("/webhooks/subscriptions/" + subscription + "/pause")
                        .as(() -> asPartner("idem-hooks-pause", "idem-partner")).bodiless()
                        .effect(() -> status(subscription, "PAUSED"));
            }),
            entry("POST /webhooks/subscriptions/{id}/resume", () -> {
                UUID subscription = paused();
                return Write.post("/webhooks/subscriptions/" + subscription + "/resume")
                        .as(() -> asPartner("idem-hooks-resume", "idem-partner")).bodiless()
                        .effect(() -> status(subscription, "ACTIVE"));
            }),
            entry("POST /webhooks/subscriptions/{id}/deliveries/{deliveryId}/replay", () -> {
                // Paused, so that the dispatcher leaves the replayed delivery waiting.
                UUID subscription = paused();
                UUID delivery = failedDelivery(subscription);
                return Write.post("/webhooks/subscriptions/" + subscription + "/deliveries/" + delivery + "/replay")
                        .as(() -> asPartner("idem-hooks-resume", "idem-partner")).bodiless()
                        .effect(() -> Sql.count("SELECT count(*) FROM webhook_delivery WHERE id = ? AND status = 'PENDING'",
                                delivery));
            }),
            entry("PUT /me/reminder-preferences", () -> {
                String member = "idem-panel-" + UUID.randomUUID().toString().substring(0, 8);
                return Write.put("/me/reminder-preferences")
                        .as(() -> io.restassured.RestAssured.given().auth().oauth2(org.preventhub.testing.TestTokens
                                .as("channel-panel").username(member).email(member + "@police.example.org").token()))
                        .body(Map.of("delivery", "DAILY_DIGEST")).otherBody(Map.of("delivery", "IMMEDIATE"))
                        .effect(() -> Sql.count("SELECT count(*) FROM reminder_recipient WHERE user_id = ?", userId(member)));
            }),
            entry("POST /retention/runs", () -> {
                screenedOutLongAgo();
                return Write.post("/retention/runs").as(() -> asLead()).bodiless()
                        .effect(() -> Sql.count("SELECT count(*) FROM erasure_log"));
            }));

    private static long status(UUID subscription, String status) {
        return Sql.count("SELECT count(*) FROM webhook_subscription WHERE id = ? AND status = ?", subscription, status);
    }

    private static UUID paused() {
        UUID subscription = subscription("idem-hooks-resume", "idem-partner");
        asPartner("idem-hooks-resume", "idem-partner").post("/webhooks/subscriptions/" + subscription + "/pause")
                .then().statusCode(200);
        return subscription;
    }

    private static long steps(UUID referral) {
        return Sql.count("SELECT count(*) FROM referral_step WHERE referral_id = ?", referral);
    }

    private static Map<String, Object> plan(String action) {
        return Map.of("providers", List.of("Home Office intervention provider"), "actions", List.of(Map.of(
                "description", action, "owner", "Mentor Zephyrine", "due", LocalDate.now().plusMonths(2).toString())));
    }

    private static UUID inSupport() {
        UUID referral = adopted(refer("idem-school", aReferral().adult().build()), panel());
        step(referral, "consent", Map.of("consentGiven", true, "consentGivenBy", "PERSON")).statusCode(200);
        step(referral, "support-plan", Map.of("plan", plan("Weekly mentoring"))).statusCode(200);
        return referral;
    }

    private static UUID listedForPanel() {
        UUID referral = refer("idem-school", aReferral().build());
        step(referral, "start-screening").statusCode(200);
        step(referral, "list-for-panel").statusCode(200);
        return referral;
    }

    /** A referral screened out over three years ago, so the retention job erases it. */
    private static void screenedOutLongAgo() {
        LocalDate closedOn = LocalDate.now().minusYears(3).minusDays(1);
        UUID referral = UUID.fromString(asLead().body(aReferral().agency("idem-school").receivedOn(closedOn.minusDays(9))
                .bornOn(closedOn.minusYears(16)).build()).post("/referrals").then().statusCode(201).extract().path("id"));
        step(referral, "start-screening", Map.of("on", closedOn.minusDays(8).toString())).statusCode(200);
        step(referral, "no-further-action", Map.of("reason", "No concerns found", "on", closedOn.toString()))
                .statusCode(200);
    }

    private static Map<String, Object> member(String username) {
        return Map.of("userId", userId(username), "name", username, "agency", "warwickshire-police");
    }

    private static Map<String, Object> panelRequest(LocalDate meetsOn) {
        return Map.of("meetsOn", meetsOn.toString(), "chair", member("lead"), "members", List.of(member("idem-member")));
    }

    private static Map<String, Object> schedule(int week) {
        return Map.of("from", java.time.YearMonth.now().plusMonths(1).toString(), "months", 2, "weekday", "TUESDAY",
                "week", week, "chair", member("lead"), "members", List.of(member("idem-member")));
    }

    @Test
    void everyPostAndPutDeclaresTheIdempotencyKeyHeader() {
        IdempotencyContract.everyWriteDeclaresTheKey(ServiceDocument.read(), READS);
    }

    @Test
    void everyWriteHasAnEntryInTheTable() {
        IdempotencyContract.everyWriteHasACase(ServiceDocument.read(), READS, WRITES.keySet());
    }

    @TestFactory
    Stream<DynamicTest> aRetryAnswersTheFirstAnswerWithOneEffectAndAnotherBodyWithTheSameKeyIs422() {
        return IdempotencyContract.retries(WRITES);
    }

    @TestFactory
    Stream<DynamicTest> concurrentRetriesWithOneKeyHaveOneEffect() {
        return IdempotencyContract.concurrentRetries(WRITES);
    }
}
