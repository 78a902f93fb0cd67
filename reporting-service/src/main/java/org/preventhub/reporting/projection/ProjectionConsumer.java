package org.preventhub.reporting.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.preventhub.reporting.config.ReportingConfig;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps the active projection current: polls the three topics, projects each batch in one transaction (event ids
 * and dead letters recorded with the effects), and only then commits the offsets. A crash between the database
 * commit and the offset commit redelivers events that are then recognised and skipped. When the database is
 * unavailable the batch is read again and retried with a growing pause, offsets uncommitted: an outage delays
 * the projections and loses nothing; only an event the database refuses on its own merits is dead-lettered.
 */
@ApplicationScoped
public class ProjectionConsumer {

    private static final Logger LOG = Logger.getLogger(ProjectionConsumer.class);
    private static final long FIRST_PAUSE_MS = 100;
    private static final long LONGEST_PAUSE_MS = 5_000;
    /**
     * What one transaction projects at most, in characters of event JSON: one part of a feed import carries 500
     * records, so a poll's worth of them (2,000 events) would be a million facts held in memory at once.
     */
    private static final long MAX_BATCH_CHARACTERS = 4_000_000;

    private final AgroalDataSource dataSource;
    private final Projector projector;
    private final Generations generations;
    private final DeadLetters deadLetters;
    private final OffsetCommit offsets;
    private final ProjectionSpans spans;
    private final ReportingConfig config;
    private final String bootstrapServers;
    private final Timer lag;
    private final Counter duplicates;
    private final Counter retries;
    private final ConcurrentLinkedQueue<Consumer<KafkaConsumer<String, String>>> betweenBatches = new ConcurrentLinkedQueue<>();

    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread worker;

    public ProjectionConsumer(AgroalDataSource dataSource, Projector projector, Generations generations,
            DeadLetters deadLetters, OffsetCommit offsets, ProjectionSpans spans, ReportingConfig config,
            MeterRegistry registry, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dataSource = dataSource;
        this.projector = projector;
        this.generations = generations;
        this.deadLetters = deadLetters;
        this.offsets = offsets;
        this.spans = spans;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.lag = Timer.builder("reporting.event.lag")
                .description("From an event's time to its effect on the indicators")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.duplicates = Counter.builder("reporting.events.duplicates")
                .description("Events delivered again and skipped, as already projected").register(registry);
        this.retries = Counter.builder("reporting.batches.retried")
                .description("Batches read again because the database was unavailable").register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (config.consumerEnabled()) {
            restart();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        halt();
    }

    /** Starts consuming (again) from the committed offsets. */
    public synchronized void restart() {
        halt();
        running = true;
        worker = new Thread(this::run, "projection-consumer");
        worker.setDaemon(true);
        worker.start();
    }

    private synchronized void halt() {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (worker != null) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    /** Runs work on the consumer's thread between two batches (the rebuild's final catch-up and swap). */
    public CompletableFuture<Void> betweenBatches(Consumer<KafkaConsumer<String, String>> work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        betweenBatches.add(kafka -> {
            try {
                work.accept(kafka);
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** Goes back to the start of every topic, as after a crash before offsets were committed. */
    public CompletableFuture<Void> rewind() {
        return betweenBatches(kafka -> kafka.seekToBeginning(kafka.assignment()));
    }

    private void run() {
        long pause = FIRST_PAUSE_MS;
        while (running) {
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(properties(config.consumerGroup()))) {
                consumer = kafka;
                kafka.subscribe(config.topics());
                while (running) {
                    ConsumerRecords<String, String> records = kafka.poll(Duration.ofMillis(100));
                    if (!records.isEmpty()) {
                        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
                        records.forEach(batch::add);
                        ProjectionSpans.Open traced = spans.start(batch);
                        try {
                            project(generations.active(), batch);
                            spans.end(traced, null);
                            pause = FIRST_PAUSE_MS;
                        } catch (ProjectionUnavailable e) {
                            spans.end(traced, e);
                            // Read the same events again next time round; the offsets stay where they were.
                            seekBack(kafka, batch);
                            retries.increment();
                            LOG.warnf("Projection paused %d ms: %s", pause, e.getMessage());
                            sleep(pause);
                            pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
                            continue;
                        }
                        offsets.commit(kafka);
                    }
                    Consumer<KafkaConsumer<String, String>> work;
                    while ((work = betweenBatches.poll()) != null) {
                        work.accept(kafka);
                    }
                }
            } catch (WakeupException e) {
                // stopping
            } catch (Exception e) {
                if (running) {
                    LOG.warnf("Projection consumer restarting after %s", e.toString());
                    sleep(1000);
                }
            } finally {
                consumer = null;
            }
        }
    }

    private static void seekBack(KafkaConsumer<String, String> kafka, List<ConsumerRecord<String, String>> batch) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<String, String> record : batch) {
            first.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
        }
        Set<TopicPartition> assigned = kafka.assignment();
        first.forEach((partition, offset) -> {
            if (assigned.contains(partition)) {
                kafka.seek(partition, offset);
            }
        });
    }

    /**
     * Projects one batch into {@code schema}, its dead letters recorded in the same transaction. If the database
     * refuses the batch because of its data, each half is tried alone, down to the single event it still refuses,
     * which becomes a dead letter: one bad event never stops the rest.
     *
     * @throws ProjectionUnavailable when the database cannot take the batch for a reason that is not in its
     *             events; nothing is dead-lettered then, and the caller tries the batch again later
     */
    public Projector.Outcome project(String schema, List<ConsumerRecord<String, String>> batch) throws ProjectionUnavailable {
        if (batch.size() > 1 && characters(batch) > MAX_BATCH_CHARACTERS) {
            int half = batch.size() / 2;
            return project(schema, batch.subList(0, half)).plus(project(schema, batch.subList(half, batch.size())));
        }
        try {
            return projectTogether(schema, batch, List.of());
        } catch (SQLException e) {
            if (!ProjectionUnavailable.aboutTheData(e)) {
                throw new ProjectionUnavailable(e);
            }
            if (batch.size() == 1) {
                try {
                    return projectTogether(schema, List.of(), List.of(new Projector.DeadLetter(batch.get(0),
                            "the database refused it (SQLState " + e.getSQLState() + ")")));
                } catch (SQLException | RuntimeException again) {
                    throw new ProjectionUnavailable(again);
                }
            }
            LOG.warnf("A batch of %d events was refused (SQLState %s); projecting it in halves", batch.size(), e.getSQLState());
            int half = batch.size() / 2;
            return project(schema, batch.subList(0, half)).plus(project(schema, batch.subList(half, batch.size())));
        } catch (RuntimeException e) {
            // Not a verdict on the events (a pool that cannot connect, a driver failure): wait, never dead-letter.
            throw new ProjectionUnavailable(e);
        }
    }

    private static long characters(List<ConsumerRecord<String, String>> batch) {
        long characters = 0;
        for (ConsumerRecord<String, String> record : batch) {
            characters += record.value() == null ? 0 : record.value().length();
        }
        return characters;
    }

    private Projector.Outcome projectTogether(String schema, List<ConsumerRecord<String, String>> batch,
            List<Projector.DeadLetter> refused) throws SQLException {
        Projector.Outcome outcome;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                outcome = batch.isEmpty() ? new Projector.Outcome(0, 0, 0, refused, List.of()) : projector.apply(c, schema, batch);
                deadLetters.record(c, outcome.deadLetters());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                try {
                    c.setAutoCommit(true);
                } catch (SQLException e) {
                    LOG.debugf("Connection unusable after the batch: %s", e.getSQLState());
                }
            }
        }
        Instant now = Instant.now();
        outcome.eventTimes().forEach(time -> lag.record(Duration.between(time, now).isNegative() ? Duration.ZERO
                : Duration.between(time, now)));
        duplicates.increment(outcome.duplicates());
        if (!outcome.deadLetters().isEmpty()) {
            deadLetters.wake();
        }
        return outcome;
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debugf("Rollback failed: %s", e.getSQLState());
        }
    }

    Map<String, Object> properties(String group) {
        Map<String, Object> props = new HashMap<>(config.kafka());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        if (group != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "5000");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return props;
    }

    private void sleep(long millis) {
        long until = System.currentTimeMillis() + millis;
        while (running && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(Math.min(100, Math.max(1, until - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
