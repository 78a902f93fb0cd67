package org.preventhub.training.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.preventhub.training.support.AttendeeBuilder.anAttendee;
import static org.preventhub.training.support.SessionBuilder.aSession;
import static org.preventhub.training.support.TrainingApi.as;
import static org.preventhub.training.support.TrainingApi.createCourse;
import static org.preventhub.training.support.TrainingApi.scheduleSession;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A retried booking gets its first answer back, secret included, though the service never stores the secret. */
@QuarkusTest
class IdempotentBookingTest {

    @Test
    void aRetriedBookingReplaysItsSecretWhichTheKeyStoreHoldsOnlySealed() {
        UUID session = scheduleSession(aSession(createCourse()).build());
        String key = "booking-site-" + UUID.randomUUID();
        var attendee = anAttendee().name("Ottoline Brackenbury").email("ottoline." + UUID.randomUUID() + "@example.org").build();

        Response first = as(Roles.BOOKING).header("Idempotency-Key", key).body(attendee).post("/sessions/" + session + "/bookings");
        Response retry = as(Roles.BOOKING).header("Idempotency-Key", key).body(attendee).post("/sessions/" + session + "/bookings");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
        String secret = first.jsonPath().getString("cancellationSecret");
        assertThat(secret).isNotBlank();
        assertThat(Sql.count("SELECT count(*) FROM booking WHERE session_id = ?", session)).isEqualTo(1);

        // What someone reading the table finds: neither the key, nor the secret, nor who booked.
        List<Map<String, Object>> rows = Sql.rows("SELECT * FROM idempotency_record WHERE scope LIKE ?",
                "% POST /sessions/" + session + "/bookings");
        assertThat(rows).hasSize(1);
        String stored = rows.get(0).toString();
        assertThat(stored).doesNotContain(secret, key, attendee.email(), attendee.name(), "Ottoline",
                first.jsonPath().getString("reference"));
        assertThat(rows.get(0).get("body").toString()).startsWith("v2:");
        assertThat(rows.get(0).get("idem_key").toString()).hasSize(64);

        // The replayed secret is the real one: it cancels the booking.
        as(Roles.BOOKING).body(Map.of("secret", retry.jsonPath().getString("cancellationSecret")))
                .post("/bookings/" + retry.jsonPath().getString("reference") + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        // Another caller with the same key gets its own booking, not the first answer.
        Response other = as(Roles.TRAINER).header("Idempotency-Key", key).body(attendee).post("/sessions/" + session + "/bookings");
        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(other.header("Idempotent-Replayed")).isNull();
        assertThat(other.jsonPath().getString("id")).isNotEqualTo(first.jsonPath().getString("id"));
    }

    @Test
    void aDifferentBodyWithTheSameKeyIsStillRefused() {
        UUID session = scheduleSession(aSession(createCourse()).build());
        String key = UUID.randomUUID().toString();
        as(Roles.BOOKING).header("Idempotency-Key", key).body(anAttendee().build()).post("/sessions/" + session + "/bookings")
                .then().statusCode(201);
        as(Roles.BOOKING).header("Idempotency-Key", key).body(anAttendee().build()).post("/sessions/" + session + "/bookings")
                .then().statusCode(422).body("type", equalTo("urn:prevent-hub:problem:idempotency-key-reused"));
        assertThat(Sql.count("SELECT count(*) FROM booking WHERE session_id = ?", session)).isEqualTo(1);
    }
}
