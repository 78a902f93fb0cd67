package org.preventhub.platform.feed;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Takes one file's checked records (see {@link FeedHandler#writer}) in two steps, so that the work is shared by two
 * threads, and the two cores of a small server: {@link #prepare} runs on the checking thread, and the
 * {@link FeedWrite} it makes runs on the writing thread, in the import's transaction, while later lines are checked.
 * The writing thread then does nothing but send to the database what is ready to write.
 */
public interface FeedWriter<T> {

    /**
     * Works out what the next records of the file change, counts them, and prepares their writing.
     *
     * @param records the next records, in line order
     * @param committed a connection of its own, for lookups: it sees the service's committed data, not what the
     *            import's transaction has written so far (a file with two lines for one record is rejected, whatever
     *            became of them here)
     * @return what the writing thread writes; in a dry run ({@link FeedBatch#dryRun()}) it may write nothing
     */
    FeedWrite prepare(List<CheckedRecord<T>> records, Connection committed) throws SQLException;

    /**
     * On the writing thread, once every line has passed and the last {@link FeedWrite} is written: finishes the file
     * (its summary event, say) through {@link FeedBatch#connection()} and answers what it created, updated and left
     * unchanged. Never called for a file that is rejected.
     */
    FeedCounts finish() throws SQLException;
}
