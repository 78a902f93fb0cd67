package org.preventhub.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
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
 * <li>An aggregate's later row never goes out ahead of an earlier one Kafka refused: the batch stops sending at the
 * first refusal, the producer's buffer is discarded, and only each aggregate's rows before its first failure are
 * marked published.</li>
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
    private final Counter published;
    private final Counter failures;
    private final Timer lag;
    private final AtomicLong pending = new AtomicLong();
    private final RelayProducer kafka;
    private final Iterable<OutboxListener> listeners;

    private volatile boolean running;
    private volatile Thread worker;
    private volatile Instant oldestPending; // the oldest unacknowledged row's time, as last counted; null: none
    private volatile Instant lastSuccess = Instant.now();
    private volatile String lastFailure;

    /** A relay without listeners: a second instance, as tests start one. */
    public OutboxRelay(AgroalDataSource dataSource, OutboxConfig config, MeterRegistry registry,
            String kafkaBootstrapServers) {
        this(dataSource, config, registry, kafkaBootstrapServers, KafkaProducer::new, List.of());
    }

    @Inject
    public OutboxRelay(AgroalDataSource dataSource, OutboxConfig config, MeterRegistry registry,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String kafkaBootstrapServers,
            Instance<OutboxListener> listeners) {
        this(dataSource, config, registry, kafkaBootstrapServers, KafkaProducer::new, listeners);
    }

    /** @param producers makes the Kafka producer from its properties; tests pass one that refuses on cue */
    OutboxRelay(AgroalDataSource dataSource, OutboxConfig config, MeterRegistry registry, String kafkaBootstrapServers,
            Function<Map<String, Object>, Producer<String, String>> producers) {
        this(dataSource, config, registry, kafkaBootstrapServers, producers, List.of());
    }

    private OutboxRelay(AgroalDataSource dataSource, OutboxConfig config, MeterRegistry registry,
            String kafkaBootstrapServers, Function<Map<String, Object>, Producer<String, String>> producers,
            Iterable<OutboxListener> listeners) {
        this.dataSource = dataSource;
        this.listeners = listeners;
        this.config = config;
        this.kafka = new RelayProducer(config, kafkaBootstrapServers, producers);
        this.published = registry.counter("outbox.events.published");
        this.failures = registry.counter("outbox.publish.failures");
        this.lag = Timer.builder("outbox.publish.lag").description("From the event's commit to Kafka's acknowledgement")
                .publishPercentiles(0.5, 0.99).register(registry);
        registry.gauge("outbox.events.pending", pending);
        // A stuck relay shows as a growing age while the count stays small; a burst, as a count whose age stays low.
        Gauge.builder("outbox.backlog.age", this, OutboxRelay::backlogAgeSeconds).baseUnit("seconds")
                .description("Age of the oldest event not yet acknowledged by Kafka").register(registry);
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
        kafka.close();
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
                SELECT id, aggregatetype, aggregateid, type, payload::text, occurred_at, traceparent, tracestate
                FROM outbox_event WHERE published_at IS NULL ORDER BY position LIMIT ?
                FOR UPDATE""")) {
            select.setInt(1, config.relay().batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8)));
                }
            }
        }
        if (rows.isEmpty()) {
            pending.set(0);
            oldestPending = null;
            return 0;
        }

        Producer<String, String> producer = kafka.current();
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        Exception ackFailure = null;
        for (Row row : rows) {
            Future<RecordMetadata> ack;
            try {
                ack = producer.send(kafka.record(row));
            } catch (RuntimeException e) {
                ackFailure = e;
                break;
            }
            acks.add(ack);
            // Kafka refuses mostly through the future, not by throwing (no topic metadata within max.block.ms,
            // a record too large): rows sent behind a refused one would overtake it once Kafka is back.
            if (ack.isDone() && failed(ack)) {
                break;
            }
        }
        // No flush: waiting on each acknowledgement in order lets the first failure discard the producer before
        // the rows behind it are sent, where a flush would first let all of them succeed or fail.
        List<UUID> acknowledged = new ArrayList<>(acks.size());
        Set<String> heldBack = new HashSet<>();
        Instant now = Instant.now();
        for (int i = 0; i < acks.size(); i++) {
            Row row = rows.get(i);
            try {
                acks.get(i).get(30, TimeUnit.SECONDS);
                if (heldBack.contains(row.aggregateId())) {
                    continue; // acknowledged behind a failed row of its aggregate: it goes again after that one
                }
                acknowledged.add(row.id());
                lag.record(Duration.between(row.occurredAt(), now));
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                ackFailure = e;
                heldBack.add(row.aggregateId());
                kafka.discard();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ackFailure = e;
                kafka.discard();
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
        countPending(connection);
        lastFailure = null;
        return rows.size();
    }

    private static boolean failed(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
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

    private void countPending(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT (SELECT count(*) FROM outbox_event WHERE published_at IS NULL),
                               (SELECT occurred_at FROM outbox_event WHERE published_at IS NULL ORDER BY position LIMIT 1)""")) {
            rs.next();
            pending.set(rs.getLong(1));
            oldestPending = java.util.Optional.ofNullable(rs.getTimestamp(2)).map(Timestamp::toInstant).orElse(null);
        }
    }

    double backlogAgeSeconds() {
        Instant oldest = oldestPending; // read once: the relay may clear it meanwhile
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
    }

    void refreshPending() {
        try (Connection connection = dataSource.getConnection()) {
            countPending(connection);
        } catch (SQLException e) {
            LOG.debugf("Cannot count pending outbox rows: %s", e.getSQLState());
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Row(UUID id, String aggregateType, String aggregateId, String type, String payload, Instant occurredAt,
            String traceparent, String tracestate) { }

    static final class KafkaUnavailable extends Exception {
        KafkaUnavailable(String message) {
            super(message, null, false, false);
        }
    }
}
