package org.preventhub.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.preventhub.testing.Sql;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * When Kafka refuses one event, no later event of the same aggregate may go out before it: the way a broker outage
 * ends in the middle of a batch. Kafka's producer refuses by the future it returns (its send does not throw), either
 * at once (the topic's metadata did not arrive within max.block.ms) or later (the record expired in its buffer); a
 * stand-in producer refuses chosen events in those two ways, against the application's real outbox table.
 */
@QuarkusTest
class OutboxRelayOrderTest {

    private static final String AGGREGATE = "relay-order-test";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxConfig config;

    @Inject
    OutboxRelay applicationRelay;

    /** This test's aggregates: "a" here is the same aggregate for each of its events, and no other test's. */
    private final String run = UUID.randomUUID().toString();

    /** The producers the relay under test is given, one per (re)start of its producer. */
    private final Deque<RefusingProducer> producers = new ArrayDeque<>();

    @BeforeEach
    void onlyThisTestsEventsAreInTheOutbox() {
        // The stand-in producers reach no broker: earlier tests' events must be out before they take over.
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> Sql.count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0);
        applicationRelay.stop();
    }

    @AfterEach
    void theApplicationRelayIsBack() {
        applicationRelay.start();
    }

    @Test
    void anEventRefusedAtOnceHoldsBackEverythingBehindItUntilItIsAcknowledged() throws Exception {
        String a1 = insertEvent("a");
        String b1 = insertEvent("b");
        String a2 = insertEvent("a");
        RefusingProducer refusing = RefusingProducer.refusingAtOnce(a1);
        RefusingProducer accepting = RefusingProducer.refusingAtOnce();
        producers.add(refusing);
        producers.add(accepting);
        OutboxRelay relay = relay();

        assertThatThrownBy(relay::publishBatch).isInstanceOf(OutboxRelay.KafkaUnavailable.class);
        assertThat(refusing.history()).extracting(OutboxRelayOrderTest::eventId).as("sent behind the refused event")
                .isEmpty();
        assertThat(unpublished()).containsExactlyInAnyOrder(a1, b1, a2);

        assertThat(relay.publishBatch()).isEqualTo(3);
        assertThat(accepting.history()).extracting(OutboxRelayOrderTest::eventId).containsExactly(a1, b1, a2);
        assertThat(unpublished()).isEmpty();
    }

    @Test
    void anEventAcknowledgedBehindARefusedOneOfItsAggregateStaysInTheOutboxAndGoesAgainAfterIt() throws Exception {
        String a1 = insertEvent("a");
        String b1 = insertEvent("b");
        String a2 = insertEvent("a");
        RefusingProducer refusing = RefusingProducer.refusingLater(a1);
        RefusingProducer accepting = RefusingProducer.refusingAtOnce();
        producers.add(refusing);
        producers.add(accepting);
        OutboxRelay relay = relay();

        assertThatThrownBy(relay::publishBatch).isInstanceOf(OutboxRelay.KafkaUnavailable.class);
        assertThat(refusing.closed()).as("what the failed producer still buffered is discarded").isTrue();
        assertThat(unpublished()).as("b1 went out; a2 must not count as published ahead of a1")
                .containsExactlyInAnyOrder(a1, a2);

        assertThat(relay.publishBatch()).isEqualTo(2);
        assertThat(accepting.history()).extracting(OutboxRelayOrderTest::eventId).containsExactly(a1, a2);
        assertThat(unpublished()).isEmpty();
    }

    private OutboxRelay relay() {
        return new OutboxRelay(dataSource, config, new SimpleMeterRegistry(), "localhost:1",
                properties -> producers.removeFirst());
    }

    private static String eventId(ProducerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_id").value());
    }

    private static List<String> unpublished() {
        return Sql.rows("SELECT id::text AS id FROM outbox_event WHERE aggregatetype = ? AND published_at IS NULL",
                AGGREGATE).stream().map(row -> (String) row.get("id")).toList();
    }

    /** Commits one event straight into the outbox, as any writing transaction would; returns its id. */
    private String insertEvent(String aggregate) {
        String id = UUID.randomUUID().toString();
        Sql.update("""
                INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload, occurred_at)
                VALUES (?::uuid, ?, ?, 'test.relay.order.v1', '{}'::json, now())""", id, AGGREGATE,
                run + "-" + aggregate);
        return id;
    }

    /** Acknowledges every event at once except the chosen ones, which it refuses as Kafka's producer does. */
    private static final class RefusingProducer extends MockProducer<String, String> {

        private final Set<String> refused;
        private final boolean atOnce;

        private RefusingProducer(Set<String> refused, boolean atOnce) {
            super(true, null, new StringSerializer(), new StringSerializer());
            this.refused = refused;
            this.atOnce = atOnce;
        }

        static RefusingProducer refusingAtOnce(String... eventIds) {
            return new RefusingProducer(Set.of(eventIds), true);
        }

        static RefusingProducer refusingLater(String... eventIds) {
            return new RefusingProducer(Set.of(eventIds), false);
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record) {
            if (!refused.contains(eventId(record))) {
                return super.send(record);
            }
            TimeoutException refusal = new TimeoutException("Expiring record: delivery timeout elapsed");
            if (atOnce) {
                return CompletableFuture.failedFuture(refusal);
            }
            // Still in the producer's buffer when the rows behind it are sent and acknowledged.
            return CompletableFuture.supplyAsync(() -> {
                throw refusal;
            }, CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));
        }
    }
}
