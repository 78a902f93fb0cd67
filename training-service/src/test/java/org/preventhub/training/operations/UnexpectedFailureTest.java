package org.preventhub.training.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.preventhub.training.support.AttendeeBuilder.anAttendee;
import static org.preventhub.training.support.SessionBuilder.aSession;
import static org.preventhub.training.support.TrainingApi.as;
import static org.preventhub.training.support.TrainingApi.asTrainer;
import static org.preventhub.training.support.TrainingApi.createCourse;
import static org.preventhub.training.support.TrainingApi.scheduleSession;

import java.sql.Connection;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.Sql;
import org.preventhub.training.support.CourseBuilder;
import org.preventhub.training.support.LogCapture;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Failures the service did not expect, provoked in the real database (a trigger raising an error, as a broken
 * deployment or a bug would): the caller gets a problem document to quote, and neither the answer nor the logs
 * carry internals or the personal data PostgreSQL quotes in its error details.
 */
@QuarkusTest
class UnexpectedFailureTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void removeTriggers() {
        Sql.update("DROP TRIGGER IF EXISTS test_course_fails ON course");
        Sql.update("DROP TRIGGER IF EXISTS test_booking_races ON booking");
        Sql.update("DROP FUNCTION IF EXISTS test_course_fails()");
        Sql.update("DROP FUNCTION IF EXISTS test_booking_races()");
    }

    @Test
    void anUnexpectedFailureAnswers500WithAnErrorIdAndNoInternals() {
        String code = "BOOM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Sql.update("""
                CREATE FUNCTION test_course_fails() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.code LIKE 'BOOM-%' THEN
                        RAISE EXCEPTION 'disk quota exceeded in relation course_internal'
                            USING ERRCODE = 'XX000', DETAIL = 'Failing row contains (boom.person@example.org)',
                                  HINT = 'SELECT secret FROM pg_authid';
                    END IF;
                    RETURN NEW;
                END $$""");
        Sql.update("CREATE TRIGGER test_course_fails BEFORE INSERT ON course FOR EACH ROW EXECUTE FUNCTION test_course_fails()");

        Response response;
        try (LogCapture logs = LogCapture.start()) {
            response = asTrainer().body(CourseBuilder.aCourse().code(code).build()).post("/courses");
            String errorId = response.then().statusCode(500)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:prevent-hub:problem:internal"))
                    .body("status", equalTo(500))
                    .body("instance", equalTo("/courses"))
                    .body("errorId", matchesPattern(UUID_PATTERN))
                    .extract().path("errorId");
            assertThat(response.jsonPath().getString("detail")).contains(errorId);
            assertThat(response.asString()).doesNotContain("quota", "course_internal", "boom.person", "SELECT", "insert",
                    "Exception", "org.", "java.", "hibernate", "postgresql", "\tat ");

            // The error id leads to the full story in the logs, which still hold no personal data.
            assertThat(logs.all()).contains(errorId).contains("disk quota exceeded").doesNotContain("boom.person@example.org");
        }
        assertThat(Sql.count("SELECT count(*) FROM course WHERE code = ?", code)).isZero();
        assertThat(Sql.count("SELECT count(*) FROM outbox_event WHERE payload->>'code' = ?", code)).isZero();
    }

    @Test
    void aDuplicateEmailCaughtByTheDatabaseLeaksTheEmailNeitherToTheCallerNorToTheLogs() throws Exception {
        UUID session = scheduleSession(aSession(createCourse()).build());
        String email = "race." + UUID.randomUUID() + "@example.org";
        // What PostgreSQL sends when two transactions race for the same email (the service's own check runs under the
        // session lock, so a real race needs a second writer; the error it gets is exactly this one).
        Sql.update("""
                CREATE FUNCTION test_booking_races() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.session_id = '%s' THEN
                        RAISE EXCEPTION 'duplicate key value violates unique constraint "booking_one_live_per_email"'
                            USING ERRCODE = 'unique_violation', CONSTRAINT = 'booking_one_live_per_email',
                                  DETAIL = 'Key (session_id, email_index)=(' || NEW.session_id || ', '
                                           || NEW.email_index || ') already exists.';
                    END IF;
                    RETURN NEW;
                END $$""".formatted(session));
        Sql.update("CREATE TRIGGER test_booking_races BEFORE INSERT ON booking FOR EACH ROW EXECUTE FUNCTION test_booking_races()");

        try (LogCapture logs = LogCapture.start()) {
            Response response = as(Roles.BOOKING).body(anAttendee().email(email).build()).post("/sessions/" + session + "/bookings");
            response.then().statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("urn:prevent-hub:problem:already-booked"));
            assertThat(response.asString()).doesNotContain(email, "Key (", "email_index");
            assertThat(logs.all()).doesNotContain(email);
        }
        assertThat(Sql.count("SELECT count(*) FROM booking WHERE session_id = ?", session)).isZero();

        // The driver itself is told to keep server details out of its messages.
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.unwrap(BaseConnection.class).getLogServerErrorDetail()).isFalse();
        }
    }
}
