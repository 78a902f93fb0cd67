package org.preventhub.referral.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.preventhub.referral.support.ReferralApi.refer;
import static org.preventhub.referral.support.ReferralApi.step;
import static org.preventhub.referral.support.ReferralBuilder.aReferral;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.Sql;
import org.preventhub.testing.infra.TestInfrastructure;
import org.preventhub.testing.TestTokens;
import org.preventhub.testing.WebhookReceiver;
import org.preventhub.testing.WebhookReceiver.Received;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Partner systems hear of their referrals by signed webhook (Standard Webhooks), delivered to a real HTTP receiver:
 * only their own agency's referrals, only the status, retried when the receiver fails, then disabled.
 */
@QuarkusTest
class ReferralWebhooksTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aReferrersClientReceivesItsOwnReferralsStagesSignedAndAnotherAgencysClientReceivesNothingOfThem() {
        String agency = agency("school");
        String otherAgency = agency("college");
        try (WebhookReceiver own = WebhookReceiver.start(); WebhookReceiver other = WebhookReceiver.start()) {
            JsonPath subscription = subscribe(partner(agency), own.url());
            String secret = subscription.getString("secret");
            String otherSubscription = subscribe(partner(otherAgency), other.url()).getString("id");

            UUID referral = refer(agency, aReferral().name("Wilhelmina Quartermaine").build());
            step(referral, "start-screening").statusCode(200);

            List<Received> deliveries = await().atMost(WAIT).until(() -> about(own, referral), d -> d.size() >= 2);
            assertThat(deliveries).allSatisfy(d -> assertThat(WebhookReceiver.verify(secret, d)).isTrue());
            // Deliveries are not ordered (they go out concurrently); the body's timestamp is the event's.
            List<JsonPath> bodies = deliveries.stream().map(d -> JsonPath.from(d.body())).toList();
            assertThat(bodies).extracting(b -> b.getString("type")).containsOnly("referral.status-changed.v1");
            assertThat(bodies).allSatisfy(b -> assertThat(b.getMap("data"))
                    .containsOnlyKeys("referralId", "reference", "stage", "previousStage", "on")
                    .containsEntry("referralId", referral.toString()));
            assertThat(bodies).extracting(b -> b.getString("data.stage")).containsExactlyInAnyOrder("RECEIVED", "IN_SCREENING");
            assertThat(bodies).filteredOn(b -> b.getString("data.stage").equals("IN_SCREENING"))
                    .extracting(b -> b.getString("data.previousStage")).containsExactly("RECEIVED");
            assertThat(deliveries).extracting(Received::body).noneMatch(body -> body.contains("Quartermaine"));
            // The client's delivery log: each delivered at the first attempt, with what its receiver answered.
            JsonPath log = await().atMost(WAIT).until(() -> partner(agency).get("/webhooks/subscriptions/"
                    + subscription.getString("id") + "/deliveries?status=DELIVERED").then().statusCode(200).extract()
                    .jsonPath(), l -> l.getList("items").size() == 2);
            assertThat(log.getList("items.attempts", Integer.class)).containsExactly(1, 1);
            assertThat(log.getList("items.log.statusCode")).containsExactly(List.of(204), List.of(204));
            assertThat(log.getList("items.deliveredAt")).doesNotContainNull();
            assertThat(log.getList("items.id")).containsExactlyInAnyOrderElementsOf(
                    deliveries.stream().map(Received::id).toList());

            // Fanned out in the same transaction as the own agency's: none was made for the other agency.
            assertThat(Sql.count("SELECT count(*) FROM webhook_delivery WHERE subscription_id = ?",
                    UUID.fromString(otherSubscription))).isZero();
            assertThat(other.received()).isEmpty();
        }
    }

    @Test
    void aTamperedBodyOrAnOldTimestampDoesNotVerify() {
        String agency = agency("health");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String secret = subscribe(partner(agency), receiver.url()).getString("secret");
            UUID referral = refer(agency, aReferral().build());
            Received d = await().atMost(WAIT).until(() -> about(receiver, referral), l -> !l.isEmpty()).get(0);
            long now = Instant.now().getEpochSecond();
            // This test's verifier is the convention's: it accepts the specification's published test vector.
            assertThat(WebhookReceiver.verify("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                    "1614265330", "{\"test\": 2432232314}", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", 1614265330, 300))
                    .isTrue();

            assertThat(WebhookReceiver.verify(secret, d.id(), d.timestamp(), d.body(), d.signature(), now, 300)).isTrue();
            assertThat(WebhookReceiver.verify(secret, d.id(), d.timestamp(), d.body().replace("RECEIVED", "ADOPTED"),
                    d.signature(), now, 300)).isFalse();
            assertThat(WebhookReceiver.verify(secret, d.id(), d.timestamp(), d.body(), d.signature(), now + 600, 300))
                    .as("the same message replayed ten minutes later").isFalse();
            assertThat(WebhookReceiver.verify("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[24]),
                    d.id(), d.timestamp(), d.body(), d.signature(), now, 300)).as("another secret").isFalse();
        }
    }

    @Test
    void theLeadsClientHearsOfEveryAgencysReferralsWithNoMorePersonalData() {
        String agency = agency("probation");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String lead = TestTokens.as(Roles.PREVENT_LEAD).agency("warwickshire-county-council")
                    .client("prevent-team-dashboard").username("lead").token();
            String id = subscribe(given().auth().oauth2(lead), receiver.url()).getString("id");
            UUID referral = refer(agency, aReferral().build());
            Received d = await().atMost(WAIT).until(() -> about(receiver, referral), l -> !l.isEmpty()).get(0);
            assertThat(JsonPath.from(d.body()).getMap("data"))
                    .containsOnlyKeys("referralId", "reference", "stage", "previousStage", "on");
            // Every later referral of this module's tests would go to it otherwise.
            given().auth().oauth2(lead).delete("/webhooks/subscriptions/" + id).then().statusCode(204);
        }
    }

    @Test
    void aFailingReceiverIsRetriedThenTheSubscriptionIsDisabledAndAReplayResendsWithTheSameWebhookId() {
        String agency = agency("police");
        try (WebhookReceiver receiver = WebhookReceiver.start().answering(500)) {
            RequestSpecification partner = partner(agency);
            String contact = "integrations-" + UUID.randomUUID() + "@police.example.org";
            JsonPath created = subscribe(partner, receiver.url(), contact);
            String subscription = created.getString("id");
            assertThat(created.getString("contactEmail")).isEqualTo(contact);
            assertThat(Sql.count("SELECT count(*) FROM webhook_subscription WHERE id = ? AND contact_email_enc LIKE ?",
                    UUID.fromString(subscription), "%" + contact + "%")).as("the contact is sealed at rest").isZero();
            UUID referral = refer(agency, aReferral().build());

            await().atMost(WAIT).until(() -> partner(agency).get("/webhooks/subscriptions/" + subscription)
                    .then().statusCode(200).extract().path("status"), "DISABLED"::equals);
            // Its contact is told once: which subscription, why, how to resume; nothing of the referral.
            List<MimeMessage> notices = await().atMost(WAIT).until(() -> TestInfrastructure.mail().receivedBy(contact),
                    m -> !m.isEmpty());
            String notice = text(notices.get(0));
            assertThat(notice).contains(subscription, "resume").doesNotContain(referral.toString());
            JsonPath log = partner(agency).get("/webhooks/subscriptions/" + subscription + "/deliveries")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(log.getList("items")).hasSize(1);
            assertThat(log.getString("items[0].status")).isEqualTo("FAILED");
            assertThat(log.getInt("items[0].attempts")).isEqualTo(4);
            assertThat(log.getList("items[0].log.statusCode", Integer.class)).containsExactly(500, 500, 500, 500);
            assertThat(log.getMap("items[0]")).doesNotContainKeys("payload", "body");
            List<Received> attempts = about(receiver, referral);
            assertThat(attempts).hasSize(4).extracting(Received::id).containsOnly(log.getString("items[0].id"));
            JsonPath disabled = partner(agency).get("/webhooks/subscriptions/" + subscription).then().extract().jsonPath();
            assertThat(disabled.getString("statusReason")).contains("failed");
            assertThat(disabled.getInt("failedDeliveries")).isEqualTo(1);
            assertThat(disabled.getString("secret")).as("shown once, at creation").isNull();

            // Disabled: a later event is not even queued for it.
            UUID later = refer(agency, aReferral().build());
            step(later, "start-screening").statusCode(200);
            await().atMost(WAIT).until(() -> Sql.count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL "
                    + "AND aggregateid = (SELECT pseudonym FROM referral WHERE id = ?)", later) == 0);

            receiver.answering(204);
            partner(agency).header("Idempotency-Key", UUID.randomUUID().toString())
                    .post("/webhooks/subscriptions/" + subscription + "/resume").then().statusCode(200);
            String delivery = log.getString("items[0].id");
            partner(agency).header("Idempotency-Key", UUID.randomUUID().toString())
                    .post("/webhooks/subscriptions/" + subscription + "/deliveries/" + delivery + "/replay")
                    .then().statusCode(202);
            await().atMost(WAIT).until(() -> about(receiver, referral), l -> l.size() == 5);
            Received replayed = about(receiver, referral).get(4);
            assertThat(replayed.id()).isEqualTo(delivery);
            assertThat(WebhookReceiver.verify(created.getString("secret"), replayed)).isTrue();
            await().atMost(WAIT).until(() -> partner(agency).get("/webhooks/subscriptions/" + subscription
                    + "/deliveries?status=DELIVERED").then().extract().path("totalItems"), n -> Integer.valueOf(1).equals(n));
            assertThat(about(receiver, later)).isEmpty();
            // One disabling, one notice: the retries after it and the resumed deliveries sent no other.
            assertThat(TestInfrastructure.mail().receivedBy(contact)).hasSize(1);
        }
    }

    @Test
    void creatingTwiceWithOneIdempotencyKeyMakesOneSubscription() {
        String agency = agency("retry");
        String key = UUID.randomUUID().toString();
        Map<String, Object> request = Map.of("url", "http://127.0.0.1:9/hooks", "eventTypes",
                List.of("referral.status-changed.v1"));
        String first = partner(agency).header("Idempotency-Key", key).body(request).post("/webhooks/subscriptions")
                .then().statusCode(201).extract().path("id");
        String again = partner(agency).header("Idempotency-Key", key).body(request).post("/webhooks/subscriptions")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");
        assertThat(again).isEqualTo(first);
        assertThat(Sql.count("SELECT count(*) FROM webhook_subscription WHERE owner_agency = ?", agency)).isEqualTo(1);
    }

    @Test
    void aSubscriptionIsItsOwnersAloneAndAnyOtherClientIsAnswered404() {
        String agency = agency("owner");
        String id = subscribe(partner(agency), "http://127.0.0.1:9/hooks").getString("id");
        RequestSpecification otherAgency = partner(agency("stranger"));
        RequestSpecification otherClient = given().auth().oauth2(TestTokens.as(Roles.REFERRER).agency(agency)
                .client("nhs-safeguarding-system").username("nhs").token()).contentType(ContentType.JSON);
        for (RequestSpecification stranger : List.of(otherAgency, otherClient)) {
            stranger.get("/webhooks/subscriptions/" + id).then().statusCode(404);
            stranger.get("/webhooks/subscriptions/" + id + "/deliveries").then().statusCode(404);
            stranger.delete("/webhooks/subscriptions/" + id).then().statusCode(404);
            assertThat(stranger.get("/webhooks/subscriptions").then().statusCode(200).extract().jsonPath()
                    .getList("items.id")).doesNotContain(id);
        }
        partner(agency).get("/webhooks/subscriptions/" + id).then().statusCode(200);
    }

    @Test
    void aTargetThatIsNoHttpUrlOrAnUnknownEventTypeIsA400NamingTheField() {
        RequestSpecification partner = partner(agency("bad"));
        partner.body(Map.of("url", "ftp://example.org/x", "eventTypes", List.of("referral.status-changed.v1")))
                .post("/webhooks/subscriptions").then().statusCode(400).body("violations[0].field", org.hamcrest.Matchers.is("url"));
        partner(agency("bad")).body(Map.of("url", "https://example.org/x", "eventTypes", List.of("referral.secrets.v1")))
                .post("/webhooks/subscriptions").then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.is("eventTypes[0]"));
    }

    private static String agency(String kind) {
        return "hook-" + kind + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** The agency's case system: a client-credentials client with the referrer role. */
    private static RequestSpecification partner(String agency) {
        return given().auth().oauth2(TestTokens.as(Roles.REFERRER).agency(agency).client("police-case-system")
                .username("service-account-police-case-system").token()).contentType(ContentType.JSON);
    }

    private static JsonPath subscribe(RequestSpecification as, String url) {
        return subscribe(as, Map.of("url", url, "eventTypes", List.of("referral.status-changed.v1"),
                "description", "case system"));
    }

    private static JsonPath subscribe(RequestSpecification as, String url, String contactEmail) {
        return subscribe(as, Map.of("url", url, "eventTypes", List.of("referral.status-changed.v1"),
                "description", "case system", "contactEmail", contactEmail));
    }

    private static JsonPath subscribe(RequestSpecification as, Map<String, Object> body) {
        return as.contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/webhooks/subscriptions").then().statusCode(201).extract().jsonPath();
    }

    private static String text(MimeMessage message) {
        try {
            Object content = message.getContent();
            return content instanceof String s ? s : String.valueOf(content);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** What the receiver got about one referral, in arrival order. */
    private static List<Received> about(WebhookReceiver receiver, UUID referral) {
        return receiver.received().stream().filter(r -> r.body().contains(referral.toString())).toList();
    }
}
