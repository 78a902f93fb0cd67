package org.preventhub.referral.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.preventhub.referral.support.ReferralApi.refer;
import static org.preventhub.referral.support.ReferralBuilder.aReferral;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.preventhub.testing.Infrastructure;
import org.preventhub.testing.Sql;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The logs are append-only against the service's own database role, not only against honest code. */
@QuarkusTest
class DatabaseRoleTest {

    @Inject
    AgroalDataSource serviceDataSource;

    @ConfigProperty(name = "hub.referral.database.user")
    String serviceUser;

    @ConfigProperty(name = "hub.referral.database.password")
    String servicePassword;

    private Connection asServiceRole() throws SQLException {
        return DriverManager.getConnection(Infrastructure.jdbcUrl(), serviceUser, servicePassword);
    }

    @Test
    void theServiceConnectsAsItsOwnRoleWhichNeitherOwnsTheLogsNorIsASuperuser() throws SQLException {
        try (Connection pooled = serviceDataSource.getConnection();
                Statement statement = pooled.createStatement();
                ResultSet rs = statement.executeQuery("SELECT current_user")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(serviceUser).isNotEqualTo(Infrastructure.databaseUser());
            assertThat(DatabaseRoleGuard.whatLetsThisRoleRewriteTheLogs(pooled)).isEmpty();
        }
        // The owner, which Flyway migrates as, is what the start-up guard refuses.
        try (Connection owner = Sql.connection()) {
            assertThat(DatabaseRoleGuard.whatLetsThisRoleRewriteTheLogs(owner))
                    .anySatisfy(problem -> assertThat(problem).contains("superuser"))
                    .anySatisfy(problem -> assertThat(problem).contains("owns access_log"));
        }
    }

    @Test
    void theServiceRoleCannotUpdateDeleteTruncateOrDisableTheTriggersOfTheLogs() throws SQLException {
        UUID referral = refer("db-role-school", aReferral().build());
        Sql.update("INSERT INTO erasure_log (referral_id, erased_at, retain_until, rule) VALUES (?, now(), current_date, 'test')",
                referral);
        long logRows = Sql.count("SELECT count(*) FROM access_log");
        long erasures = Sql.count("SELECT count(*) FROM erasure_log");

        try (Connection service = asServiceRole()) {
            for (String table : List.of("access_log", "erasure_log")) {
                for (String attack : List.of(
                        "UPDATE " + table + " SET referral_id = NULL",
                        "DELETE FROM " + table,
                        "TRUNCATE " + table,
                        "ALTER TABLE " + table + " DISABLE TRIGGER ALL",
                        "ALTER TABLE " + table + " DISABLE TRIGGER USER",
                        "DROP TRIGGER " + (table.equals("access_log") ? "access_log_no_change" : "erasure_log_no_change")
                                + " ON " + table,
                        "DROP TABLE " + table)) {
                    assertThatThrownBy(() -> execute(service, attack)).as(attack)
                            .isInstanceOf(SQLException.class)
                            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(attack).isEqualTo("42501"));
                }
            }
            // What it needs still works: appending to and reading the log, and ordinary changes elsewhere.
            try (Statement statement = service.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT has_table_privilege('access_log', 'INSERT'), "
                            + "has_table_privilege('access_log', 'SELECT'), has_table_privilege('erasure_log', 'INSERT'), "
                            + "has_table_privilege('referral', 'UPDATE'), has_table_privilege('referral_step', 'DELETE'), "
                            + "has_table_privilege('flyway_schema_history', 'SELECT')")) {
                rs.next();
                assertThat(List.of(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5),
                        rs.getBoolean(6))).containsExactly(true, true, true, true, true, false);
            }
        }
        assertThat(Sql.count("SELECT count(*) FROM access_log")).isGreaterThanOrEqualTo(logRows);
        assertThat(Sql.count("SELECT count(*) FROM erasure_log")).isEqualTo(erasures);
        assertThat(Sql.count("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'erasure_log'::regclass AND tgenabled = 'O'"))
                .isEqualTo(2);
    }

    @Test
    void evenTheOwnerCannotChangeAnErasureRecord() {
        UUID referral = UUID.randomUUID();
        Sql.update("INSERT INTO erasure_log (referral_id, erased_at, retain_until, rule) VALUES (?, now(), current_date, 'test')",
                referral);
        assertThatThrownBy(() -> Sql.update("UPDATE erasure_log SET rule = 'other' WHERE referral_id = ?", referral))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> Sql.update("DELETE FROM erasure_log WHERE referral_id = ?", referral))
                .hasStackTraceContaining("append-only");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
