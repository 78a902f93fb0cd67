package org.preventhub.platform.feed;

import java.sql.Connection;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

/** One file being written, as its {@link FeedWriter} sees it. */
public final class FeedBatch {

    private final UUID jobId;
    private final String source;
    private final boolean dryRun;
    private final Connection connection;
    private final ObjectMapper mapper;

    FeedBatch(UUID jobId, String source, boolean dryRun, Connection connection, ObjectMapper mapper) {
        this.jobId = jobId;
        this.source = source;
        this.dryRun = dryRun;
        this.connection = connection;
        this.mapper = mapper;
    }

    public UUID jobId() {
        return jobId;
    }

    public String source() {
        return source;
    }

    /** A dry run is rolled back whatever the writer does; the writer only has to count. */
    public boolean dryRun() {
        return dryRun;
    }

    /** The connection of the import's transaction: what is written through it commits or rolls back with the file. */
    public Connection connection() {
        return connection;
    }

    ObjectMapper mapper() {
        return mapper;
    }
}
