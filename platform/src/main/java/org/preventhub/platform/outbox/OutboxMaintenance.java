package org.preventhub.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/** Deletes rows Kafka acknowledged long ago, and keeps the pending gauge fresh while the relay idles. */
@ApplicationScoped
public class OutboxMaintenance {

    private static final Logger LOG = Logger.getLogger(OutboxMaintenance.class);

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final OutboxRelay relay;

    public OutboxMaintenance(AgroalDataSource dataSource, OutboxConfig config, OutboxRelay relay) {
        this.dataSource = dataSource;
        this.config = config;
        this.relay = relay;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deletePublished() {
        Instant cutoff = Instant.now().minus(config.relay().keepPublished());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM outbox_event WHERE published_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            int deleted = delete.executeUpdate();
            if (deleted > 0) {
                LOG.infof("Deleted %d outbox rows published before %s", deleted, cutoff);
            }
        } catch (SQLException e) {
            LOG.warnf("Outbox clean-up failed (SQLState %s)", e.getSQLState());
        }
    }

    @Scheduled(every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshPending() {
        relay.refreshPending();
    }
}
