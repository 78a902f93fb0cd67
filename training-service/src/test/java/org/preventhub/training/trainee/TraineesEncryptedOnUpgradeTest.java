package org.preventhub.training.trainee;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.preventhub.testing.infra.PostgresServer;
import org.preventhub.testing.infra.TestInfrastructure;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A database of the version before trainees were encrypted, holding bookings, marks and comments in clear, is
 * upgraded by the service's migrations: every value is encrypted with the service's keys, findable by its keyed
 * hash, and the text is gone.
 */
@QuarkusTest
class TraineesEncryptedOnUpgradeTest {

    @Inject
    TraineesEncrypted encryption;

    @Inject
    PersonalData personal;

    private static Flyway flyway(String url, String target, TraineesEncrypted encryption) {
        var configuration = Flyway.configure().dataSource(url, PostgresServer.USER, "")
                .locations("classpath:db/platform", "classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        if (encryption != null) {
            configuration.javaMigrations(encryption.migration());
        }
        return configuration.load();
    }

    @Test
    void traineesHeldInClearBeforeThisVersionAreEncryptedByTheUpgradeAndTheirTextIsGone() throws SQLException {
        String database = "upgrade_" + UUID.randomUUID().toString().substring(0, 8);
        TestInfrastructure.postgres().createDatabase(database);
        String url = TestInfrastructure.postgres().jdbcUrl(database);
        flyway(url, "2026.12.08.12", null).migrate();
        UUID course = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        UUID booking = UUID.randomUUID();
        UUID mark = UUID.randomUUID();
        UUID walkIn = UUID.randomUUID();
        UUID evaluation = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, "")) {
            update(c, """
                    INSERT INTO course (id, code, title, priority, audience, duration_minutes, active, version, created_at, updated_at)
                    VALUES (?, 'WRAP', 'WRAP', 'AWARENESS_LEARNING', 'Everyone', 90, true, 0, now(), now())""", course);
            update(c, """
                    INSERT INTO training_session (id, course_id, starts_at, ends_at, mode, venue, area, capacity, access,
                        audience_sector, status, version, created_at, updated_at, created_by)
                    VALUES (?, ?, now() - interval '2 days', now() - interval '47 hours', 'IN_PERSON', 'Shire Hall', 'warwick',
                        20, 'OPEN', 'EDUCATION', 'SCHEDULED', 0, now(), now(), 'trainer')""", session, course);
            update(c, """
                    INSERT INTO booking (id, session_id, reference, secret_hash, attendee_name, attendee_email, organisation,
                        sector, job_role, status, channel, booked_by, created_at, booked_at, version)
                    VALUES (?, ?, 'UPGRADE1', 'x', 'Perpetua Hollis', 'perpetua.hollis@example.org', 'Hollis Academy',
                        'EDUCATION', 'Teacher', 'CONFIRMED', 'WEB', 'booking-website', now(), now(), 0)""", booking, session);
            update(c, """
                    INSERT INTO attendance (id, session_id, booking_id, attendee_name, attendee_email, organisation, sector,
                        job_role, attended, walk_in, recorded_at, recorded_by, correction_reason, version)
                    VALUES (?, ?, ?, 'Perpetua Hollis', 'perpetua.hollis@example.org', 'Hollis Academy', 'EDUCATION',
                        'Teacher', true, false, now(), 'trainer', 'Signed in for Perpetua Hollis late', 0)""", mark, session,
                    booking);
            update(c, """
                    INSERT INTO attendance (id, session_id, attendee_name, sector, attended, walk_in, recorded_at,
                        recorded_by, version)
                    VALUES (?, ?, 'Walker Penhaligon', 'HEALTH', true, true, now(), 'trainer', 0)""", walkIn, session);
            update(c, """
                    INSERT INTO evaluation (id, attendance_id, session_id, course_id, understands_concern,
                        confidence_before, confidence_after, usefulness, comments, submitted_via, submitted_by, submitted_at)
                    VALUES (?, ?, ?, ?, true, 2, 4, 5, 'Perpetua says thanks', 'ATTENDEE', 'booking-website', now())""",
                    evaluation, mark, session, course);
        }

        flyway(url, "2026.12.08.13", encryption).migrate();
        // Before the text columns are dropped, the rows no longer hold the text (dropping a column does not rewrite
        // the rows that still hold it).
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, "")) {
            assertThat(text(c, "SELECT id::text FROM booking WHERE attendee_name IS NOT NULL OR attendee_email IS NOT NULL "
                    + "OR organisation IS NOT NULL OR job_role IS NOT NULL UNION ALL SELECT id::text FROM attendance "
                    + "WHERE attendee_name IS NOT NULL OR correction_reason IS NOT NULL UNION ALL SELECT id::text FROM "
                    + "evaluation WHERE comments IS NOT NULL")).isEmpty();
        }
        flyway(url, null, encryption).migrate();

        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, "")) {
            for (String table : List.of("booking", "attendance", "evaluation")) {
                assertThat(text(c, "SELECT t::text FROM " + table + " t")).as(table)
                        .noneMatch(row -> row.contains("Perpetua") || row.contains("Hollis") || row.contains("Penhaligon")
                                || row.contains("Teacher"));
            }
            assertThat(text(c, "SELECT column_name FROM information_schema.columns WHERE table_name IN ('booking', "
                    + "'attendance', 'evaluation') AND column_name IN ('attendee_name', 'attendee_email', 'organisation', "
                    + "'job_role', 'comments', 'correction_reason')")).isEmpty();
            List<String> bookingRow = row(c, "SELECT attendee_name_enc, attendee_email_enc, organisation_enc, job_role_enc, "
                    + "email_index, name_index FROM booking WHERE id = ?", booking);
            String context = "booking/" + booking + "/";
            assertThat(personal.open(bookingRow.get(0), context + "name")).isEqualTo("Perpetua Hollis");
            assertThat(personal.open(bookingRow.get(1), context + "email")).isEqualTo("perpetua.hollis@example.org");
            assertThat(personal.open(bookingRow.get(2), context + "organisation")).isEqualTo("Hollis Academy");
            assertThat(personal.open(bookingRow.get(3), context + "jobRole")).isEqualTo("Teacher");
            assertThat(bookingRow.get(4)).isEqualTo(personal.emailIndex("Perpetua.Hollis@example.org"));
            assertThat(bookingRow.get(5)).isEqualTo(personal.nameIndex("perpetua hollis"));
            List<String> markRow = row(c, "SELECT attendee_name_enc, correction_reason_enc FROM attendance WHERE id = ?", mark);
            assertThat(personal.open(markRow.get(1), "attendance/" + mark + "/correctionReason"))
                    .isEqualTo("Signed in for Perpetua Hollis late");
            List<String> walkInRow = row(c, "SELECT attendee_name_enc, attendee_email_enc, email_index FROM attendance "
                    + "WHERE id = ?", walkIn);
            assertThat(personal.open(walkInRow.get(0), "attendance/" + walkIn + "/name")).isEqualTo("Walker Penhaligon");
            assertThat(walkInRow.get(1)).isNull();
            assertThat(walkInRow.get(2)).isNull();
            assertThat(personal.open(row(c, "SELECT comments_enc FROM evaluation WHERE id = ?", evaluation).get(0),
                    "evaluation/" + evaluation + "/comments")).isEqualTo("Perpetua says thanks");
        }
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }

    private static List<String> text(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement statement = c.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static List<String> row(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    values.add(rs.getString(i));
                }
                return values;
            }
        }
    }
}
