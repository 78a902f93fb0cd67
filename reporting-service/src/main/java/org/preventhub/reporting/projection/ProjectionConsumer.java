package org.preventhub.reporting.projection;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.preventhub.reporting.config.ReportingConfig;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps the active projection current: polls the three topics, projects each batch in one transaction (event ids
 * recorded with their effects), sends dead letters, and only then commits the offsets. A crash between the
 * database commit and the offset commit redelivers events that are then recognised and skipped.
 */
@ApplicationScoped
public class ProjectionConsumer {

    private static final Logger LOG = Logger.getLogger(ProjectionConsumer.class);

    private final AgroalDataSource dataSource;
    private final Projector projector;
    private final Generations generations;
    private final DeadLetters deadLetters;
    private final ReportingConfig config;
    private final String bootstrapServers;
    private final Timer lag;
    private final ConcurrentLinkedQueue<Consumer<KafkaConsumer<String, String>>> betweenBatches = new ConcurrentLinkedQueue<>();

    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread worker;

    public ProjectionConsumer(AgroalDataSource dataSource, Projector projector, Generations generations,
            DeadLetters deadLetters, ReportingConfig config, MeterRegistry registry,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dataSource = dataSource;
        this.projector = projector;
        this.generations = generations;
        this.deadLetters = deadLetters;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.lag = Timer.builder("reporting.event.lag")
                .description("From an event's time to its effect on the indicators")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (!config.consumerEnabled()) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "projection-consumer");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
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
        while (running) {
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(properties(config.consumerGroup()))) {
                consumer = kafka;
                kafka.subscribe(config.topics());
                while (running) {
                    ConsumerRecords<String, String> records = kafka.poll(Duration.ofMillis(100));
                    if (!records.isEmpty()) {
                        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
                        records.forEach(batch::add);
                        project(generations.active(), batch);
                        kafka.commitSync();
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

    /**
     * Projects one batch into {@code schema} and sends its dead letters. If the database refuses the batch, each
     * event is tried alone and the ones it still refuses become dead letters: one bad event never stops the rest.
     */
    public Projector.Outcome project(String schema, List<ConsumerRecord<String, String>> batch) throws Exception {
        try {
            return projectTogether(schema, batch);
        } catch (java.sql.SQLException e) {
            if (batch.size() == 1) {
                deadLetters.send(List.of(new Projector.DeadLetter(batch.get(0),
                        "the database refused it (SQLState " + e.getSQLState() + ")")));
                return new Projector.Outcome(0, 0, 0, List.of(), List.of());
            }
            LOG.warnf("A batch of %d events was refused (SQLState %s); projecting them one by one", batch.size(), e.getSQLState());
            int applied = 0;
            for (ConsumerRecord<String, String> record : batch) {
                applied += project(schema, List.of(record)).applied();
            }
            return new Projector.Outcome(applied, 0, 0, List.of(), List.of());
        }
    }

    private Projector.Outcome projectTogether(String schema, List<ConsumerRecord<String, String>> batch) throws Exception {
        Projector.Outcome outcome;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                outcome = projector.apply(c, schema, batch);
                c.commit();
            } catch (Exception e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        Instant now = Instant.now();
        outcome.eventTimes().forEach(time -> lag.record(Duration.between(time, now).isNegative() ? Duration.ZERO
                : Duration.between(time, now)));
        deadLetters.send(outcome.deadLetters());
        return outcome;
    }

    Map<String, Object> properties(String group) {
        Map<String, Object> props = new HashMap<>();
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
