package org.preventhub.training.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.preventhub.training.support.AttendeeBuilder.anAttendee;
import static org.preventhub.training.support.SessionBuilder.aSession;
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
import org.preventhub.testing.KafkaEvents;
import org.preventhub.testing.ReceivedEvent;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Reach by organisation (issue 20): each attendance event names the attendee's partner organisation by its reference
 * where the booking or register gave one; organisation text as written, like the name, never leaves the service.
 */
@QuarkusTest
class AttendeeOrganisationTest {

    private static final UUID CAVA = UUID.fromString("5d7c1a52-9f0e-4c1b-8e43-2a6f0c9b7d11");

    @Test
    void attendanceEventsCarryThePartnerOrganisationButNeitherTheNameNorTheOrganisationAsWritten() {
        UUID session = scheduleSession(aSession(createCourse()).capacity(4).build());
        JsonPath partner = book(session, anAttendee().name("Pat Jones").organisation("CAVA").organisationId(CAVA).build());
        JsonPath written = book(session, anAttendee().name("Lee Grant").organisation("Rugby Food Bank").build());
        holdSession(session);
        asTrainer().body(Map.of(
                "bookings", List.of(Map.of("bookingId", partner.getString("id"), "attended", true),
                        Map.of("bookingId", written.getString("id"), "attended", true)),
                "walkIns", List.of(Map.of("name", "Alex Morgan", "organisation", "Voluntary Action Rugby",
                        "organisationId", CAVA.toString(), "sector", "COMMUNITY"))))
                .put("/sessions/" + session + "/attendance").then().statusCode(200).body("size()", equalTo(3));

        List<ReceivedEvent> recorded = KafkaEvents.await(Topics.TRAINING,
                e -> e.type().equals(TrainingEventTypes.ATTENDANCE_RECORDED)
                        && session.toString().equals(e.data().get("attendance").get("sessionId").asText()),
                3, Duration.ofSeconds(30));
        assertThat(recorded).hasSize(3);
        JsonNode byPartner = attendanceOf(recorded, partner.getString("id"));
        assertThat(byPartner.get("organisationId").asText()).isEqualTo(CAVA.toString());
        assertThat(byPartner.get("organisation").isNull()).as("the reference replaces the text").isTrue();
        JsonNode asWritten = attendanceOf(recorded, written.getString("id"));
        assertThat(asWritten.get("organisationId").isNull()).isTrue();
        assertThat(asWritten.get("organisation").isNull()).as("text as written stays in training").isTrue();
        JsonNode walkIn = recorded.stream().map(e -> e.data().get("attendance"))
                .filter(a -> a.get("walkIn").asBoolean()).findFirst().orElseThrow();
        assertThat(walkIn.get("organisationId").asText()).isEqualTo(CAVA.toString());
        assertThat(recorded).allSatisfy(e -> assertThat(e.data().toString())
                .doesNotContain("Pat Jones", "Lee Grant", "Alex Morgan", "@example.org", "Voluntary Action Rugby",
                        "Rugby Food Bank"));
    }

    @Test
    void aStaffUserBookedByStaffUnderTheirUserIdIsNamedByItInTheAttendanceEventAndNothingElseAboutThem() {
        UUID session = scheduleSession(aSession(createCourse()).capacity(4).build());
        JsonPath member = asTrainer().body(anAttendee().name("Priya Shah").userId("panel-member-7").build())
                .post("/sessions/" + session + "/bookings").then().statusCode(201).extract().jsonPath();
        JsonPath other = book(session, anAttendee().name("Jo Bell").build());
        holdSession(session);
        asTrainer().body(Map.of("bookings", List.of(Map.of("bookingId", member.getString("id"), "attended", true),
                Map.of("bookingId", other.getString("id"), "attended", true))))
                .put("/sessions/" + session + "/attendance").then().statusCode(200);

        List<ReceivedEvent> recorded = KafkaEvents.await(Topics.TRAINING,
                e -> e.type().equals(TrainingEventTypes.ATTENDANCE_RECORDED)
                        && session.toString().equals(e.data().get("attendance").get("sessionId").asText()),
                2, Duration.ofSeconds(30));
        assertThat(attendanceOf(recorded, member.getString("id")).get("userId").asText()).isEqualTo("panel-member-7");
        assertThat(attendanceOf(recorded, other.getString("id")).get("userId").isNull()).isTrue();
        assertThat(recorded).allSatisfy(e -> assertThat(e.data().toString()).doesNotContain("Priya Shah", "@example.org"));
    }

    @Test
    void theBookingWebsiteCannotNameAUserId() {
        // The public website cannot vouch for who an attendee is: only staff link a booking to a user.
        UUID session = scheduleSession(aSession(createCourse()).capacity(4).build());
        org.preventhub.training.support.TrainingApi.as(org.preventhub.platform.security.Roles.BOOKING)
                .body(anAttendee().userId("panel-member-7").build()).post("/sessions/" + session + "/bookings")
                .then().statusCode(400).body("violations[0].field", equalTo("userId"));
    }

    private static JsonNode attendanceOf(List<ReceivedEvent> recorded, String bookingId) {
        return recorded.stream().map(e -> e.data().get("attendance"))
                .filter(a -> bookingId.equals(a.get("bookingId").asText())).findFirst().orElseThrow();
    }
}
