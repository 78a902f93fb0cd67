package org.preventhub.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
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

    /**
     * The worst moment to lose an instance: Kafka has acknowledged its whole batch and the mark has not committed. The
     * instance stops there for good (as under kill -9) and its database session is ended, which is what PostgreSQL
     * does when a client's socket closes: the transaction rolls back and the advisory lock is free. There is no
     * standing leader to fail over: the surviving relay takes the lock at its next attempt and sends the batch again.
     * So the batch reaches Kafka twice (at least once, never lost), each copy in order per aggregate, and a consumer
     * that skips event ids it has seen, as reporting does, sees every event once and in order.
     */
    @Test
    void aRelayKilledAfterKafkaAcknowledgedItsBatchLeavesItToTheOtherInstanceAndNoEventIsLost() throws Exception {
        String run = UUID.randomUUID().toString();
        Map<String, List<String>> byAggregate = new LinkedHashMap<>();
        for (int i = 0; i < 60; i++) {
            String aggregate = run + "-" + (i % 4);
            byAggregate.computeIfAbsent(aggregate, a -> new ArrayList<>()).add(insertEvent(aggregate));
        }
        CountDownLatch acknowledged = new CountDownLatch(60);
        CountDownLatch never = new CountDownLatch(1);
        OutboxRelay doomed = new OutboxRelay(dataSource, config, new SimpleMeterRegistry(),
                Infrastructure.kafkaBootstrapServers(), props -> freezingAfterAcknowledgement(
                        new KafkaProducer<>(props), run, acknowledged, never));
        doomed.start();
        started.add(doomed);
        assertThat(acknowledged.await(60, TimeUnit.SECONDS)).isTrue();

        OutboxRelay survivor = relay(Duration.ofMillis(500));
        sleep(1_000);
        // The doomed relay still holds its batch: nothing is marked, the survivor could not take the lock.
        assertThat(Sql.count("SELECT count(*) FROM outbox_event WHERE aggregateid LIKE ? AND published_at IS NULL",
                run + "%")).isEqualTo(60);
        assertThat(Sql.count("""
                SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_locks
                WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()) AS ended""")).isEqualTo(1);

        List<ReceivedEvent> events = KafkaEvents.await(NoteEvents.TOPIC, e -> e.key() != null && e.key().startsWith(run),
                120, Duration.ofSeconds(60));
        assertThat(survivor.isRunning()).isTrue();
        assertThat(events).hasSize(120);
        for (Map.Entry<String, List<String>> aggregate : byAggregate.entrySet()) {
            List<String> sent = events.stream().filter(e -> e.key().equals(aggregate.getKey())).map(ReceivedEvent::id).toList();
            List<String> inOrder = new ArrayList<>(aggregate.getValue());
            inOrder.addAll(aggregate.getValue());
            assertThat(sent).as("each copy of the batch in the aggregate's order").isEqualTo(inOrder);
            assertThat(sent.stream().distinct().toList()).as("first arrivals").isEqualTo(aggregate.getValue());
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Sql.count(
                "SELECT count(*) FROM outbox_event WHERE aggregateid LIKE ? AND published_at IS NULL", run + "%") == 0);
    }

    /**
     * A real producer whose acknowledgements the relay awaits as usual, until the last one of this run's events:
     * awaiting that,
     * its thread stops for good (until the test stops it), as if the process had been killed there.
     */
    @SuppressWarnings("unchecked")
    private static Producer<String, String> freezingAfterAcknowledgement(Producer<String, String> real, String run,
            CountDownLatch acknowledged, CountDownLatch never) {
        return (Producer<String, String>) Proxy.newProxyInstance(OutboxRelayTest.class.getClassLoader(),
                new Class<?>[] { Producer.class }, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (!method.getName().equals("send") || args.length != 1
                            || !((ProducerRecord<String, String>) args[0]).key().startsWith(run)) {
                        return result;
                    }
                    Future<RecordMetadata> ack = (Future<RecordMetadata>) result;
                    return new Future<RecordMetadata>() {
                        @Override
                        public RecordMetadata get(long timeout, TimeUnit unit) throws InterruptedException,
                                ExecutionException, java.util.concurrent.TimeoutException {
                            RecordMetadata metadata = ack.get(timeout, unit);
                            acknowledged.countDown();
                            if (acknowledged.getCount() == 0) {
                                never.await();
                            }
                            return metadata;
                        }

                        @Override
                        public RecordMetadata get() throws InterruptedException, ExecutionException {
                            return ack.get();
                        }

                        @Override
                        public boolean isDone() {
                            return ack.isDone();
                        }

                        @Override
                        public boolean isCancelled() {
                            return ack.isCancelled();
                        }

                        @Override
                        public boolean cancel(boolean interrupt) {
                            return ack.cancel(interrupt);
                        }
                    };
                });
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
        insertEvent(id, id);
        return id;
    }

    private static String insertEvent(String aggregateId) {
        String id = UUID.randomUUID().toString();
        insertEvent(id, aggregateId);
        return id;
    }

    private static void insertEvent(String id, String aggregateId) {
        Sql.update("""
                INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload, occurred_at)
                VALUES (?::uuid, ?, ?, 'test.relay.probe.v1', '{}'::json, now())""", id, AGGREGATE, aggregateId);
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
