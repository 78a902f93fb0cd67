package org.preventhub.platform.feed;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The natural keys of one file and the lines they are on, streamed by COPY into a temporary table on a connection
 * of their own while the file is checked, so that lines repeating a record are found however far apart they are,
 * without holding the keys in memory and without slowing the connection that writes the file.
 */
final class NaturalKeys implements AutoCloseable {

    interface Repeat {
        void found(long line, long firstLine) throws SQLException;
    }

    private static final int BUFFER = 256 * 1024;

    private final Connection connection;
    private final CopyIn copy;
    private final StringBuilder rows = new StringBuilder(BUFFER + 1024);

    static NaturalKeys open(DataSource dataSource, String workMem) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            return new NaturalKeys(connection, workMem);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private NaturalKeys(Connection connection, String workMem) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        try (Statement create = connection.createStatement();
                PreparedStatement memory = connection.prepareStatement("SELECT set_config('work_mem', ?, true)")) {
            // Temporary: written without WAL, seen by this session only, gone at the end of the transaction.
            create.execute("CREATE TEMPORARY TABLE feed_natural_key (line bigint NOT NULL, natural_key text NOT NULL) ON COMMIT DROP");
            memory.setString(1, workMem);
            memory.execute();
        }
        copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY feed_natural_key FROM STDIN");
    }

    void add(long line, String naturalKey) throws SQLException {
        if (naturalKey == null) {
            return;
        }
        rows.append(line).append('\t');
        CopyText.append(rows, naturalKey);
        rows.append('\n');
        if (rows.length() >= BUFFER) {
            flush();
        }
    }

    /** Every line whose key an earlier line has, in line order, with the first line that has it. */
    void repeats(Repeat repeat) throws SQLException {
        flush();
        copy.endCopy();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT line, first_line FROM (
                    SELECT line, min(line) OVER (PARTITION BY natural_key) AS first_line FROM feed_natural_key) lines
                WHERE line <> first_line ORDER BY line""");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                repeat.found(rs.getLong(1), rs.getLong(2));
            }
        }
    }

    private void flush() throws SQLException {
        if (!rows.isEmpty()) {
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            rows.setLength(0);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            connection.rollback();
            connection.setAutoCommit(true);
        } finally {
            connection.close();
        }
    }
}
