package org.preventhub.reporting.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import org.preventhub.testing.infra.PostgresServer;
import org.preventhub.testing.infra.TestInfrastructure;

/**
 * The service's database out of reach, for real: no new connection is accepted (the server answers "database is
 * not currently accepting connections") and every open one is terminated, as on a failover or a restart. Closing
 * it lets connections in again. Sessions named in {@code spare} are left alone (a test's own lock holder).
 */
public final class DatabaseOutage implements AutoCloseable {

    private final Connection admin;

    private DatabaseOutage(Connection admin) {
        this.admin = admin;
    }

    public static DatabaseOutage begin(int... spare) {
        try {
            Connection admin = DriverManager.getConnection(TestInfrastructure.postgres().jdbcUrl("postgres"), PostgresServer.USER, "");
            try (Statement statement = admin.createStatement()) {
                statement.execute("ALTER DATABASE " + TestInfrastructure.DATABASE + " WITH ALLOW_CONNECTIONS false");
            }
            try (PreparedStatement terminate = admin.prepareStatement("""
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                    WHERE datname = ? AND pid <> pg_backend_pid() AND NOT (pid = ANY(?))""")) {
                terminate.setString(1, TestInfrastructure.DATABASE);
                terminate.setArray(2, admin.createArrayOf("int4", java.util.Arrays.stream(spare).boxed().toArray()));
                terminate.execute();
            }
            return new DatabaseOutage(admin);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the database away", e);
        }
    }

    @Override
    public void close() {
        try (admin; Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + TestInfrastructure.DATABASE + " WITH ALLOW_CONNECTIONS true");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot give the database back", e);
        }
    }
}
