package org.preventhub.platform.feed;

import java.sql.Connection;
import java.sql.SQLException;

/** Writes that {@link FeedWriter#prepare} made ready, run on the writing thread in the import's transaction. */
@FunctionalInterface
public interface FeedWrite {

    FeedWrite NOTHING = connection -> {
    };

    void writeTo(Connection connection) throws SQLException;
}
