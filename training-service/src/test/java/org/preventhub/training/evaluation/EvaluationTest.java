package org.preventhub.training.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.preventhub.training.support.AttendeeBuilder.anAttendee;
import static org.preventhub.training.support.SessionBuilder.aSession;
import static org.preventhub.training.support.TrainingApi.as;
import static org.preventhub.training.support.TrainingApi.asTrainer;
import static org.preventhub.training.support.TrainingApi.book;
import static org.preventhub.training.support.TrainingApi.createCourse;
import static org.preventhub.training.support.TrainingApi.holdSession;
import static org.preventhub.training.support.TrainingApi.scheduleSession;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.KafkaEvents;
import org.preventhub.testing.ReceivedEvent;
import org.preventhub.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class EvaluationTest {

    private static Map<String, Object> answers(boolean understands, int before, int after, int useful) {
        Map<String, Object> form = new HashMap<>();
        form.put("understandsHowToShareConcern", understands);
        form.put("confidenceBefore", before);
        form.put("confidenceAfter", after);
        form.put("usefulness", useful);
        return form;
    }

    /** A held session with one attended booking and one no-show; returns [attended, noShow]. */
    private static JsonPath[] heldSessionWithAttendance(UUID session) {
        JsonPath came = book(session, anAttendee().build());
        JsonPath absent = book(session, anAttendee().build());
        holdSession(session);
        asTrainer().body(Map.of("bookings", List.of(Map.of("bookingId", came.getString("id"), "attended", true),
                Map.of("bookingId", absent.getString("id"), "attended", false))))
                .put("/sessions/" + session + "/attendance").then().statusCode(200);
        return new JsonPath[] { came, absent };
    }

    @Test
    void anAttendeeEvaluatesOnceWithTheSecretAndANoShowCannot() {
        UUID session = scheduleSession(aSession(createCourse()).build());
        JsonPath[] people = heldSessionWithAttendance(session);
        JsonPath came = people[0];
        JsonPath absent = people[1];

        Map<String, Object> form = answers(true, 2, 4, 5);
        form.put("comments", "Really useful, thank you Sam");
        form.put("secret", "wrong");
        // A wrong secret is answered as a missing reference is, apart from the path asked for and the request id.
        Map<String, Object> wrongSecret = new HashMap<>(as(Roles.BOOKING).body(form)
                .post("/bookings/" + came.getString("reference") + "/evaluation").then().statusCode(404)
                .contentType("application/problem+json")
                .body("instance", equalTo("/bookings/" + came.getString("reference") + "/evaluation"))
                .extract().jsonPath().getMap(""));
        Map<String, Object> missing = new HashMap<>(as(Roles.BOOKING).body(form).post("/bookings/NOSUCHRF/evaluation")
                .then().statusCode(404).body("instance", equalTo("/bookings/NOSUCHRF/evaluation"))
                .extract().jsonPath().getMap(""));
        for (Map<String, Object> problem : List.of(wrongSecret, missing)) {
            problem.remove("requestId");
            problem.remove("instance");
        }
        assertThat(wrongSecret).isEqualTo(missing).containsEntry("type", "urn:prevent-hub:problem:not-found");
        // Staff see every booking anyway: to them a wrong secret is refused as such, and 404 means missing.
        asTrainer().body(form).post("/bookings/" + came.getString("reference") + "/evaluation").then().statusCode(403)
                .body("type", equalTo("urn:prevent-hub:problem:forbidden"));
        asTrainer().body(form).post("/bookings/NOSUCHRF/evaluation").then().statusCode(404);
        assertThat(Sql.count("SELECT count(*) FROM evaluation WHERE session_id = ?", session)).isZero();

        form.put("secret", came.getString("cancellationSecret"));
        String id = as(Roles.BOOKING).body(form).post("/bookings/" + came.getString("reference") + "/evaluation")
                .then().statusCode(201).body("understandsHowToShareConcern", equalTo(true)).extract().path("id");
        as(Roles.BOOKING).body(form).post("/bookings/" + came.getString("reference") + "/evaluation")
                .then().statusCode(409).body("type", equalTo("urn:prevent-hub:problem:already-evaluated"));

        Map<String, Object> noShowForm = answers(true, 3, 3, 3);
        noShowForm.put("secret", absent.getString("cancellationSecret"));
        as(Roles.BOOKING).body(noShowForm).post("/bookings/" + absent.getString("reference") + "/evaluation")
                .then().statusCode(409).body("type", equalTo("urn:prevent-hub:problem:not-attended"));
        assertThat(Sql.count("SELECT count(*) FROM evaluation WHERE session_id = ?", session)).isEqualTo(1);

        // One evaluation, one event: neither the refused second form nor the no-show's publishes anything.
        List<ReceivedEvent> events = KafkaEvents.forKey(Topics.TRAINING, id, 1, Duration.ofSeconds(30));
        assertThat(events).hasSize(1);
        ReceivedEvent event = events.get(0);
        assertThat(event.type()).isEqualTo(TrainingEventTypes.EVALUATION_SUBMITTED);
        assertThat(event.data().get("confidenceAfter").asInt()).isEqualTo(4);
        assertThat(event.data().get("sessionId").asText()).isEqualTo(session.toString());
        assertThat(event.data().get("understandsHowToShareConcern").asBoolean()).isTrue();
        assertThat(event.data().get("submittedVia").asText()).isEqualTo("ATTENDEE");
        assertThat(Sql.count("SELECT count(*) FROM outbox_event WHERE type = ? AND payload->>'sessionId' = ?",
                TrainingEventTypes.EVALUATION_SUBMITTED, session.toString())).isEqualTo(1);
        assertThat(event.data().toString()).doesNotContain("Really useful", "Sam", "@example.org");
    }

    @Test
    void paperFormsAreAllStoredOrNoneAndOutOfRangeAnswersAreInvalid() {
        UUID session = scheduleSession(aSession(createCourse()).build());
        heldSessionWithAttendance(session);
        List<String> ids = asTrainer().get("/sessions/" + session + "/attendance").then().extract().jsonPath()
                .getList("items.findAll { it.attended }.id");
        List<String> noShows = asTrainer().get("/sessions/" + session + "/attendance").then().extract().jsonPath()
                .getList("items.findAll { !it.attended }.id");

        Map<String, Object> good = answers(true, 1, 4, 4);
        good.put("attendanceId", ids.get(0));
        Map<String, Object> noShow = answers(true, 1, 4, 4);
        noShow.put("attendanceId", noShows.get(0));
        asTrainer().body(List.of(good, noShow)).post("/sessions/" + session + "/evaluations").then().statusCode(400)
                .body("violations[0].field", equalTo("[1].attendanceId"));
        Map<String, Object> outOfRange = answers(true, 0, 6, 4);
        outOfRange.put("attendanceId", ids.get(0));
        asTrainer().body(List.of(outOfRange)).post("/sessions/" + session + "/evaluations").then().statusCode(400);
        assertThat(Sql.count("SELECT count(*) FROM evaluation WHERE session_id = ?", session)).isZero();

        asTrainer().body(List.of(good)).post("/sessions/" + session + "/evaluations").then().statusCode(201);
        as(Roles.ANALYST).get("/sessions/" + session + "/evaluations").then().statusCode(403);
        asTrainer().queryParam("size", 1).get("/sessions/" + session + "/evaluations").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].attendanceId", equalTo(ids.get(0)))
                .body("items[0].submittedVia", equalTo("STAFF"));
        asTrainer().queryParam("sort", "comments").get("/sessions/" + session + "/evaluations").then().statusCode(400);
        asTrainer().get("/sessions/" + UUID.randomUUID() + "/evaluations").then().statusCode(404);
    }

    @Test
    void evaluationsArePagedAcrossTheirForms() {
        UUID session = scheduleSession(aSession(createCourse()).build());
        holdSession(session);
        List<Map<String, Object>> walkIns = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            walkIns.add(Map.of("name", "Reader " + i, "sector", "HEALTH"));
        }
        asTrainer().body(Map.of("walkIns", walkIns)).put("/sessions/" + session + "/attendance").then().statusCode(200);
        List<String> attended = asTrainer().get("/sessions/" + session + "/attendance").then().extract().jsonPath()
                .getList("items.id");
        List<Map<String, Object>> forms = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> form = answers(true, 1, 2 + i, 3 + i);
            form.put("attendanceId", attended.get(i));
            forms.add(form);
        }
        asTrainer().body(forms).post("/sessions/" + session + "/evaluations").then().statusCode(201);
        asTrainer().queryParam("size", 2).queryParam("sort", "usefulness,desc").get("/sessions/" + session + "/evaluations")
                .then().body("items.usefulness", org.hamcrest.Matchers.contains(5, 4))
                .body("totalItems", equalTo(3)).body("totalPages", equalTo(2));
        asTrainer().queryParam("size", 2).queryParam("page", 1).queryParam("sort", "usefulness,desc")
                .get("/sessions/" + session + "/evaluations").then().body("items.usefulness", org.hamcrest.Matchers.contains(3));
    }

    @Test
    void theFiguresOfAnUnknownCourseAreNotFound() {
        as(Roles.ANALYST).get("/courses/" + UUID.randomUUID() + "/evaluation-summary").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:prevent-hub:problem:not-found"));
        as(Roles.ANALYST).queryParam("from", "2020-02-01").queryParam("to", "2020-01-01")
                .get("/courses/" + createCourse() + "/evaluation-summary").then().statusCode(400)
                .body("violations[0].field", equalTo("to"));
    }

    @Test
    void courseFiguresMatchAHandComputedFixture() {
        // Fixture: two sessions of one course, 10 attended in all, 8 evaluations, 7 of them "yes".
        // % yes = 7/8 = 87.5; response rate = 8/10 = 80.0; confidence before = (1+2+2+3+3+3+1+1)/8 = 2.0;
        // after = (4+4+5+5+5+4+3+2)/8 = 4.0; usefulness = (5+5+4+4+5+5+3+1)/8 = 4.0.
        UUID course = createCourse();
        int[][] forms = { { 1, 1, 4, 5 }, { 1, 2, 4, 5 }, { 1, 2, 5, 4 }, { 1, 3, 5, 4 }, { 1, 3, 5, 5 }, { 1, 3, 4, 5 },
                { 1, 1, 3, 3 }, { 0, 1, 2, 1 } };
        List<String> attended = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            UUID session = scheduleSession(aSession(course).build());
            holdSession(session);
            List<Map<String, Object>> walkIns = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                walkIns.add(Map.of("name", "Walk-in " + i, "sector", "EDUCATION"));
            }
            asTrainer().body(Map.of("walkIns", walkIns)).put("/sessions/" + session + "/attendance").then().statusCode(200);
            attended.addAll(asTrainer().get("/sessions/" + session + "/attendance").then().extract().jsonPath().getList("items.id"));
            List<Map<String, Object>> paper = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int[] f = forms[s * 4 + i];
                Map<String, Object> form = answers(f[0] == 1, f[1], f[2], f[3]);
                form.put("attendanceId", attended.get(s * 5 + i));
                paper.add(form);
            }
            asTrainer().body(paper).post("/sessions/" + session + "/evaluations").then().statusCode(201);
        }

        as(Roles.ANALYST).get("/courses/" + course + "/evaluation-summary").then().statusCode(200)
                .body("attended", equalTo(10)).body("responses", equalTo(8))
                .body("responseRatePercent", equalTo(80.0f)).body("understandsPercent", equalTo(87.5f))
                .body("targetPercent", equalTo(95.0f)).body("meetsTarget", equalTo(false))
                .body("averageConfidenceBefore", equalTo(2.0f)).body("averageConfidenceAfter", equalTo(4.0f))
                .body("averageUsefulness", equalTo(4.0f));
        as(Roles.ANALYST).queryParam("from", "2000-01-01").queryParam("to", "2000-12-31")
                .get("/courses/" + course + "/evaluation-summary").then()
                .body("responses", equalTo(0)).body("understandsPercent", nullValue()).body("meetsTarget", nullValue());
    }
}
