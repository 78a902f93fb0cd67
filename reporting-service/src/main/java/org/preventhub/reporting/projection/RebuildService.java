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

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.reporting.config.ReportingConfig;

import io.agroal.api.AgroalDataSource;

/**
 * Rebuilds every projection from the topics into the schema not in use, while the service keeps answering from
 * the active one; when the rebuilt schema has caught up, the live consumer pauses between two batches, the
 * rebuild takes the last events, and the schemas swap. Event ids are recorded per schema, so the live consumer
 * re-reading events the rebuild already took skips them.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);

    @Schema(description = "The state of the last projection rebuild.")
    public record RebuildStatus(String status, String activeSchema, Instant startedAt, Instant finishedAt, long events,
            String error) {
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

    public synchronized RebuildStatus start() {
        if (worker != null && worker.isAlive()) {
            throw ProblemException.conflict("rebuild-running", "A rebuild is already running.");
        }
        state("RUNNING", 0, null, true);
        worker = new Thread(this::rebuild, "projection-rebuild");
        worker.setDaemon(true);
        worker.start();
        return status();
    }

    public RebuildStatus status() {
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

    private void rebuild() {
        String target = generations.inactive();
        AtomicLong events = new AtomicLong();
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(live.properties(null))) {
            try (Connection c = dataSource.getConnection()) {
                Generations.truncate(c, target);
            }
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : config.topics()) {
                List<PartitionInfo> infos = kafka.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            catchUp(kafka, target, kafka.endOffsets(partitions), events);
            if (config.consumerEnabled()) {
                // The last events, and the swap, with the live consumer paused between two of its batches.
                live.betweenBatches(paused -> swap(kafka, target, partitions, events)).get(10, TimeUnit.MINUTES);
            } else {
                swap(kafka, target, partitions, events);
            }
            LOG.infof("Projections rebuilt into %s from %d events", target, events.get());
        } catch (Exception e) {
            LOG.errorf(e, "Projection rebuild failed");
            state("FAILED", events.get(), "The rebuild failed; the projections in use are unchanged.", false);
        }
    }

    private void swap(KafkaConsumer<String, String> kafka, String target, List<TopicPartition> partitions, AtomicLong events) {
        try {
            catchUp(kafka, target, kafka.endOffsets(partitions), events);
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
            AtomicLong events) throws Exception {
        while (!reached(kafka, end)) {
            List<ConsumerRecord<String, String>> batch = new ArrayList<>();
            kafka.poll(Duration.ofMillis(200)).forEach(batch::add);
            if (!batch.isEmpty()) {
                live.project(target, batch);
                events.addAndGet(batch.size());
                if (events.get() % 50_000 < batch.size()) {
                    state("RUNNING", events.get(), null, false);
                }
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

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
