package org.preventhub.platform.feed;

import java.sql.SQLException;
import java.util.List;

/**
 * A kind of council data feed a service takes (training attendance, community events...). Implement it as an
 * {@code @ApplicationScoped} bean; {@link FeedImports} does the rest of the feed contract: streaming the upload to
 * disk, recognising a file or batch sent twice, parsing CSV and JSON, progress, reporting every rejected line,
 * dry runs, and applying a file whole or not at all.
 *
 * <p>Processing has three steps. {@link #stage} checks each record on its own, without the database, and maps the
 * sender's codes; lines with the same natural key are then reported as duplicates. If no line was rejected,
 * a dry run ends with {@link #preview}, counting what would change; a real run goes straight to {@link #apply}, which
 * changes it (and counts what it changed) in one transaction for the whole file, together with the outbox events
 * the change needs.
 */
public interface FeedHandler {

    /** The feed's name in URLs: {@code /feeds/{name}/imports}. */
    String name();

    String description();

    /** The fields of a record; any other field in a file is rejected, so typos do not pass silently. */
    List<FeedField> fields();

    StagedRecord stage(FeedRecord record, FeedContext context) throws FeedRejection;

    /**
     * Counts what applying the batch would create, update or leave unchanged, over the batch's JDBC connection in a
     * read-only transaction.
     */
    FeedCounts preview(FeedBatch batch) throws SQLException;

    /**
     * Applies the batch and records its outbox events, in one JTA transaction: the batch's connection and the
     * EntityManager (and so {@code Outbox}) share it, and it also marks the import applied.
     */
    FeedCounts apply(FeedBatch batch) throws SQLException;
}
