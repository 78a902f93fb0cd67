package org.preventhub.platform.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

/**
 * The dispatcher's steps on a table of messages, each one statement committed on its own (auto-commit, outside
 * any transaction), so a claim is durable before the message is handed to SMTP: whatever happens next, the row is
 * never sent twice by the dispatcher. The table is the service's own (training's {@code notification}, the staff
 * reminders' {@code staff_notification}); it has at least the columns {@code id, status, attempts,
 * next_attempt_at, claimed_at, finished_at, last_error} with the statuses of {@link Status}.
 */
public class NotificationStore {

    /** A message's state: PENDING (due at next_attempt_at), SENDING (claimed), then an outcome. */
    public enum Status { PENDING, SENDING, SENT, FAILED, BOUNCED, UNKNOWN, SKIPPED }

    private static final Logger LOG = Logger.getLogger(NotificationStore.class);
    private static final int MAX_ERROR = 500;

    private final DataSource dataSource;
    private final String table;

    /** @param table the table's name: a constant of the code, never input */
    public NotificationStore(DataSource dataSource, String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        this.dataSource = dataSource;
        this.table = table;
    }

    /** Claims up to {@code limit} due messages (SENDING, one more attempt); other dispatchers skip them. */
    public List<UUID> claimDue(int limit, Instant now) {
        return ids("""
                UPDATE $T SET status = 'SENDING', attempts = attempts + 1, claimed_at = ?
                WHERE id IN (SELECT id FROM $T WHERE status = 'PENDING' AND next_attempt_at <= ?
                             ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id""", Timestamp.from(now), Timestamp.from(now), limit);
    }

    /**
     * Claimed before {@code now - timeout} with no outcome: the process that claimed them stopped while sending. The
     * SMTP server may have taken them, so they are not sent again: UNKNOWN, for a person to check (and to send again
     * by hand if it did not arrive; the Message-ID stays, so a receiver can drop a copy).
     */
    public List<UUID> giveUpStale(Duration timeout, Instant now) {
        List<UUID> stale = ids("""
                UPDATE $T SET status = 'UNKNOWN', finished_at = ?,
                       last_error = 'claimed at ' || claimed_at || ' by a process that stopped before recording the outcome'
                WHERE status = 'SENDING' AND claimed_at < ?
                RETURNING id""", Timestamp.from(now), Timestamp.from(now.minus(timeout)));
        stale.forEach(id -> LOG.warnf("Message %s: outcome unknown (its sender stopped while sending); not sent again", id));
        return stale;
    }

    /** The outcome of a claim, recorded even if it was meanwhile given up as UNKNOWN: now it is known. */
    public void finish(UUID id, Status status, String error, Instant now) {
        update("""
                UPDATE $T SET status = ?, finished_at = ?, last_error = ?
                WHERE id = ? AND status IN ('SENDING', 'UNKNOWN')""", status.name(), Timestamp.from(now),
                truncate(error), id);
    }

    /** Another attempt after {@code at}. */
    public void retry(UUID id, String error, Instant at) {
        update("""
                UPDATE $T SET status = 'PENDING', next_attempt_at = ?, last_error = ?
                WHERE id = ? AND status IN ('SENDING', 'UNKNOWN')""", Timestamp.from(at), truncate(error), id);
    }

    public int attempts(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT attempts FROM " + table + " WHERE id = ?")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a message's attempts", e);
        }
    }

    private List<UUID> ids(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, params);
                ResultSet r = s.executeQuery()) {
            List<UUID> ids = new ArrayList<>();
            while (r.next()) {
                ids.add(r.getObject(1, UUID.class));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update the messages' state", e);
        }
    }

    private void update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, params)) {
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record a message's outcome", e);
        }
    }

    private PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql.replace("$T", table));
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }

    /** An SMTP answer may quote the recipient: addresses are masked, and the text kept short. */
    private static String truncate(String error) {
        if (error == null) {
            return null;
        }
        String masked = error.replaceAll("[^\\s<>\"@]+@[^\\s<>\"]+", "<address>");
        return masked.length() <= MAX_ERROR ? masked : masked.substring(0, MAX_ERROR);
    }
}
