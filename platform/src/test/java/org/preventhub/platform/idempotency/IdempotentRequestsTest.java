package org.preventhub.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.preventhub.platform.testapp.NotesApi.as;
import static org.preventhub.platform.testapp.NotesApi.note;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The Idempotency-Key contract where it lives: replay, conflict, per caller, sealed storage, concurrent retries
 * (training-service's IdempotentBookingTest shows the same for a booking and its secret).
 */
@QuarkusTest
class IdempotentRequestsTest {

    private static long notesWith(String text) {
        return Sql.count("SELECT count(*) FROM note WHERE text = ?", text);
    }

    @Test
    void aRetryGetsTheFirstAnswerBackWhichTheKeyStoreHoldsOnlySealed() {
        String key = "client-" + UUID.randomUUID();
        String text = "Ottoline Brackenbury " + UUID.randomUUID();

        Response first = as(Roles.TRAINER).header("Idempotency-Key", key).body(note(text)).post("/notes");
        Response retry = as(Roles.TRAINER).header("Idempotency-Key", key).body(note(text)).post("/notes");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
        assertThat(notesWith(text)).isEqualTo(1);
        assertThat(Sql.count("SELECT count(*) FROM outbox_event WHERE aggregateid = ?", first.jsonPath().getString("id")))
                .isEqualTo(1);

        // What someone reading the table finds: neither the key nor what was written (the Location is kept as it is).
        List<Map<String, Object>> rows = Sql.rows("SELECT * FROM idempotency_record WHERE scope LIKE ?", "% POST /notes");
        assertThat(rows).isNotEmpty();
        assertThat(rows.toString()).doesNotContain(key, text, "Ottoline");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("body").toString()).startsWith("v2:");
            assertThat(row.get("idem_key").toString()).hasSize(64);
        });

        // Another caller with the same key gets its own note, not the first answer.
        Response other = as(Roles.PREVENT_LEAD).header("Idempotency-Key", key).body(note(text)).post("/notes");
        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(other.header("Idempotent-Replayed")).isNull();
        assertThat(other.jsonPath().getString("id")).isNotEqualTo(first.jsonPath().getString("id"));
        assertThat(notesWith(text)).isEqualTo(2);
    }

    @Test
    void aDifferentBodyWithTheSameKeyIsRefusedAndChangesNothing() {
        String key = UUID.randomUUID().toString();
        String text = "first " + key;
        as(Roles.TRAINER).header("Idempotency-Key", key).body(note(text)).post("/notes").then().statusCode(201);
        as(Roles.TRAINER).header("Idempotency-Key", key).body(note("second " + key)).post("/notes")
                .then().statusCode(422).body("type", equalTo("urn:prevent-hub:problem:idempotency-key-reused"));
        assertThat(notesWith(text)).isEqualTo(1);
        assertThat(notesWith("second " + key)).isZero();
    }

    @Test
    void theSameKeyOnAnotherRecordIsAnotherOperation() {
        String key = UUID.randomUUID().toString();
        String a = as(Roles.TRAINER).body(note("a")).post("/notes").then().statusCode(201).extract().path("id");
        String b = as(Roles.TRAINER).body(note("b")).post("/notes").then().statusCode(201).extract().path("id");
        as(Roles.TRAINER).header("Idempotency-Key", key).body(note("changed " + key)).put("/notes/" + a)
                .then().statusCode(200).body("version", equalTo(1));
        as(Roles.TRAINER).header("Idempotency-Key", key).body(note("changed " + key)).put("/notes/" + b)
                .then().statusCode(200).header("Idempotent-Replayed", (String) null);
        assertThat(notesWith("changed " + key)).isEqualTo(2);
    }

    @Test
    void concurrentRetriesHaveTheEffectOfOneCall() throws Exception {
        String key = UUID.randomUUID().toString();
        String text = "concurrent " + key;
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            List<Future<Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(callers.submit(() -> as(Roles.TRAINER).header("Idempotency-Key", key).body(note(text))
                        .post("/notes")));
            }
            java.util.Set<String> locations = new java.util.HashSet<>();
            for (Future<Response> answer : answers) {
                assertThat(answer.get().statusCode()).isEqualTo(201);
                locations.add(answer.get().header("Location"));
            }
            assertThat(locations).hasSize(1);
        } finally {
            callers.shutdown();
        }
        assertThat(notesWith(text)).isEqualTo(1);
    }

    @Test
    void aKeyThatIsNotPrintableAsciiIsABadRequest() {
        as(Roles.TRAINER).header("Idempotency-Key", "has space").body(note("x")).post("/notes").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
