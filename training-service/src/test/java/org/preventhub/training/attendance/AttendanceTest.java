package org.preventhub.training.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.preventhub.training.support.AttendeeBuilder.anAttendee;
import static org.preventhub.training.support.SessionBuilder.aSession;
import static org.preventhub.training.support.TrainingApi.as;
import static org.preventhub.training.support.TrainingApi.asTrainer;
import static org.preventhub.training.support.TrainingApi.book;
import static org.preventhub.training.support.TrainingApi.createCourse;
import static org.preventhub.training.support.TrainingApi.holdSession;
import static org.preventhub.training.support.TrainingApi.scheduleSession;

import java.time.Duration;
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
class AttendanceTest {

    @Test
    void theRegisterRecordsMarksAndWalkInsThenDeliveryFreezesItWithCounts() {
        UUID session = scheduleSession(aSession(createCourse()).capacity(4).build());
        JsonPath came = book(session, anAttendee().build());
        JsonPath absent = book(session, anAttendee().build());
        JsonPath unmarked = book(session, anAttendee().build());

        // Not before the session starts.
        asTrainer().body(Map.of("bookings", List.of(Map.of("bookingId", came.getString("id"), "attended", true))))
                .put("/sessions/" + session + "/attendance").then().statusCode(409)
                .body("type", equalTo("urn:prevent-hub:problem:session-not-started"));

        holdSession(session);
        asTrainer().body(Map.of(
                "bookings", List.of(Map.of("bookingId", came.getString("id"), "attended", true),
                        Map.of("bookingId", absent.getString("id"), "attended", false)),
                "walkIns", List.of(Map.of("name", "Alex Morgan", "organisation", "Rugby Borough Council",
                        "sector", "LOCAL_AUTHORITY"))))
                .put("/sessions/" + session + "/attendance").then().statusCode(200)
                .body("size()", equalTo(3));

        asTrainer().post("/sessions/" + session + "/delivery").then().statusCode(200)
                .body("booked", equalTo(3)).body("attended", equalTo(2)).body("noShows", equalTo(2))
                .body("walkIns", equalTo(1)).body("markedNoShowOnDelivery", equalTo(1));
        asTrainer().get("/sessions/" + session).then().body("status", equalTo("DELIVERED"));

        // Frozen: the register cannot be sent again.
        asTrainer().body(Map.of("bookings", List.of(Map.of("bookingId", unmarked.getString("id"), "attended", true))))
                .put("/sessions/" + session + "/attendance").then().statusCode(409)
                .body("type", equalTo("urn:prevent-hub:problem:register-closed"));

        ReceivedEvent delivered = KafkaEvents.await(Topics.TRAINING,
                e -> e.key().equals(session.toString()) && e.type().equals(TrainingEventTypes.SESSION_DELIVERED), 1,
                Duration.ofSeconds(30)).get(0);
        assertThat(delivered.data().get("attended").asInt()).isEqualTo(2);
        assertThat(delivered.data().get("walkIns").asInt()).isEqualTo(1);
        assertThat(delivered.data().get("session").get("status").asText()).isEqualTo("DELIVERED");

        List<ReceivedEvent> recorded = KafkaEvents.await(Topics.TRAINING,
                e -> e.type().equals(TrainingEventTypes.ATTENDANCE_RECORDED)
                        && session.toString().equals(e.data().get("attendance").get("sessionId").asText()),
                4, Duration.ofSeconds(30));
        assertThat(recorded).hasSize(4);
        var attendance = recorded.get(0).data().get("attendance");
        assertThat(attendance.get("area").asText()).isEqualTo("warwick");
        assertThat(attendance.get("mode").asText()).isEqualTo("IN_PERSON");
        assertThat(attendance.get("sector").asText()).isEqualTo("LOCAL_AUTHORITY");
        assertThat(attendance.has("courseCode")).isTrue();
        // Nobody's name or address; the organisation goes, for reach by organisation (AttendeeOrganisationTest).
        assertThat(recorded).allSatisfy(e -> assertThat(e.data().toString()).doesNotContain("Alex Morgan", "Sam Taylor", "@example.org"));
    }

    @Test
    void aCorrectionAfterDeliveryIsExplicitAndPublished() {
        UUID session = scheduleSession(aSession(createCourse()).build());
        JsonPath booking = book(session, anAttendee().build());
        holdSession(session);
        asTrainer().post("/sessions/" + session + "/delivery").then().statusCode(200).body("noShows", equalTo(1));
        String attendanceId = asTrainer().get("/sessions/" + session + "/attendance").then().extract().path("items[0].id");

        asTrainer().body(Map.of("attended", true, "reason", "Signed the paper register late"))
                .post("/sessions/" + session + "/attendance/" + attendanceId + "/correction").then().statusCode(200)
                .body("attended", equalTo(true)).body("correctionReason", equalTo("Signed the paper register late"));
        asTrainer().body(Map.of("attended", true, "reason", "again"))
                .post("/sessions/" + session + "/attendance/" + attendanceId + "/correction").then().statusCode(409);

        // The booking's own mark changed, in place, and kept the reason.
        assertThat(Sql.rows("SELECT booking_id, attended, correction_reason_enc IS NOT NULL AS reason_kept, "
                + "corrected_at IS NOT NULL AS corrected FROM attendance WHERE session_id = ?", session))
                .containsExactly(Map.of("booking_id", UUID.fromString(booking.getString("id")), "attended", true,
                        "reason_kept", true, "corrected", true));
        asTrainer().get("/sessions/" + session + "/attendance").then()
                .body("items[0].correctionReason", equalTo("Signed the paper register late"));

        // One event for the no-show recorded on delivery, one for the correction: nothing for the refused one.
        List<ReceivedEvent> events = KafkaEvents.forKey(Topics.TRAINING, attendanceId, 2, Duration.ofSeconds(30));
        assertThat(events).extracting(ReceivedEvent::type)
                .containsExactly(TrainingEventTypes.ATTENDANCE_RECORDED, TrainingEventTypes.ATTENDANCE_CORRECTED);
        ReceivedEvent corrected = events.get(1);
        assertThat(corrected.data().get("previouslyAttended").asBoolean()).isFalse();
        assertThat(corrected.data().get("attendance").get("attended").asBoolean()).isTrue();
        assertThat(corrected.data().get("attendance").get("bookingId").asText()).isEqualTo(booking.getString("id"));
        assertThat(corrected.data().toString()).doesNotContain("late");
    }

    @Test
    void aResentRegisterRecordsEachPersonOnceAndPublishesOnlyWhatChanged() {
        UUID session = scheduleSession(aSession(createCourse()).capacity(3).build());
        JsonPath came = book(session, anAttendee().build());
        holdSession(session);
        Map<String, Object> withEmail = walkIn("Alex Morgan", "alex.morgan@example.org", "Warwickshire Police", "POLICE");
        Map<String, Object> withoutEmail = walkIn("Jo Evans", null, "Rugby Borough Council", "LOCAL_AUTHORITY");
        Map<String, Object> sheet = Map.of("bookings", List.of(Map.of("bookingId", came.getString("id"), "attended", true)),
                "walkIns", List.of(withEmail, withoutEmail));

        asTrainer().body(sheet).put("/sessions/" + session + "/attendance").then().statusCode(200).body("size()", equalTo(3));
        // The same sheet again, e.g. a retry after a timeout.
        asTrainer().body(sheet).put("/sessions/" + session + "/attendance").then().statusCode(200).body("size()", equalTo(3));
        // The same people written differently, and the second walk-in's email found since.
        asTrainer().body(Map.of("walkIns", List.of(
                walkIn("Alex Morgan", "ALEX.Morgan@Example.org", "Warwickshire Police", "POLICE"),
                walkIn("  jo   EVANS ", "jo.evans@example.org", "rugby borough council", "LOCAL_AUTHORITY"))))
                .put("/sessions/" + session + "/attendance").then().statusCode(200).body("size()", equalTo(3));
        assertThat(Sql.count("SELECT count(*) FROM attendance WHERE session_id = ?", session)).isEqualTo(3);
        assertThat(recordedEvents(session)).isEqualTo(3);
        assertThat(asTrainer().get("/sessions/" + session + "/attendance").then().extract().jsonPath()
                .getList("items.findAll { it.email == 'jo.evans@example.org' }")).hasSize(1);

        // A reportable change (the sector) is published, once, for the same attendance.
        asTrainer().body(Map.of("walkIns", List.of(walkIn("Alex Morgan", "alex.morgan@example.org", "Warwickshire Police",
                "PROBATION")))).put("/sessions/" + session + "/attendance").then().statusCode(200)
                .body("size()", equalTo(3));
        assertThat(recordedEvents(session)).isEqualTo(4);

        // The same person twice in one sheet, or a walk-in who holds a booking, is refused whole.
        asTrainer().body(Map.of("walkIns", List.of(walkIn("Sam Newton", null, "NHS", "HEALTH"),
                walkIn("Sam Newton", null, "NHS", "HEALTH")))).put("/sessions/" + session + "/attendance").then()
                .statusCode(400).body("violations[0].field", equalTo("walkIns[1]"));
        asTrainer().body(Map.of("walkIns", List.of(walkIn("Booked Person", came.getString("attendee.email"), null, "HEALTH"))))
                .put("/sessions/" + session + "/attendance").then()
                .statusCode(400).body("violations[0].field", equalTo("walkIns[0].email"));
        asTrainer().body(Map.of("bookings", List.of(Map.of("bookingId", came.getString("id"), "attended", true),
                Map.of("bookingId", came.getString("id"), "attended", false))))
                .put("/sessions/" + session + "/attendance").then()
                .statusCode(400).body("violations[0].field", equalTo("bookings[1].bookingId"));
        assertThat(Sql.count("SELECT count(*) FROM attendance WHERE session_id = ?", session)).isEqualTo(3);

        String alex = asTrainer().get("/sessions/" + session + "/attendance").then().extract().jsonPath()
                .getString("items.find { it.email == 'alex.morgan@example.org' }.id");
        List<ReceivedEvent> alexEvents = KafkaEvents.forKey(Topics.TRAINING, alex, 2, Duration.ofSeconds(30));
        assertThat(alexEvents).hasSize(2);
        assertThat(alexEvents.get(1).data().get("attendance").get("sector").asText()).isEqualTo("PROBATION");
    }

    @Test
    void theRegisterIsPaged() {
        UUID session = scheduleSession(aSession(createCourse()).build());
        holdSession(session);
        asTrainer().body(Map.of("walkIns", List.of(walkIn("Ann One", null, null, "HEALTH"),
                walkIn("Bob Two", null, null, "HEALTH"), walkIn("Cat Three", null, null, "HEALTH"))))
                .put("/sessions/" + session + "/attendance").then().statusCode(200);
        List<String> first = asTrainer().queryParam("size", 2).get("/sessions/" + session + "/attendance")
                .then().statusCode(200).body("totalItems", equalTo(3)).body("totalPages", equalTo(2))
                .extract().jsonPath().getList("items.name");
        List<String> second = asTrainer().queryParam("size", 2).queryParam("page", 1)
                .get("/sessions/" + session + "/attendance").then().extract().jsonPath().getList("items.name");
        assertThat(first).hasSize(2);
        assertThat(second).hasSize(1);
        assertThat(java.util.stream.Stream.concat(first.stream(), second.stream()).toList())
                .containsExactlyInAnyOrder("Ann One", "Bob Two", "Cat Three");
        // Names and e-mail addresses are encrypted: they are no order.
        for (String sort : List.of("name", "email")) {
            asTrainer().queryParam("sort", sort).get("/sessions/" + session + "/attendance").then().statusCode(400)
                    .body("violations[0].field", equalTo("sort"));
        }
        asTrainer().get("/sessions/" + UUID.randomUUID() + "/attendance").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void deliveryClosesTheWaitingListWithAnEventPerPlace() {
        UUID session = scheduleSession(aSession(createCourse()).capacity(1).build());
        JsonPath seated = book(session, anAttendee().build());
        JsonPath waiting = book(session, anAttendee().build());
        holdSession(session);

        asTrainer().post("/sessions/" + session + "/delivery").then().statusCode(200)
                .body("waitingListClosed", equalTo(1)).body("booked", equalTo(1));
        asTrainer().get("/bookings/" + waiting.getString("id")).then()
                .body("status", equalTo("CANCELLED")).body("cancellationReason", equalTo("WAITING_LIST_CLOSED"));
        asTrainer().get("/bookings/" + seated.getString("id")).then().body("status", equalTo("CONFIRMED"));
        asTrainer().get("/sessions/" + session).then().body("waiting", equalTo(0)).body("seatsTaken", equalTo(1));
        asTrainer().queryParam("session", session.toString()).queryParam("status", "WAITLISTED").get("/bookings").then()
                .body("totalItems", equalTo(0));

        List<ReceivedEvent> events = KafkaEvents.forKey(Topics.TRAINING, waiting.getString("id"), 2, Duration.ofSeconds(30));
        assertThat(events).extracting(ReceivedEvent::type)
                .containsExactly(TrainingEventTypes.BOOKING_WAITLISTED, TrainingEventTypes.BOOKING_CANCELLED);
        assertThat(events.get(1).data().get("reason").asText()).isEqualTo("WAITING_LIST_CLOSED");
        assertThat(events.get(1).data().get("booking").get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void anEvaluatedAttendeeCannotBeCorrectedToANoShow() {
        UUID session = scheduleSession(aSession(createCourse()).build());
        JsonPath came = book(session, anAttendee().build());
        holdSession(session);
        asTrainer().body(Map.of("bookings", List.of(Map.of("bookingId", came.getString("id"), "attended", true))))
                .put("/sessions/" + session + "/attendance").then().statusCode(200);
        as(Roles.BOOKING).body(Map.of("secret", came.getString("cancellationSecret"), "understandsHowToShareConcern", true,
                "confidenceBefore", 2, "confidenceAfter", 4, "usefulness", 5))
                .post("/bookings/" + came.getString("reference") + "/evaluation").then().statusCode(201);
        asTrainer().post("/sessions/" + session + "/delivery").then().statusCode(200);
        String attendanceId = asTrainer().get("/sessions/" + session + "/attendance").then().extract().path("items[0].id");

        asTrainer().body(Map.of("attended", false, "reason", "Left before the start"))
                .post("/sessions/" + session + "/attendance/" + attendanceId + "/correction").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:prevent-hub:problem:attendance-evaluated"));

        assertThat(Sql.count("SELECT count(*) FROM attendance WHERE id = ? AND attended AND corrected_at IS NULL",
                UUID.fromString(attendanceId))).isEqualTo(1);
        assertThat(Sql.count("SELECT count(*) FROM outbox_event WHERE aggregateid = ? AND type = ?", attendanceId,
                TrainingEventTypes.ATTENDANCE_CORRECTED)).isZero();
        asTrainer().get("/sessions/" + session + "/evaluation-summary").then()
                .body("attended", equalTo(1)).body("responses", equalTo(1)).body("responseRatePercent", equalTo(100.0f));
    }

    private static long recordedEvents(UUID session) {
        return Sql.count("SELECT count(*) FROM outbox_event WHERE type = ? AND payload->'attendance'->>'sessionId' = ?",
                TrainingEventTypes.ATTENDANCE_RECORDED, session.toString());
    }

    private static Map<String, Object> walkIn(String name, String email, String organisation, String sector) {
        Map<String, Object> walkIn = new java.util.HashMap<>();
        walkIn.put("name", name);
        walkIn.put("email", email);
        walkIn.put("organisation", organisation);
        walkIn.put("sector", sector);
        return walkIn;
    }

    @Test
    void theRegisterRefusesBookingsOfAnotherSessionAndStoresNothing() {
        UUID session = scheduleSession(aSession(createCourse()).build());
        UUID other = scheduleSession(aSession(createCourse()).build());
        JsonPath foreign = book(other, anAttendee().build());
        holdSession(session);
        asTrainer().body(Map.of("bookings", List.of(Map.of("bookingId", foreign.getString("id"), "attended", true)),
                "walkIns", List.of(Map.of("name", "Walk In", "sector", "HEALTH"))))
                .put("/sessions/" + session + "/attendance").then().statusCode(400)
                .body("violations[0].field", equalTo("bookings[0].bookingId"));
        assertThat(Sql.count("SELECT count(*) FROM attendance WHERE session_id = ?", session)).isZero();
        as(Roles.ANALYST).get("/sessions/" + session + "/attendance").then().statusCode(403);
    }
}
