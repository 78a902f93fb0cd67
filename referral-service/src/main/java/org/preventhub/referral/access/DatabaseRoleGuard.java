package org.preventhub.referral.access;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.preventhub.referral.config.ReferralConfig;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * The access and erasure logs are append-only only if the service's own database role cannot get round it: a
 * superuser, the tables' owner (who can disable their triggers) or any role with UPDATE, DELETE, TRUNCATE or
 * TRIGGER on them could rewrite the evidence. A deployment that connects as such a role (typically by passing
 * the owner's credentials) is refused at start rather than run with a log that only looks append-only.
 */
@ApplicationScoped
public class DatabaseRoleGuard {

    private static final Logger LOG = Logger.getLogger(DatabaseRoleGuard.class);
    static final List<String> LOGS = List.of("access_log", "erasure_log");

    private final AgroalDataSource dataSource;
    private final ReferralConfig config;

    public DatabaseRoleGuard(AgroalDataSource dataSource, ReferralConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        List<String> problems;
        try (Connection connection = dataSource.getConnection()) {
            problems = whatLetsThisRoleRewriteTheLogs(connection);
        }
        if (problems.isEmpty()) {
            return;
        }
        String message = "The service's database role can rewrite its own access log (" + String.join("; ", problems)
                + "). Connect as the service role (REFERRAL_DB_USER, default referral_app), not as the schema owner.";
        if (config.database().refusePrivilegedUser()) {
            throw new IllegalStateException(message);
        }
        LOG.error(message);
    }

    /** @return why the connection's role could change or empty the logs; empty when it can only append */
    public static List<String> whatLetsThisRoleRewriteTheLogs(Connection connection) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")) {
                if (rs.next() && rs.getBoolean(2)) {
                    problems.add("role " + rs.getString(1) + " is a superuser");
                }
            }
            for (String table : LOGS) {
                try (ResultSet rs = statement.executeQuery("SELECT pg_has_role(c.relowner, 'MEMBER'), "
                        + "has_table_privilege(c.oid, 'UPDATE, DELETE, TRUNCATE, TRIGGER') FROM pg_class c "
                        + "WHERE c.oid = '" + table + "'::regclass")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        problems.add("it owns " + table + " (or may act as its owner)");
                    } else if (rs.getBoolean(2)) {
                        problems.add("it may update, delete, truncate or add triggers to " + table);
                    }
                }
            }
        }
        return problems;
    }
}
