package org.preventhub.training.attendance;

import static org.assertj.core.api.Assertions.assertThat;
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
        assertThat(recorded).allSatisfy(e -> assertThat(e.data().toString()).doesNotContain("Alex Morgan", "@example.org", "Rugby Borough"));
    }

    @Test
    void aCorrectionAfterDeliveryIsExplicitAndPublished() {
        UUID session = scheduleSession(aSession(createCourse()).build());
        JsonPath booking = book(session, anAttendee().build());
        holdSession(session);
        asTrainer().post("/sessions/" + session + "/delivery").then().statusCode(200).body("noShows", equalTo(1));
        String attendanceId = asTrainer().get("/sessions/" + session + "/attendance").then().extract().path("[0].id");

        asTrainer().body(Map.of("attended", true, "reason", "Signed the paper register late"))
                .post("/sessions/" + session + "/attendance/" + attendanceId + "/correction").then().statusCode(200)
                .body("attended", equalTo(true)).body("correctionReason", equalTo("Signed the paper register late"));
        asTrainer().body(Map.of("attended", true, "reason", "again"))
                .post("/sessions/" + session + "/attendance/" + attendanceId + "/correction").then().statusCode(409);

        ReceivedEvent corrected = KafkaEvents.await(Topics.TRAINING,
                e -> e.key().equals(attendanceId) && e.type().equals(TrainingEventTypes.ATTENDANCE_CORRECTED), 1,
                Duration.ofSeconds(30)).get(0);
        assertThat(corrected.data().get("previouslyAttended").asBoolean()).isFalse();
        assertThat(corrected.data().get("attendance").get("attended").asBoolean()).isTrue();
        assertThat(corrected.data().toString()).doesNotContain("late");
        assertThat(booking.getString("id")).isNotBlank();
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
