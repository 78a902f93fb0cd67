package org.preventhub.training.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.preventhub.training.support.SessionBuilder.aSession;
import static org.preventhub.training.support.TrainingApi.asTrainer;
import static org.preventhub.training.support.TrainingApi.createCourse;
import static org.preventhub.training.support.TrainingApi.scheduleSession;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.testing.KafkaEvents;
import org.preventhub.testing.ReceivedEvent;
import org.preventhub.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SessionLifecycleTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void scheduledSessionIsStoredAndPublishedAsCloudEvent() {
        UUID courseId = createCourse();
        OffsetDateTime start = OffsetDateTime.of(2030, 3, 4, 9, 30, 0, 0, ZoneOffset.UTC);

        String location = asTrainer().body(aSession(courseId).startingAt(start).area("rugby").capacity(30).build())
                .post("/sessions")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("status", equalTo("SCHEDULED"))
                .body("capacity", equalTo(30))
                .extract().header("Location");
        UUID sessionId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

        List<Map<String, Object>> rows = Sql.rows("SELECT area, capacity, status FROM training_session WHERE id = ?", sessionId);
        assertThat(rows).containsExactly(Map.of("area", "rugby", "capacity", 30, "status", "SCHEDULED"));

        ReceivedEvent event = KafkaEvents.forKey(Topics.TRAINING, sessionId.toString(), 1, WAIT).get(0);
        assertThat(event.type()).isEqualTo(TrainingEventTypes.SESSION_SCHEDULED);
        assertThat(event.source()).isEqualTo("/prevent-hub/training-service");
        assertThat(event.subject()).isEqualTo("session/" + sessionId);
        assertThat(event.headers()).containsEntry("ce_specversion", "1.0").containsEntry("content-type", "application/json");
        assertThat(event.id()).isNotBlank();
        var session = event.data().get("session");
        assertThat(session.get("sessionId").asText()).isEqualTo(sessionId.toString());
        assertThat(session.get("courseId").asText()).isEqualTo(courseId.toString());
        assertThat(session.get("area").asText()).isEqualTo("rugby");
        assertThat(session.get("mode").asText()).isEqualTo("IN_PERSON");
        assertThat(session.get("capacity").asInt()).isEqualTo(30);
        assertThat(session.get("startsAt").asText()).isEqualTo("2030-03-04T09:30:00Z");
        assertThat(session.get("priority").asText()).isEqualTo("AWARENESS_LEARNING");
        // The trainer's name, the venue and the link stay in the service.
        assertThat(session.has("trainer")).isFalse();
        assertThat(session.has("venue")).isFalse();
        assertThat(event.data().toString()).doesNotContain("Prevent Officer", "Shire Hall");
    }

    @Test
    void everyChangeIsPublishedInOrderForItsSession() {
        UUID sessionId = scheduleSession(aSession(createCourse()).build());
        var original = asTrainer().get("/sessions/" + sessionId).then().statusCode(200).extract();
        String etag = original.header("ETag");

        OffsetDateTime later = OffsetDateTime.now(ZoneOffset.UTC).plusMonths(2).withNano(0);
        String rescheduledEtag = asTrainer().header("If-Match", etag)
                .body(aSession(null).startingAt(later).build())
                .put("/sessions/" + sessionId)
                .then().statusCode(200)
                .body("startsAt", equalTo(later.toInstant().toString()))
                .extract().header("ETag");
        assertThat(rescheduledEtag).isNotEqualTo(etag);

        asTrainer().body(aSession(null).startingAt(later).capacity(40).build())
                .put("/sessions/" + sessionId)
                .then().statusCode(200).body("capacity", equalTo(40));

        asTrainer().body(Map.of("reason", "Venue flooded"))
                .post("/sessions/" + sessionId + "/cancellation")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));

        List<ReceivedEvent> events = KafkaEvents.forKey(Topics.TRAINING, sessionId.toString(), 4, WAIT);
        assertThat(events).extracting(ReceivedEvent::type).containsExactly(
                TrainingEventTypes.SESSION_SCHEDULED,
                TrainingEventTypes.SESSION_RESCHEDULED,
                TrainingEventTypes.SESSION_UPDATED,
                TrainingEventTypes.SESSION_CANCELLED);
        assertThat(events.get(1).data().get("previousStartsAt").asText()).isNotEqualTo(later.toInstant().toString());
        assertThat(events.get(2).data().get("session").get("capacity").asInt()).isEqualTo(40);
        assertThat(events.get(3).data().toString()).doesNotContain("flooded");
    }

    @Test
    void aChangeThatAltersNothingPublishesNothing() {
        var request = aSession(createCourse()).build();
        UUID sessionId = scheduleSession(request);

        asTrainer().body(request).put("/sessions/" + sessionId).then().statusCode(200);
        asTrainer().body(aSession(null).trainer("Another trainer").build()).put("/sessions/" + sessionId)
                .then().statusCode(200).body("trainer", equalTo("Another trainer"));

        assertThat(KafkaEvents.forKey(Topics.TRAINING, sessionId.toString(), 1, WAIT))
                .extracting(ReceivedEvent::type).containsExactly(TrainingEventTypes.SESSION_SCHEDULED);
    }

    @Test
    void refusesAChangeBasedOnAStaleVersion() {
        UUID sessionId = scheduleSession(aSession(createCourse()).build());
        String etag = asTrainer().get("/sessions/" + sessionId).then().extract().header("ETag");
        asTrainer().body(aSession(null).capacity(26).build()).put("/sessions/" + sessionId).then().statusCode(200);

        asTrainer().header("If-Match", etag).body(aSession(null).capacity(99).build())
                .put("/sessions/" + sessionId)
                .then().statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:prevent-hub:problem:precondition-failed"));

        assertThat(Sql.count("SELECT capacity FROM training_session WHERE id = ?", sessionId)).isEqualTo(26);
    }

    @Test
    void cancelledSessionCanNeitherChangeNorBeCancelledAgain() {
        UUID sessionId = scheduleSession(aSession(createCourse()).build());
        asTrainer().body(Map.of("reason", "Trainer ill")).post("/sessions/" + sessionId + "/cancellation")
                .then().statusCode(200);

        asTrainer().body(aSession(null).capacity(10).build()).put("/sessions/" + sessionId)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:prevent-hub:problem:session-cancelled"))
                .body("status", equalTo(409));
        asTrainer().body(Map.of("reason", "again")).post("/sessions/" + sessionId + "/cancellation")
                .then().statusCode(409);

        assertThat(Sql.rows("SELECT capacity, cancellation_reason FROM training_session WHERE id = ?", sessionId))
                .containsExactly(Map.of("capacity", 25, "cancellation_reason", "Trainer ill"));
    }
}
