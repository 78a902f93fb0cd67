package org.preventhub.training.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.preventhub.training.support.SessionBuilder.aSession;
import static org.preventhub.training.support.TrainingApi.asTrainer;
import static org.preventhub.training.support.TrainingApi.createCourse;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.Sql;
import org.preventhub.training.support.TrainingApi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class IdempotentSchedulingTest {

    @Test
    void twentyConcurrentRetriesWithOneKeyScheduleOneSession() throws Exception {
        String organisation = "Idempotency test " + UUID.randomUUID();
        var request = aSession(createCourse()).bespokeFor(organisation).build();
        String key = UUID.randomUUID().toString();

        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> asTrainer().header("Idempotency-Key", key).body(request).post("/sessions"));
        }
        List<String> ids = new ArrayList<>();
        for (Future<Response> future : pool.invokeAll(calls)) {
            Response response = future.get();
            assertThat(response.statusCode()).isEqualTo(201);
            ids.add(response.path("id"));
        }
        pool.shutdown();

        assertThat(ids).containsOnly(ids.get(0));
        assertThat(Sql.count("SELECT count(*) FROM training_session WHERE organisation = ?", organisation)).isEqualTo(1);
        assertThat(Sql.count("SELECT count(*) FROM outbox_event WHERE aggregateid = ?", ids.get(0))).isEqualTo(1);
    }

    @Test
    void aRetryGetsTheFirstAnswerMarkedAsReplayed() {
        var request = aSession(createCourse()).build();
        String key = UUID.randomUUID().toString();
        Response first = asTrainer().header("Idempotency-Key", key).body(request).post("/sessions");
        Response retry = asTrainer().header("Idempotency-Key", key).body(request).post("/sessions");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
    }

    @Test
    void theSameKeyWithAnotherBodyIsUnprocessable() {
        UUID course = createCourse();
        String key = UUID.randomUUID().toString();
        asTrainer().header("Idempotency-Key", key).body(aSession(course).capacity(10).build()).post("/sessions")
                .then().statusCode(201);
        long before = Sql.count("SELECT count(*) FROM training_session WHERE course_id = ?", course);

        asTrainer().header("Idempotency-Key", key).body(aSession(course).capacity(11).build()).post("/sessions")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:prevent-hub:problem:idempotency-key-reused"));

        assertThat(Sql.count("SELECT count(*) FROM training_session WHERE course_id = ?", course)).isEqualTo(before);
    }

    @Test
    void keysOfDifferentCallersDoNotCollide() {
        UUID course = createCourse();
        String key = UUID.randomUUID().toString();
        String mine = TrainingApi.as(Roles.TRAINER).header("Idempotency-Key", key)
                .body(aSession(course).build()).post("/sessions").then().statusCode(201).extract().path("id");
        String theirs = TrainingApi.as(Roles.PREVENT_LEAD).header("Idempotency-Key", key)
                .body(aSession(course).build()).post("/sessions").then().statusCode(201).extract().path("id");
        assertThat(theirs).isNotEqualTo(mine);
    }

    @Test
    void aFailedRequestIsNotRemembered() {
        UUID course = createCourse();
        String key = UUID.randomUUID().toString();
        asTrainer().header("Idempotency-Key", key).body(aSession(course).area("atlantis").build()).post("/sessions")
                .then().statusCode(400);
        asTrainer().header("Idempotency-Key", key).body(aSession(course).build()).post("/sessions")
                .then().statusCode(201);
    }
}
