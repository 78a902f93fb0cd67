package org.preventhub.reporting.projection;

import java.sql.SQLException;

/**
 * The database could not take a batch for a reason that says nothing about its events (connection lost, server
 * shutting down, out of connections, serialization failure, timeout, missing privilege): the batch is to be tried
 * again later, its offsets not committed and nothing dead-lettered.
 */
public class ProjectionUnavailable extends Exception {

    public ProjectionUnavailable(Throwable cause) {
        super(describe(cause), cause);
    }

    /**
     * Whether the database refused the statement because of the data it was given: a data exception (SQLState
     * class 22), an integrity constraint violation (23) or a cardinality violation (21). Those are worth trying
     * event by event to find the one at fault; anything else (classes 08, 40, 53, 57, 55, 42, a pool timeout with
     * no SQLState...) would fail for any event and is only worth waiting out.
     */
    static boolean aboutTheData(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    String state = next.getSQLState();
                    if (state != null && state.length() >= 2) {
                        String kind = state.substring(0, 2);
                        return kind.equals("21") || kind.equals("22") || kind.equals("23");
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String describe(Throwable cause) {
        String state = cause instanceof SQLException sql ? sql.getSQLState() : null;
        return "the database is unavailable" + (state == null ? " (" + cause.getClass().getSimpleName() + ")" : " (SQLState " + state + ")");
    }
}
