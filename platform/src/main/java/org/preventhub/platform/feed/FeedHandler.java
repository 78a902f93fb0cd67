package org.preventhub.platform.feed;

import java.sql.SQLException;
import java.util.List;

/**
 * A kind of council data feed a service takes (training attendance, community events...). Implement it as an
 * {@code @ApplicationScoped} bean; {@link FeedImports} does the rest of the feed contract: streaming the upload to
 * disk, recognising a file or batch sent twice, parsing CSV and JSON, duplicate lines, progress, reporting every
 * rejected line, dry runs, and applying a file whole or not at all.
 *
 * <p>{@link #check} looks at each record on its own, without the database, and maps the sender's codes. The records
 * that pass go, in line order and in chunks, to the {@link FeedWriter} that {@link #writer} opens in the import's
 * transaction, while later lines are still being checked. If any line is rejected, or two lines share a natural key,
 * the transaction is rolled back and the file is reported instead; a dry run is always rolled back.
 *
 * @param <T> what a checked record holds
 */
public interface FeedHandler<T> {

    /** The feed's name in URLs: {@code /feeds/{name}/imports}. */
    String name();

    String description();

    /** The fields of a record; any other field in a file is rejected, so typos do not pass silently. */
    List<FeedField> fields();

    CheckedRecord<T> check(FeedRecord record, FeedContext context) throws FeedRejection;

    /**
     * Opens the writer of one file, in the import's JTA transaction: {@code batch.connection()} and the
     * EntityManager (and so {@code Outbox}) share it, and it also marks the import applied. Handlers that work best
     * on the whole file at once with set-based SQL return a {@link StagedFeedWriter}.
     */
    FeedWriter<T> writer(FeedBatch batch) throws SQLException;
}
