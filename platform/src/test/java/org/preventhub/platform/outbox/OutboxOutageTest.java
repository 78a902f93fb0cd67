package org.preventhub.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.platform.testapp.NotesApi.asTrainer;
import static org.preventhub.platform.testapp.NotesApi.note;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.preventhub.platform.testapp.NoteEvents;
import org.preventhub.testing.Infrastructure;
import org.preventhub.testing.KafkaEvents;
import org.preventhub.testing.ReceivedEvent;
import org.preventhub.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The relay through a Kafka outage, as training-service's OutboxOutageTest shows it for sessions: nothing is lost,
 * nothing sent twice, and each aggregate's events arrive in the order they were written.
 */
@QuarkusTest
class OutboxOutageTest {

    @AfterEach
    void kafkaIsBack() {
        Infrastructure.startKafka();
    }

    @Test
    void eventsWrittenWhileKafkaIsDownArriveOnceAndInOrderWhenItReturns() {
        Infrastructure.stopKafka();

        List<UUID> notes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = asTrainer().body(note("note " + i)).post("/notes").then().statusCode(201).extract().path("id");
            notes.add(UUID.fromString(id));
        }
        for (UUID note : notes) {
            asTrainer().body(note("changed")).put("/notes/" + note).then().statusCode(200);
            asTrainer().delete("/notes/" + note).then().statusCode(204);
        }
        assertThat(Sql.count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND aggregateid = ANY(?)",
                (Object) notes.stream().map(UUID::toString).toArray(String[]::new))).isEqualTo(15);

        Infrastructure.startKafka();

        Set<String> keys = notes.stream().map(UUID::toString).collect(Collectors.toSet());
        List<ReceivedEvent> events = KafkaEvents.await(NoteEvents.TOPIC, e -> keys.contains(e.key()), 15,
                Duration.ofSeconds(60));
        assertThat(events).hasSize(15);
        assertThat(events).extracting(ReceivedEvent::id).doesNotHaveDuplicates();
        for (UUID note : notes) {
            assertThat(events.stream().filter(e -> e.key().equals(note.toString())).map(ReceivedEvent::type))
                    .containsExactly(NoteEvents.WRITTEN, NoteEvents.CHANGED, NoteEvents.REMOVED);
        }
        assertThat(Sql.count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND aggregateid = ANY(?)",
                (Object) notes.stream().map(UUID::toString).toArray(String[]::new))).isZero();
    }
}
