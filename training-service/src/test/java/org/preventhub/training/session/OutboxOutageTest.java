package org.preventhub.training.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.training.support.SessionBuilder.aSession;
import static org.preventhub.training.support.TrainingApi.asTrainer;
import static org.preventhub.training.support.TrainingApi.createCourse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.testing.Infrastructure;
import org.preventhub.testing.KafkaEvents;
import org.preventhub.testing.ReceivedEvent;
import org.preventhub.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OutboxOutageTest {

    @AfterEach
    void kafkaIsBack() {
        Infrastructure.startKafka();
    }

    @Test
    void eventsWrittenWhileKafkaIsDownArriveOnceAndInOrderWhenItReturns() {
        UUID courseId = createCourse();
        Infrastructure.stopKafka();

        List<UUID> sessions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = asTrainer().body(aSession(courseId).build()).post("/sessions")
                    .then().statusCode(201).extract().path("id");
            sessions.add(UUID.fromString(id));
        }
        for (UUID session : sessions) {
            asTrainer().body(aSession(null).capacity(12).build()).put("/sessions/" + session).then().statusCode(200);
            asTrainer().body(Map.of("reason", "moved online")).post("/sessions/" + session + "/cancellation")
                    .then().statusCode(200);
        }
        assertThat(Sql.count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND aggregateid = ANY(?)",
                (Object) sessions.stream().map(UUID::toString).toArray(String[]::new))).isEqualTo(15);

        Infrastructure.startKafka();

        Set<String> keys = sessions.stream().map(UUID::toString).collect(Collectors.toSet());
        List<ReceivedEvent> events = KafkaEvents.await(Topics.TRAINING, e -> keys.contains(e.key()), 15,
                Duration.ofSeconds(60));
        assertThat(events).hasSize(15);
        assertThat(events).extracting(ReceivedEvent::id).doesNotHaveDuplicates();
        for (UUID session : sessions) {
            assertThat(events.stream().filter(e -> e.key().equals(session.toString())).map(ReceivedEvent::type))
                    .containsExactly(TrainingEventTypes.SESSION_SCHEDULED, TrainingEventTypes.SESSION_UPDATED,
                            TrainingEventTypes.SESSION_CANCELLED);
        }
        assertThat(Sql.count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND aggregateid = ANY(?)",
                (Object) sessions.stream().map(UUID::toString).toArray(String[]::new))).isZero();
    }
}
