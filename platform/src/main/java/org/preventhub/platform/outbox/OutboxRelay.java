package org.preventhub.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes committed outbox rows to Kafka as CloudEvents (binary mode), oldest first, in batches.
 *
 * <ul>
 * <li>Wakes on a PostgreSQL {@code NOTIFY} sent by an insert trigger when the writing transaction commits,
 * and otherwise polls every {@code poll-interval} as a safety net. Woken, it lets the commits of the next
 * {@code gather} join the batch.</li>
 * <li>Only one instance publishes at a time: each batch runs in a transaction holding a PostgreSQL advisory
 * lock, so two instances never send the same row and per-aggregate order is kept.</li>
 * <li>A row is marked published only after Kafka acknowledged it (acks=all, idempotent producer). While Kafka
 * is down rows stay in the table and go out when it returns.</li>
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {

    static final String CHANNEL = "outbox_event";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant works: each service has its own database. */
    private static final long LEADER_LOCK = 0x50726576656e74L;

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final String kafkaBootstrapServers;
    private final Counter published;
    private final Counter failures;
    private final Timer lag;
    private final AtomicLong pending = new AtomicLong();
    private final Iterable<OutboxListener> listeners;

    private volatile boolean running;
    private volatile Thread worker;
    private volatile KafkaProducer<String, String> producer;
    private volatile Instant lastSuccess = Instant.now();
    private volatile String lastFailure;

    /** A relay without listeners: a second instance, as tests start one. */
    public OutboxRelay(AgroalDataSource dataSource, OutboxConfig config, MeterRegistry registry,
            String kafkaBootstrapServers) {
        this(dataSource, config, registry, kafkaBootstrapServers, List.of());
    }

    @Inject
    public OutboxRelay(AgroalDataSource dataSource, OutboxConfig config, MeterRegistry registry,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String kafkaBootstrapServers,
            Instance<OutboxListener> listeners) {
        this(dataSource, config, registry, kafkaBootstrapServers, (Iterable<OutboxListener>) listeners);
    }

    private OutboxRelay(AgroalDataSource dataSource, OutboxConfig config, MeterRegistry registry,
            String kafkaBootstrapServers, Iterable<OutboxListener> listeners) {
        this.dataSource = dataSource;
        this.listeners = listeners;
        this.config = config;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.published = registry.counter("outbox.events.published");
        this.failures = registry.counter("outbox.publish.failures");
        this.lag = Timer.builder("outbox.publish.lag").description("From the event's commit to Kafka's acknowledgement")
                .publishPercentiles(0.5, 0.99).register(registry);
        registry.gauge("outbox.events.pending", pending);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.relay().enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        producer = new KafkaProducer<>(producerProperties());
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    public synchronized void stop() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        worker = null;
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    public boolean isRunning() {
        Thread thread = worker;
        return running && thread != null && thread.isAlive();
    }

    /** Rows not yet acknowledged by Kafka, as last counted. */
    public long pending() {
        return pending.get();
    }

    public Instant lastSuccess() {
        return lastSuccess;
    }

    public String lastFailure() {
        return lastFailure;
    }

    private void run() {
        while (running) {
            try (Connection listener = dataSource.getConnection()) {
                try (Statement statement = listener.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection notifications = listener.unwrap(PGConnection.class);
                while (running) {
                    drain();
                    // Returns at once when a commit notified us while we were draining.
                    PGNotification[] commits = notifications.getNotifications((int) config.relay().pollInterval().toMillis());
                    if (commits != null && commits.length > 0 && !config.relay().gather().isZero()) {
                        sleep(config.relay().gather());
                    }
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                lastFailure = e.getClass().getSimpleName();
                LOG.warnf("Outbox relay cannot reach the database (%s); retrying", e.getClass().getSimpleName());
                sleep(config.relay().retryBackoff());
            }
        }
    }

    /** Publishes batches until the outbox is empty or Kafka fails. */
    private void drain() {
        while (running) {
            int sent;
            try {
                sent = publishBatch();
            } catch (KafkaUnavailable e) {
                failures.increment();
                lastFailure = "Kafka: " + e.getMessage();
                LOG.warnf("Outbox relay could not publish (%s); events stay in the outbox", e.getMessage());
                sleep(config.relay().retryBackoff());
                return;
            } catch (SQLException e) {
                lastFailure = "database: " + e.getSQLState();
                LOG.warnf("Outbox relay database error (SQLState %s); retrying", e.getSQLState());
                sleep(config.relay().retryBackoff());
                return;
            }
            if (sent < config.relay().batchSize()) {
                return;
            }
        }
    }

    /** @return rows published in this batch */
    int publishBatch() throws SQLException, KafkaUnavailable {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int count = publishBatch(connection);
                connection.commit();
                return count;
            } catch (SQLException | RuntimeException | KafkaUnavailable e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private int publishBatch(Connection connection) throws SQLException, KafkaUnavailable {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, LEADER_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return 0; // another instance is publishing right now
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, aggregatetype, aggregateid, type, payload::text, occurred_at
                FROM outbox_event WHERE published_at IS NULL ORDER BY position LIMIT ?
                FOR UPDATE""")) {
            select.setInt(1, config.relay().batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getTimestamp(6).toInstant()));
                }
            }
        }
        if (rows.isEmpty()) {
            pending.set(0);
            return 0;
        }

        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        RuntimeException sendFailure = null;
        for (Row row : rows) {
            try {
                acks.add(producer.send(toRecord(row)));
            } catch (RuntimeException e) {
                sendFailure = e; // e.g. metadata unavailable: stop here, keep the order
                break;
            }
        }
        producer.flush();

        List<UUID> acknowledged = new ArrayList<>(acks.size());
        Exception ackFailure = sendFailure;
        Instant now = Instant.now();
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(30, TimeUnit.SECONDS);
                acknowledged.add(rows.get(i).id());
                lag.record(Duration.between(rows.get(i).occurredAt(), now));
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                // The idempotent producer fails every later record of the same partition too, so what was
                // acknowledged is a prefix per aggregate: marking exactly those keeps each aggregate in order.
                ackFailure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ackFailure = e;
                break;
            }
        }
        if (!acknowledged.isEmpty()) {
            try (PreparedStatement mark = connection.prepareStatement(
                    "UPDATE outbox_event SET published_at = now() WHERE id = ANY(?)")) {
                mark.setArray(1, connection.createArrayOf("uuid", acknowledged.toArray()));
                mark.executeUpdate();
            }
            tellListeners(connection, rows, acknowledged);
            published.increment(acknowledged.size());
            lastSuccess = Instant.now();
        }
        if (ackFailure != null) {
            // Commit what Kafka did acknowledge, then report.
            connection.commit();
            Throwable cause = ackFailure.getCause() != null ? ackFailure.getCause() : ackFailure;
            throw new KafkaUnavailable(cause.getClass().getSimpleName());
        }
        pending.set(countPending(connection));
        lastFailure = null;
        return rows.size();
    }

    /** In this transaction, so what the listeners write commits with the mark, once per event. */
    private void tellListeners(Connection connection, List<Row> rows, List<UUID> acknowledged) throws SQLException {
        if (!listeners.iterator().hasNext()) {
            return;
        }
        java.util.Set<UUID> acked = new java.util.HashSet<>(acknowledged);
        List<OutboxListener.Published> events = rows.stream().filter(row -> acked.contains(row.id()))
                .map(row -> new OutboxListener.Published(row.id(), row.aggregateType(), row.aggregateId(), row.type(),
                        row.payload(), row.occurredAt()))
                .toList();
        for (OutboxListener listener : listeners) {
            listener.published(connection, events);
        }
    }

    private static long countPending(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void refreshPending() {
        try (Connection connection = dataSource.getConnection()) {
            pending.set(countPending(connection));
        } catch (SQLException e) {
            LOG.debugf("Cannot count pending outbox rows: %s", e.getSQLState());
        }
    }

    private ProducerRecord<String, String> toRecord(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(config.topic(), row.aggregateId(), row.payload());
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", row.id().toString());
        header(record, "ce_source", config.source());
        header(record, "ce_type", row.type());
        header(record, "ce_subject", row.aggregateType() + "/" + row.aggregateId());
        header(record, "ce_time", DateTimeFormatter.ISO_INSTANT.format(row.occurredAt()));
        header(record, "ce_partitionkey", row.aggregateId());
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private Map<String, Object> producerProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.relay().bootstrapServers().orElse(kafkaBootstrapServers));
        props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        // zstd takes its buffers from a pool; lz4 allocated two fresh 64 KB blocks per batch, which at one small
        // event per batch was a third of a service's allocation and so of its young collections.
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + config.topic());
        props.putAll(config.relay().producer());
        // Not overridable: these are what "no lost, no duplicated, in order" rests on.
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Row(UUID id, String aggregateType, String aggregateId, String type, String payload,
            Instant occurredAt) {
    }

    static final class KafkaUnavailable extends Exception {
        KafkaUnavailable(String message) {
            super(message, null, false, false);
        }
    }
}
