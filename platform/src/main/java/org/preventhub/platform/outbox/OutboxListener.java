package org.preventhub.platform.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Told of the events Kafka acknowledged, in the relay's transaction that marks them published: what it writes
 * through {@code connection} commits with that mark, or neither does (webhooks fan out here, once per event).
 * It runs on the relay's thread, so it must be quick and must not call out of the process.
 */
public interface OutboxListener {

    /** An event as the relay published it: its payload is the service's JSON, as written. */
    record Published(UUID id, String aggregateType, String aggregateId, String type, String payload,
            Instant occurredAt) {
    }

    void published(Connection connection, List<Published> events) throws SQLException;
}
