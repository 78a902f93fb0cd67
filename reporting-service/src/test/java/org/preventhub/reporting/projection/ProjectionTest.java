package org.preventhub.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.reporting.support.ReportingApi.as;
import static org.preventhub.reporting.support.ReportingApi.awaitValues;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.preventhub.contracts.DeliveryMode;
import org.preventhub.contracts.Priority;
import org.preventhub.contracts.Sector;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.training.SessionDelivered;
import org.preventhub.contracts.training.SessionSnapshot;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.platform.security.Roles;
import org.preventhub.reporting.support.Fixture;
import org.preventhub.testing.CloudEventProducer;
import org.preventhub.testing.KafkaEvents;
import org.preventhub.testing.ReceivedEvent;
import org.preventhub.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProjectionTest {

    @Inject
    ProjectionConsumer consumer;

    private static int sessionsIn(int year, String role) {
        return as(role).get("/indicators/training.sessions-delivered/values?year=" + year).then().statusCode(200)
                .extract().path("figure.value");
    }

    @Test
    void theSameEventDeliveredTwiceCountsOnce() {
        UUID id = UUID.randomUUID();
        SessionSnapshot session = new SessionSnapshot(id, UUID.randomUUID(), "TWICE", Priority.AWARENESS_LEARNING,
                Fixture.noon(LocalDate.of(2036, 10, 1)), Fixture.noon(LocalDate.of(2036, 10, 1)), DeliveryMode.IN_PERSON,
                "warwick", 20, "OPEN", null, Sector.HEALTH, "DELIVERED");
        String eventId = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.SESSION_DELIVERED, id.toString(),
                    new SessionDelivered(session, Fixture.noon(LocalDate.of(2036, 10, 1)), 10, 9, 1, 0), eventId,
                    Fixture.noon(LocalDate.of(2036, 10, 1)));
        }
        Fixture.deliveredSession("TWICE", LocalDate.of(2036, 11, 1), DeliveryMode.ONLINE, "warwick", 1, 0);
        awaitValues(Roles.ANALYST, "training.people-trained", "year=2036", v -> assertThat(v.getInt("figure.value")).isEqualTo(1));
        assertThat(sessionsIn(2036, Roles.ANALYST)).isEqualTo(2);
        assertThat(Sql.count("SELECT count(*) FROM projection_a.processed_event WHERE id = ?", eventId)
                + Sql.count("SELECT count(*) FROM projection_b.processed_event WHERE id = ?", eventId)).isEqualTo(1);
    }

    @Test
    void eventsRedeliveredAfterTheDatabaseCommitButBeforeTheOffsetCommitNeverCountTwice() throws Exception {
        for (int i = 0; i < 3; i++) {
            Fixture.deliveredSession("REDELIVERY", LocalDate.of(2037, 10, 1 + i), DeliveryMode.ONLINE, "rugby", 2, 0);
        }
        awaitValues(Roles.ANALYST, "training.sessions-delivered", "year=2037", v -> assertThat(v.getInt("figure.value")).isEqualTo(3));

        // As after a crash with the offsets not committed: everything is read again from the start.
        consumer.rewind().get();
        Fixture.deliveredSession("REDELIVERY", LocalDate.of(2037, 11, 1), DeliveryMode.ONLINE, "rugby", 2, 0);
        awaitValues(Roles.ANALYST, "training.sessions-delivered", "year=2037", v -> assertThat(v.getInt("figure.value")).isEqualTo(4));
        awaitValues(Roles.ANALYST, "training.people-trained", "year=2037", v -> assertThat(v.getInt("figure.value")).isEqualTo(8));
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicWithItsReasonAndConsumptionGoesOn() {
        String key = "poison-" + UUID.randomUUID();
        CloudEventProducer.send(Topics.TRAINING, key, "{not json", Map.of("ce_id", UUID.randomUUID().toString(),
                "ce_type", TrainingEventTypes.SESSION_DELIVERED, "ce_time", "2038-10-01T10:00:00Z"));
        CloudEventProducer.send(Topics.TRAINING, key, "{\"session\": {\"sessionId\": \"not-a-uuid\"}}",
                Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", TrainingEventTypes.SESSION_DELIVERED,
                        "ce_time", "2038-10-01T10:00:00Z"));
        CloudEventProducer.send(Topics.TRAINING, key, "{}", Map.of("no", "cloud event"));
        Fixture.deliveredSession("AFTER-POISON", LocalDate.of(2038, 10, 2), DeliveryMode.ONLINE, "rugby", 2, 0);

        List<ReceivedEvent> dead = KafkaEvents.await("reporting.dead-letter", e -> key.equals(e.key()), 3, Duration.ofSeconds(30));
        assertThat(dead).extracting(e -> e.headers().get("dlq_reason")).allSatisfy(reason -> assertThat(reason).isNotBlank());
        assertThat(dead.get(0).headers()).containsEntry("dlq_topic", Topics.TRAINING).containsKey("dlq_offset");
        awaitValues(Roles.ANALYST, "training.sessions-delivered", "year=2038", v -> assertThat(v.getInt("figure.value")).isEqualTo(1));
    }

    @Test
    void aRebuildGivesExactlyTheSameFiguresWhileTheOldOnesKeepAnswering() {
        for (int i = 0; i < 5; i++) {
            Fixture.deliveredSession("REBUILD", LocalDate.of(2039, 10, 1 + i), DeliveryMode.IN_PERSON, "warwick", 3, 1);
            Fixture.referral(LocalDate.of(2039, 10, 1 + i), "rebuild-area", List.of("OTHER"), "31-40", null);
        }
        awaitValues(Roles.PREVENT_LEAD, "referrals.received", "year=2039", v -> assertThat(v.getInt("figure.value")).isEqualTo(5));
        awaitValues(Roles.ANALYST, "training.people-trained", "year=2039", v -> assertThat(v.getInt("figure.value")).isEqualTo(15));
        String before = as(Roles.PREVENT_LEAD).get("/reports/annual?year=2039").then().statusCode(200).extract().jsonPath()
                .getList("sections.indicators.figure").toString();
        String activeBefore = as(Roles.PREVENT_LEAD).get("/projections/rebuild").then().extract().path("activeSchema");

        as(Roles.ANALYST).post("/projections/rebuild").then().statusCode(403);
        as(Roles.PREVENT_LEAD).post("/projections/rebuild").then().statusCode(202);
        // Still answering during the rebuild.
        assertThat(sessionsIn(2039, Roles.ANALYST)).isEqualTo(5);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                as(Roles.PREVENT_LEAD).get("/projections/rebuild").then().body("status", org.hamcrest.Matchers.equalTo("DONE")));
        String activeAfter = as(Roles.PREVENT_LEAD).get("/projections/rebuild").then().extract().path("activeSchema");
        assertThat(activeAfter).isNotEqualTo(activeBefore);

        String after = as(Roles.PREVENT_LEAD).get("/reports/annual?year=2039").then().statusCode(200).extract().jsonPath()
                .getList("sections.indicators.figure").toString();
        assertThat(after).isEqualTo(before);
        // And live events keep flowing into the rebuilt projection.
        Fixture.deliveredSession("REBUILD", LocalDate.of(2039, 12, 1), DeliveryMode.IN_PERSON, "warwick", 1, 0);
        awaitValues(Roles.ANALYST, "training.sessions-delivered", "year=2039", v -> assertThat(v.getInt("figure.value")).isEqualTo(6));
    }
}
