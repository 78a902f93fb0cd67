package org.preventhub.platform.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The staged records of one file, handed to {@link FeedHandler#preview} and {@link FeedHandler#apply}.
 * A handler reads them in chunks (memory stays flat whatever the file size) or, faster, works on the
 * {@code feed_staged_row} table with set-based SQL through {@link #connection()}.
 */
public final class FeedBatch {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final UUID jobId;
    private final String source;
    private final Connection connection;
    private final ObjectMapper mapper;

    FeedBatch(UUID jobId, String source, Connection connection, ObjectMapper mapper) {
        this.jobId = jobId;
        this.source = source;
        this.connection = connection;
        this.mapper = mapper;
    }

    public UUID jobId() {
        return jobId;
    }

    public String source() {
        return source;
    }

    /**
     * The connection of the current transaction: in {@code apply}, what is written through it commits or rolls
     * back with the file. Staged rows are in {@code feed_staged_row (job_id, line, natural_key, data jsonb)}.
     */
    public Connection connection() {
        return connection;
    }

    /** Reads the staged records in line order, {@code size} at a time. */
    public void forEachChunk(int size, Consumer<List<StagedRecord>> consumer) {
        long after = 0;
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT line, natural_key, data::text FROM feed_staged_row
                WHERE job_id = ? AND line > ? ORDER BY line LIMIT ?""")) {
            while (true) {
                select.setObject(1, jobId);
                select.setLong(2, after);
                select.setInt(3, size);
                List<StagedRecord> chunk = new ArrayList<>(size);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        chunk.add(new StagedRecord(rs.getLong(1), rs.getString(2), mapper.readValue(rs.getString(3), MAP)));
                    }
                }
                if (chunk.isEmpty()) {
                    return;
                }
                consumer.accept(chunk);
                after = chunk.get(chunk.size() - 1).line();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the staged records of import " + jobId, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
