package org.preventhub.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.preventhub.platform.testapp.NoteEvents;
import org.preventhub.testing.Infrastructure;
import org.preventhub.testing.KafkaEvents;
import org.preventhub.testing.ReceivedEvent;
import org.preventhub.testing.Sql;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The relay as a deployment runs it (moved here from training-service, whose code it never touched): relays of the
 * application's own class, against its database and the
 * real broker. The application's relay is stopped meanwhile, so only the relays a test starts publish.
 */
@QuarkusTest
class OutboxRelayTest {

    private static final String AGGREGATE = "relay-test";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxConfig config;

    @Inject
    OutboxRelay applicationRelay;

    private final List<OutboxRelay> started = new ArrayList<>();

    @BeforeEach
    void onlyTheTestsRelaysPublish() {
        applicationRelay.stop();
    }

    @AfterEach
    void theApplicationRelayIsBack() {
        started.forEach(OutboxRelay::stop);
        applicationRelay.start();
    }

    @Test
    void theRelayWakesOnTheCommitNotOnItsPoll() {
        Duration poll = Duration.ofMinutes(2);
        relay(poll);
        // Once this has gone out, the relay has drained the outbox and sleeps until notified or the poll is due.
        String warmUp = insertEvent();
        KafkaEvents.forKey(NoteEvents.TOPIC, warmUp, 1, Duration.ofSeconds(30));
        sleep(500);

        long start = System.nanoTime();
        String probe = insertEvent();
        List<ReceivedEvent> events = KafkaEvents.forKey(NoteEvents.TOPIC, probe, 1, Duration.ofSeconds(20));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(events).hasSize(1);
        // Reading the topic takes about a second of this: the relay itself answered within milliseconds.
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(Sql.count("SELECT count(*) FROM outbox_event WHERE id = ?::uuid AND published_at IS NOT NULL", probe))
                .isEqualTo(1);
    }

    @Test
    void twoRelayInstancesNeverPublishAnEventTwice() throws Exception {
        relay(config.relay().pollInterval());
        relay(config.relay().pollInterval());

        // Events committed one by one from several writers: every commit wakes both relays at once.
        Set<String> ids = ConcurrentHashMap.newKeySet();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            done.add(writers.submit(() -> {
                for (int i = 0; i < 75; i++) {
                    ids.add(insertEvent());
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        writers.shutdown();

        List<ReceivedEvent> events = KafkaEvents.await(NoteEvents.TOPIC, e -> ids.contains(e.id()), 300,
                Duration.ofSeconds(60));
        assertThat(events).hasSize(300);
        assertThat(events).extracting(ReceivedEvent::id).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        assertThat(Sql.count("SELECT count(*) FROM outbox_event WHERE aggregatetype = ? AND published_at IS NULL", AGGREGATE))
                .isZero();
    }

    /** A second instance of the service's relay, as another replica would run it. */
    private OutboxRelay relay(Duration pollInterval) {
        OutboxRelay relay = new OutboxRelay(dataSource, withPollInterval(pollInterval), new SimpleMeterRegistry(),
                Infrastructure.kafkaBootstrapServers());
        relay.start();
        started.add(relay);
        return relay;
    }

    /** Commits one event straight into the outbox, as any writing transaction would; returns its id. */
    private static String insertEvent() {
        String id = UUID.randomUUID().toString();
        Sql.update("""
                INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload, occurred_at)
                VALUES (?::uuid, ?, ?, 'test.relay.probe.v1', '{}'::json, now())""", id, AGGREGATE, id);
        return id;
    }

    private OutboxConfig withPollInterval(Duration pollInterval) {
        OutboxConfig.Relay relay = config.relay();
        OutboxConfig.Relay changed = new OutboxConfig.Relay() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public int batchSize() {
                return relay.batchSize();
            }

            @Override
            public Duration gather() {
                return relay.gather();
            }

            @Override
            public Duration pollInterval() {
                return pollInterval;
            }

            @Override
            public Duration retryBackoff() {
                return relay.retryBackoff();
            }

            @Override
            public Duration keepPublished() {
                return relay.keepPublished();
            }

            @Override
            public Map<String, String> producer() {
                return relay.producer();
            }

            @Override
            public Optional<String> bootstrapServers() {
                return relay.bootstrapServers();
            }
        };
        return new OutboxConfig() {
            @Override
            public String topic() {
                return config.topic();
            }

            @Override
            public String source() {
                return config.source();
            }

            @Override
            public Relay relay() {
                return changed;
            }
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
