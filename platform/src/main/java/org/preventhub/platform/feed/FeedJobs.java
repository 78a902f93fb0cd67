package org.preventhub.platform.feed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/** The {@code feed_import} and {@code feed_rejection} tables, over plain JDBC (imports run outside requests). */
@ApplicationScoped
class FeedJobs {

    private static final String COLUMNS = """
            id, feed, source, batch_id, file_sha256, bytes, dry_run, status, bytes_processed, records, created,
            updated, ignored, rejected, error, duplicate_of, submitted_by, submitted_at, started_at, finished_at""";

    private final AgroalDataSource dataSource;

    FeedJobs(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return false when the same file or batch is already applied or being applied (a unique index says so) */
    boolean insert(UUID id, String feed, String source, String batchId, String sha256, String contentType, long bytes,
            boolean dryRun, String submittedBy) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO feed_import (id, feed, source, batch_id, file_sha256, content_type, bytes, dry_run,
                            status, submitted_by, submitted_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, now()) ON CONFLICT DO NOTHING""")) {
            insert.setObject(1, id);
            insert.setString(2, feed);
            insert.setString(3, source);
            insert.setString(4, batchId);
            insert.setString(5, sha256);
            insert.setString(6, contentType);
            insert.setLong(7, bytes);
            insert.setBoolean(8, dryRun);
            insert.setString(9, submittedBy);
            return insert.executeUpdate() == 1;
        }
    }

    /** Records a resend as its own job, pointing at the import that took the file. */
    UUID insertDuplicate(String feed, String source, String batchId, String sha256, String contentType, long bytes,
            String submittedBy) throws SQLException {
        UUID original = findActive(feed, source, sha256, batchId).orElse(null);
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO feed_import (id, feed, source, batch_id, file_sha256, content_type, bytes, dry_run,
                            status, duplicate_of, submitted_by, submitted_at, finished_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, false, 'DUPLICATE', ?, ?, now(), now())""")) {
            insert.setObject(1, id);
            insert.setString(2, feed);
            insert.setString(3, source);
            insert.setString(4, batchId);
            insert.setString(5, sha256);
            insert.setString(6, contentType);
            insert.setLong(7, bytes);
            insert.setObject(8, original);
            insert.setString(9, submittedBy);
            insert.executeUpdate();
        }
        return id;
    }

    Optional<UUID> findActive(String feed, String source, String sha256, String batchId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("""
                        SELECT id FROM feed_import WHERE feed = ? AND source = ? AND NOT dry_run
                          AND status IN ('RECEIVED', 'VALIDATING', 'APPLYING', 'APPLIED')
                          AND (file_sha256 = ? OR (batch_id IS NOT NULL AND batch_id = ?))
                        ORDER BY submitted_at LIMIT 1""")) {
            select.setString(1, feed);
            select.setString(2, source);
            select.setString(3, sha256);
            select.setString(4, batchId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    void started(UUID id) throws SQLException {
        update("UPDATE feed_import SET status = 'VALIDATING', started_at = now(), heartbeat_at = now() WHERE id = ?", id);
    }

    void progress(UUID id, long bytesProcessed, long records) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement(
                        "UPDATE feed_import SET bytes_processed = ?, records = ?, heartbeat_at = now() WHERE id = ?")) {
            update.setLong(1, bytesProcessed);
            update.setLong(2, records);
            update.setObject(3, id);
            update.executeUpdate();
        }
    }

    void status(UUID id, FeedStatus status) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            setStatus(c, id, status);
        }
    }

    /** Finishes a job on the given connection, so that in {@code apply} it commits with the data. */
    void finish(Connection c, UUID id, FeedStatus status, long bytes, long records, FeedCounts counts, long rejected,
            String error) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE feed_import SET status = ?, bytes_processed = ?, records = ?, created = ?, updated = ?,
                    ignored = ?, rejected = ?, error = ?, finished_at = now() WHERE id = ?""")) {
            update.setString(1, status.name());
            update.setLong(2, bytes);
            update.setLong(3, records);
            update.setLong(4, counts.created());
            update.setLong(5, counts.updated());
            update.setLong(6, counts.ignored());
            update.setLong(7, rejected);
            update.setString(8, error);
            update.setObject(9, id);
            update.executeUpdate();
        }
    }

    void finish(UUID id, FeedStatus status, long bytes, long records, FeedCounts counts, long rejected, String error)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            finish(c, id, status, bytes, records, counts, rejected, error);
        }
    }

    /** Keeps the rejected lines of a file, for its summary. */
    void reject(UUID id, List<RejectedLine> rejections) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO feed_rejection (job_id, line, reason) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (RejectedLine rejection : rejections) {
                insert.setObject(1, id);
                insert.setLong(2, rejection.line());
                insert.setString(3, rejection.reason());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Sets the batch id found inside a JSON file; false if that batch was already taken. */
    boolean claimBatchId(UUID id, String batchId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE feed_import SET batch_id = ? WHERE id = ?")) {
            update.setString(1, batchId);
            update.setObject(2, id);
            update.executeUpdate();
            return true;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    void markDuplicate(UUID id, UUID original) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("""
                        UPDATE feed_import SET status = 'DUPLICATE', duplicate_of = ?, finished_at = now() WHERE id = ?""")) {
            update.setObject(1, original);
            update.setObject(2, id);
            update.executeUpdate();
        }
    }

    /** Running imports whose progress stopped moving: their server stopped. */
    int failStalled(Instant before) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("""
                        UPDATE feed_import SET status = 'FAILED', finished_at = now(),
                            error = 'The import stopped (the service restarted); nothing was applied. Send the file again.'
                        WHERE status IN ('RECEIVED', 'VALIDATING', 'APPLYING')
                          AND coalesce(heartbeat_at, submitted_at) < ?""")) {
            update.setTimestamp(1, Timestamp.from(before));
            return update.executeUpdate();
        }
    }

    Optional<FeedJob> find(UUID id, int rejectionsShown) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM feed_import WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(map(rs, rejections(c, id, 0, rejectionsShown)));
            }
        }
    }

    List<FeedJob> list(String feed, String source, int page, int size) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                        + " FROM feed_import WHERE feed = ? AND (? IS NULL OR source = ?)"
                        + " ORDER BY submitted_at DESC, id LIMIT ? OFFSET ?")) {
            select.setString(1, feed);
            select.setString(2, source);
            select.setString(3, source);
            select.setInt(4, size);
            select.setLong(5, (long) page * size);
            List<FeedJob> jobs = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    jobs.add(map(rs, List.of()));
                }
            }
            return jobs;
        }
    }

    long count(String feed, String source) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT count(*) FROM feed_import WHERE feed = ? AND (? IS NULL OR source = ?)")) {
            select.setString(1, feed);
            select.setString(2, source);
            select.setString(3, source);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    List<RejectedLine> rejections(UUID id, int page, int size) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return rejections(c, id, page, size);
        }
    }

    private static List<RejectedLine> rejections(Connection c, UUID id, int page, int size) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT line, reason FROM feed_rejection WHERE job_id = ? ORDER BY line LIMIT ? OFFSET ?")) {
            select.setObject(1, id);
            select.setInt(2, size);
            select.setLong(3, (long) page * size);
            List<RejectedLine> lines = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    lines.add(new RejectedLine(rs.getLong(1), rs.getString(2)));
                }
            }
            return lines;
        }
    }

    private static FeedJob map(ResultSet rs, List<RejectedLine> rejections) throws SQLException {
        long bytes = rs.getLong("bytes");
        long processed = rs.getLong("bytes_processed");
        FeedStatus status = FeedStatus.valueOf(rs.getString("status"));
        int percent = status.finished() ? 100 : bytes == 0 ? 0 : (int) Math.min(99, processed * 100 / bytes);
        return new FeedJob(rs.getObject("id", UUID.class), rs.getString("feed"), rs.getString("source"),
                rs.getString("batch_id"), rs.getString("file_sha256"), bytes, rs.getBoolean("dry_run"), status,
                percent, rs.getLong("records"), rs.getLong("created"), rs.getLong("updated"), rs.getLong("ignored"),
                rs.getLong("rejected"), rs.getString("error"), rs.getObject("duplicate_of", UUID.class),
                rs.getString("submitted_by"), instant(rs, "submitted_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"), rejections);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private void update(String sql, UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setObject(1, id);
            update.executeUpdate();
        }
    }

    private static void setStatus(Connection c, UUID id, FeedStatus status) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE feed_import SET status = ?, heartbeat_at = now() WHERE id = ?")) {
            update.setString(1, status.name());
            update.setObject(2, id);
            update.executeUpdate();
        }
    }
}
