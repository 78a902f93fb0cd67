package org.preventhub.platform.feed;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * For handlers that change the service's data best with set-based SQL over the whole file: the checked records are
 * COPYed into {@code feed_staged_row (job_id, line, natural_key, data jsonb)} in the import's transaction, and once
 * every line has passed, {@code preview} (a dry run) or {@code apply} works on them there through
 * {@link FeedBatch#connection()}. The staged rows never outlive the transaction.
 */
public final class StagedFeedWriter<T> implements FeedWriter<T> {

    /** Set-based work over the staged rows of {@link FeedBatch#jobId()}, answering what it changed or would change. */
    @FunctionalInterface
    public interface SetBased {
        FeedCounts run(FeedBatch batch) throws SQLException;
    }

    private final FeedBatch batch;
    private final SetBased preview;
    private final SetBased apply;
    private final ObjectMapper json;
    private final String jobId;

    private StagedFeedWriter(FeedBatch batch, SetBased preview, SetBased apply) {
        this.batch = batch;
        this.preview = preview;
        this.apply = apply;
        this.json = batch.mapper();
        this.jobId = batch.jobId().toString();
    }

    /**
     * @param preview counts what {@code apply} would create, update and leave unchanged (a dry run)
     * @param apply changes the service's data and records the outbox events, answering the real counts
     */
    public static <T> StagedFeedWriter<T> of(FeedBatch batch, SetBased preview, SetBased apply) {
        return new StagedFeedWriter<>(batch, preview, apply);
    }

    @Override
    public FeedWrite prepare(List<CheckedRecord<T>> records, Connection committed) {
        StringBuilder rows = new StringBuilder(records.size() * 256);
        try {
            for (CheckedRecord<T> record : records) {
                rows.append(jobId).append('\t').append(record.line()).append('\t');
                CopyText.appendNullable(rows, record.naturalKey());
                rows.append('\t');
                CopyText.append(rows, json.writeValueAsString(record.value()));
                rows.append('\n');
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A checked record cannot be written as JSON", e);
        }
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        return connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY feed_staged_row (job_id, line, natural_key, data) FROM STDIN");
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        };
    }

    @Override
    public FeedCounts finish() throws SQLException {
        if (batch.dryRun()) {
            return preview.run(batch);
        }
        FeedCounts counts = apply.run(batch);
        try (PreparedStatement delete = batch.connection().prepareStatement("DELETE FROM feed_staged_row WHERE job_id = ?")) {
            delete.setObject(1, batch.jobId());
            delete.executeUpdate();
        }
        return counts;
    }
}
