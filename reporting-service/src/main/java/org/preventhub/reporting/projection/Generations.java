package org.preventhub.reporting.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * The two projection schemas: the active one answers queries and takes live events; the other is where a
 * rebuild happens, and becomes active when it is complete.
 */
@ApplicationScoped
public class Generations {

    public static final List<String> SCHEMAS = List.of("projection_a", "projection_b");
    public static final List<String> TABLES = List.of("processed_event", "course_dim", "session_fact", "booking_fact",
            "attendance_fact", "completion_fact", "evaluation_fact", "referral_fact", "engagement_event_fact",
            "communication_fact", "organisation_dim", "governance_meeting_fact", "document_fact", "document_review_fact",
            "action_arising_fact", "self_assessment_fact", "funding_fact", "project_fact");

    private final AgroalDataSource dataSource;
    private volatile String active;

    public Generations(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String active() {
        String schema = active;
        if (schema == null) {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement select = c.prepareStatement("SELECT active_schema FROM projection_state WHERE id = 1");
                    ResultSet rs = select.executeQuery()) {
                rs.next();
                schema = rs.getString(1);
                active = schema;
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read the active projection", e);
            }
        }
        return schema;
    }

    public String inactive() {
        return SCHEMAS.get(0).equals(active()) ? SCHEMAS.get(1) : SCHEMAS.get(0);
    }

    /** Makes {@code schema} the one that answers, in the caller's transaction. */
    void activate(Connection c, String schema) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE projection_state SET active_schema = ? WHERE id = 1")) {
            update.setString(1, schema);
            update.executeUpdate();
        }
    }

    void activated(String schema) {
        active = schema;
    }

    static void truncate(Connection c, String schema) throws SQLException {
        try (var statement = c.createStatement()) {
            statement.execute("TRUNCATE " + String.join(", ", TABLES.stream().map(t -> schema + "." + t).toList()));
        }
    }
}
