package org.preventhub.training.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.preventhub.training.support.AttendeeBuilder.anAttendee;
import static org.preventhub.training.support.SessionBuilder.aSession;
import static org.preventhub.training.support.TrainingApi.asTrainer;
import static org.preventhub.training.support.TrainingApi.book;
import static org.preventhub.training.support.TrainingApi.createCourse;
import static org.preventhub.training.support.TrainingApi.scheduleSession;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.TestTokens;
import org.preventhub.testing.WebhookReceiver;
import org.preventhub.testing.WebhookReceiver.Received;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** The booking website hears of open sessions' changes and places left by signed webhook, on a real receiver. */
@QuarkusTest
class TrainingWebhooksTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void theBookingWebsiteHearsOfAnOpenSessionsScheduleRescheduleCancellationAndPlacesLeftAndNothingOfBespokeOnes() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            JsonPath subscription = website().header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("url", receiver.url(), "eventTypes",
                            List.of("training.session.changed.v1", "training.session.places-changed.v1")))
                    .post("/webhooks/subscriptions").then().statusCode(201).extract().jsonPath();
            String secret = subscription.getString("secret");
            try {
                UUID course = createCourse();
                UUID session = scheduleSession(aSession(course).capacity(2).build());
                JsonPath scheduled = awaitMessage(receiver, session, b -> "SCHEDULED".equals(b.getString("data.change")));
                assertThat(scheduled.getString("type")).isEqualTo("training.session.changed.v1");
                assertThat(scheduled.getInt("data.placesLeft")).isEqualTo(2);

                book(session, anAttendee().name("Ottoline Featherstonehaugh").build());
                JsonPath places = awaitMessage(receiver, session, b -> "training.session.places-changed.v1".equals(b.getString("type")));
                assertThat(places.getMap("data")).containsOnlyKeys("sessionId", "capacity", "placesLeft");
                assertThat(places.getInt("data.placesLeft")).isEqualTo(1);

                OffsetDateTime later = OffsetDateTime.now().plusDays(40).withNano(0);
                asTrainer().body(aSession(course).capacity(2).startingAt(later).build()).put("/sessions/" + session)
                        .then().statusCode(200);
                awaitMessage(receiver, session, b -> "RESCHEDULED".equals(b.getString("data.change")));
                asTrainer().header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(Map.of("reason", "Trainer unwell")).post("/sessions/" + session + "/cancellation")
                        .then().statusCode(200);
                JsonPath cancelled = awaitMessage(receiver, session, b -> "CANCELLED".equals(b.getString("data.change")));
                assertThat(cancelled.getString("data.status")).isEqualTo("CANCELLED");

                List<Received> all = about(receiver, session);
                assertThat(all).allSatisfy(d -> assertThat(WebhookReceiver.verify(secret, d)).isTrue());
                assertThat(all).extracting(Received::body)
                        .noneMatch(b -> b.contains("Featherstonehaugh") || b.contains("Trainer unwell"));

                UUID bespoke = scheduleSession(aSession(course).bespokeFor("Rugby Borough Council").build());
                UUID open = scheduleSession(aSession(course).build());
                awaitMessage(receiver, open, b -> "SCHEDULED".equals(b.getString("data.change")));
                assertThat(about(receiver, bespoke)).as("bespoke sessions are not the website's").isEmpty();
            } finally {
                website().delete("/webhooks/subscriptions/" + subscription.getString("id")).then().statusCode(204);
            }
        }
    }

    @Test
    void onlyTheBookingRoleSubscribesHere() {
        given().auth().oauth2(TestTokens.as(Roles.TRAINER).agency("warwickshire-county-council").token())
                .get("/webhooks/event-types").then().statusCode(403);
        website().get("/webhooks/event-types").then().statusCode(200);
    }

    private static RequestSpecification website() {
        return given().auth().oauth2(TestTokens.as(Roles.BOOKING).agency("warwickshire-county-council")
                .client("booking-website").username("service-account-booking-website").token()).contentType(ContentType.JSON);
    }

    private static JsonPath awaitMessage(WebhookReceiver receiver, UUID session, Predicate<JsonPath> which) {
        return await().atMost(WAIT).until(() -> about(receiver, session).stream().map(d -> JsonPath.from(d.body()))
                .filter(which).findFirst(), java.util.Optional::isPresent).get();
    }

    private static List<Received> about(WebhookReceiver receiver, UUID session) {
        return receiver.received().stream().filter(r -> r.body().contains(session.toString())).toList();
    }
}
