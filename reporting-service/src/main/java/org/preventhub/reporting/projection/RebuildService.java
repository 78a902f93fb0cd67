package org.preventhub.reporting.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.reporting.config.ReportingConfig;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * Rebuilds every projection from the topics into the schema not in use, while the service keeps answering from
 * the active one; when the rebuilt schema has caught up, the live consumer pauses between two batches, the
 * rebuild takes the last events, and the schemas swap. Event ids are recorded per schema, so the live consumer
 * re-reading events the rebuild already took skips them.
 *
 * <p>A database outage during the rebuild is waited out (for {@code hub.reporting.rebuild-patience}), never
 * skipped, so an incomplete projection is never swapped in. The rebuild holds a PostgreSQL advisory lock for as
 * long as it runs: one rebuild at a time across instances, and a rebuild left {@code RUNNING} by a process that
 * died (its lock gone with its connection) is marked {@code INTERRUPTED} at startup or when its status is read.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);
    /** The advisory lock a running rebuild holds ("REBUILD" in ASCII). */
    private static final long LOCK = 0x524542_55494C44L;

    @Schema(description = "The state of the last projection rebuild: NONE, RUNNING, DONE, FAILED or INTERRUPTED.")
    public record RebuildStatus(@Schema(maxLength = 20) String status, @Schema(maxLength = 40) String activeSchema,
            Instant startedAt, Instant finishedAt, long events,
            @Schema(maxLength = 500) String error) {
    }

    private final AgroalDataSource dataSource;
    private final ProjectionConsumer live;
    private final Generations generations;
    private final ReportingConfig config;
    private volatile Thread worker;

    public RebuildService(AgroalDataSource dataSource, ProjectionConsumer live, Generations generations,
            ReportingConfig config) {
        this.dataSource = dataSource;
        this.live = live;
        this.generations = generations;
        this.config = config;
    }

    void recover(@Observes StartupEvent event) {
        markInterruptedIfAbandoned();
    }

    /** The rebuild's lock: a session lock, so it lives as long as one connection, taken again after an outage. */
    private final class Hold implements AutoCloseable {
        private Connection connection;
        private Instant startedAt;

        boolean take() throws SQLException {
            connection = dataSource.getConnection();
            if (tryLock(connection)) {
                return true;
            }
            closeQuietly(connection);
            connection = null;
            return false;
        }

        /**
         * Makes sure the lock is still held; after an outage took its connection, takes it again, provided no
         * other rebuild started in between (it would have emptied the same schema).
         */
        void ensure() throws SQLException {
            if (connection != null && connection.isValid(5)) {
                return;
            }
            closeQuietly(connection);
            connection = null;
            if (!take()) {
                throw new IllegalStateException("Another rebuild holds the lock");
            }
            RebuildStatus now = read();
            if (!"RUNNING".equals(now.status()) || !now.startedAt().equals(startedAt)) {
                throw new IllegalStateException("The rebuild was superseded while the database was away");
            }
        }

        @Override
        public void close() {
            if (connection != null) {
                unlock(connection);
                closeQuietly(connection);
            }
        }
    }

    public synchronized RebuildStatus start() {
        Hold hold = new Hold();
        try {
            if (!hold.take()) {
                throw ProblemException.conflict("rebuild-running", "A rebuild is already running.");
            }
        } catch (SQLException e) {
            hold.close();
            throw new IllegalStateException("Cannot start a rebuild", e);
        }
        state("RUNNING", 0, null, true);
        RebuildStatus started = read();
        hold.startedAt = started.startedAt();
        worker = new Thread(() -> rebuild(hold), "projection-rebuild");
        worker.setDaemon(true);
        worker.start();
        return started;
    }

    public RebuildStatus status() {
        markInterruptedIfAbandoned();
        return read();
    }

    private RebuildStatus read() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("""
                        SELECT rebuild_status, active_schema, rebuild_started_at, rebuild_finished_at, rebuild_events,
                               rebuild_error FROM projection_state WHERE id = 1""");
                ResultSet rs = select.executeQuery()) {
            rs.next();
            return new RebuildStatus(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)),
                    instant(rs.getTimestamp(4)), rs.getLong(5), rs.getString(6));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A rebuild marked RUNNING whose lock nobody holds was left by a process that stopped. */
    void markInterruptedIfAbandoned() {
        Thread running = worker;
        if (running != null && running.isAlive()) {
            return; // ours, perhaps between losing its lock to an outage and taking it again
        }
        try (Connection c = dataSource.getConnection()) {
            if (!tryLock(c)) {
                return; // a rebuild is running, here or in another instance
            }
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE projection_state SET rebuild_status = 'INTERRUPTED', rebuild_finished_at = now(),
                        rebuild_error = 'The service stopped during the rebuild; the projections in use are unchanged. Start it again.'
                    WHERE id = 1 AND rebuild_status = 'RUNNING'""")) {
                if (update.executeUpdate() > 0) {
                    LOG.warn("A projection rebuild was interrupted by a restart; the projections in use are unchanged");
                }
            } finally {
                unlock(c);
            }
        } catch (SQLException e) {
            LOG.warnf("Cannot check for an interrupted rebuild (SQLState %s)", e.getSQLState());
        }
    }

    private void rebuild(Hold hold) {
        String target = generations.inactive();
        AtomicLong events = new AtomicLong();
        Map<String, Object> properties = live.properties(null);
        // A rebuild reads a backlog, not a trickle: larger batches than the live consumer's cost fewer statements and
        // commits, but not so large that a batch's records outlive the young collections of a 256 MB heap (at 10,000
        // those took a fifth of the rebuild's time).
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(2 * 1024 * 1024));
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(properties)) {
            patiently(hold, () -> {
                try (Connection c = dataSource.getConnection()) {
                    Generations.truncate(c, target);
                } catch (SQLException e) {
                    throw new ProjectionUnavailable(e);
                }
            });
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : config.topics()) {
                List<PartitionInfo> infos = kafka.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            catchUp(kafka, target, kafka.endOffsets(partitions), events, hold);
            if (config.consumerEnabled()) {
                // The last events, and the swap, with the live consumer paused between two of its batches.
                live.betweenBatches(paused -> swap(kafka, target, partitions, events, hold))
                        .get(config.rebuildPatience().toMillis() + 600_000, TimeUnit.MILLISECONDS);
            } else {
                swap(kafka, target, partitions, events, hold);
            }
            LOG.infof("Projections rebuilt into %s from %d events", target, events.get());
        } catch (Exception e) {
            LOG.errorf(e, "Projection rebuild failed");
            state("FAILED", events.get(), "The rebuild failed; the projections in use are unchanged.", false);
        } finally {
            hold.close();
        }
    }

    private void swap(KafkaConsumer<String, String> kafka, String target, List<TopicPartition> partitions, AtomicLong events,
            Hold hold) {
        try {
            catchUp(kafka, target, kafka.endOffsets(partitions), events, hold);
            hold.ensure();
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                generations.activate(c, target);
                try (PreparedStatement update = c.prepareStatement("""
                        UPDATE projection_state SET rebuild_status = 'DONE', rebuild_finished_at = now(),
                            rebuild_events = ?, rebuild_error = NULL WHERE id = 1""")) {
                    update.setLong(1, events.get());
                    update.executeUpdate();
                }
                c.commit();
            }
            generations.activated(target);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void catchUp(KafkaConsumer<String, String> kafka, String target, Map<TopicPartition, Long> end,
            AtomicLong events, Hold hold) throws Exception {
        while (!reached(kafka, end)) {
            List<ConsumerRecord<String, String>> batch = new ArrayList<>();
            kafka.poll(Duration.ofMillis(200)).forEach(batch::add);
            if (!batch.isEmpty()) {
                patiently(hold, () -> live.project(target, batch));
                events.addAndGet(batch.size());
                if (events.get() % 50_000 < batch.size()) {
                    state("RUNNING", events.get(), null, false);
                }
            }
        }
    }

    private interface DatabaseWork {
        void run() throws ProjectionUnavailable;
    }

    /** Waits out an unavailable database: skipping a batch would swap in a projection without its events. */
    private void patiently(Hold hold, DatabaseWork work) throws Exception {
        long giveUpAt = System.nanoTime() + config.rebuildPatience().toNanos();
        long pause = 100;
        boolean waited = false;
        while (true) {
            try {
                work.run();
                if (waited) {
                    try {
                        hold.ensure(); // the outage may have taken the lock's connection
                    } catch (SQLException e) {
                        throw new ProjectionUnavailable(e); // redoing the work is harmless: events are not counted twice
                    }
                }
                return;
            } catch (ProjectionUnavailable e) {
                waited = true;
                if (System.nanoTime() > giveUpAt) {
                    throw e;
                }
                LOG.warnf("Rebuild paused %d ms: %s", pause, e.getMessage());
                Thread.sleep(pause);
                pause = Math.min(pause * 2, 5_000);
            }
        }
    }

    private static boolean reached(KafkaConsumer<String, String> kafka, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (kafka.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void state(String status, long events, String error, boolean starting) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement(starting
                        ? "UPDATE projection_state SET rebuild_status = ?, rebuild_events = ?, rebuild_error = ?, "
                                + "rebuild_started_at = now(), rebuild_finished_at = NULL WHERE id = 1"
                        : "UPDATE projection_state SET rebuild_status = ?, rebuild_events = ?, rebuild_error = ? WHERE id = 1")) {
            update.setString(1, status);
            update.setLong(2, events);
            update.setString(3, error);
            update.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("Cannot record the rebuild's state (SQLState %s)", e.getSQLState());
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Session locks outlive the borrower of a pooled connection: always let go before giving it back. */
    private static void unlock(Connection c) {
        try (PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, LOCK);
            unlock.executeQuery().close();
        } catch (SQLException e) {
            LOG.debugf("Advisory unlock failed (SQLState %s): the session, and its lock, are gone", e.getSQLState());
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debugf("Closing a connection: %s", e.getSQLState());
            }
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
