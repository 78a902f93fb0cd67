package org.preventhub.training.booking;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.KafkaEvents;
import org.preventhub.testing.ReceivedEvent;
import org.preventhub.training.support.CourseBuilder;
import org.preventhub.training.support.TrainingApi;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** What reporting receives about bookings and attendance: everything it counts, once, and nothing personal. */
@QuarkusTest
class BookingEventsTest {

    @Test
    void aConfirmedBookingIsPublishedOnceWithWhatReportingNeeds() {
        String code = CourseBuilder.aCourse().build().code();
        UUID course = TrainingApi.createCourse(CourseBuilder.aCourse().code(code).build());
        UUID session = scheduleSession(aSession(course).build());
        JsonPath booking = book(session, anAttendee().sector("HEALTH").build());
        String id = booking.getString("id");

        List<ReceivedEvent> events = KafkaEvents.forKey(Topics.TRAINING, id, 1, Duration.ofSeconds(30));
        assertThat(events).hasSize(1);
        ReceivedEvent confirmed = events.get(0);
        assertThat(confirmed.type()).isEqualTo(TrainingEventTypes.BOOKING_CONFIRMED);
        assertThat(confirmed.subject()).isEqualTo(TrainingEventTypes.AGGREGATE_BOOKING + "/" + id);
        assertThat(confirmed.source()).isEqualTo("/prevent-hub/training-service");
        JsonNode data = confirmed.data().get("booking");
        assertThat(data.get("bookingId").asText()).isEqualTo(id);
        assertThat(data.get("sessionId").asText()).isEqualTo(session.toString());
        assertThat(data.get("courseId").asText()).isEqualTo(course.toString());
        assertThat(data.get("courseCode").asText()).isEqualTo(code);
        assertThat(data.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(data.get("sector").asText()).isEqualTo("HEALTH");
        assertThat(data.get("channel").asText()).isEqualTo("WEB");
        assertThat(data.get("waitlistPosition").isNull()).isTrue();
        assertThat(confirmed.data().toString()).doesNotContain(booking.getString("attendee.email"),
                booking.getString("attendee.name"), booking.getString("reference"));
    }

    @Test
    void noBookingOrAttendanceEventCarriesANameOrEmailAndEachChangeIsPublishedOnce() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID session = scheduleSession(aSession(createCourse()).capacity(1).build());
        List<String> personal = new ArrayList<>();
        JsonPath[] people = new JsonPath[3];
        for (int i = 0; i < 3; i++) {
            String name = "Quintrell" + i + " Zebedee-" + tag;
            String email = "zq" + i + "-" + tag + "@example.org";
            String organisation = "Quintrell Trust " + tag;
            people[i] = book(session, anAttendee().name(name).email(email).organisation(organisation).build());
            // The organisation is not personal here: attendance events carry it, for reach by organisation (issue 20).
            personal.addAll(List.of(name, email));
        }
        JsonPath first = people[0];
        JsonPath promoted = people[1];
        JsonPath closed = people[2];
        as(Roles.BOOKING).body(Map.of("secret", first.getString("cancellationSecret")))
                .post("/bookings/" + first.getString("reference") + "/cancellation").then().statusCode(200);
        holdSession(session);
        String walkInName = "Walkin Yarrowby-" + tag;
        String walkInEmail = "wy-" + tag + "@example.org";
        personal.addAll(List.of(walkInName, walkInEmail));
        asTrainer().body(Map.of("bookings", List.of(Map.of("bookingId", promoted.getString("id"), "attended", true)),
                "walkIns", List.of(Map.of("name", walkInName, "email", walkInEmail, "organisation", "Yarrowby Youth Club",
                        "sector", "COMMUNITY", "jobRole", "Youth worker"))))
                .put("/sessions/" + session + "/attendance").then().statusCode(200);
        asTrainer().post("/sessions/" + session + "/delivery").then().statusCode(200);
        String promotedAttendance = asTrainer().get("/sessions/" + session + "/attendance").then().extract().jsonPath()
                .getString("items.find { it.bookingId == '" + promoted.getString("id") + "' }.id");
        asTrainer().body(Map.of("attended", false, "reason", "Signed in for " + walkInName + " by mistake"))
                .post("/sessions/" + session + "/attendance/" + promotedAttendance + "/correction").then().statusCode(200);

        Set<String> bookingIds = Set.of(first.getString("id"), promoted.getString("id"), closed.getString("id"));
        List<ReceivedEvent> events = KafkaEvents.await(Topics.TRAINING, e -> bookingIds.contains(e.key())
                || (e.type().startsWith("training.attendance.")
                        && session.toString().equals(e.data().path("attendance").path("sessionId").asText())),
                9, Duration.ofSeconds(30));

        // Confirmed and cancelled; waitlisted and promoted; waitlisted and closed on delivery; two marks, one correction.
        assertThat(events).hasSize(9);
        assertThat(events).extracting(ReceivedEvent::id).doesNotHaveDuplicates();
        assertThat(events.stream().filter(e -> e.key().equals(first.getString("id"))).map(ReceivedEvent::type))
                .containsExactly(TrainingEventTypes.BOOKING_CONFIRMED, TrainingEventTypes.BOOKING_CANCELLED);
        assertThat(events.stream().filter(e -> e.key().equals(promoted.getString("id"))).map(ReceivedEvent::type))
                .containsExactly(TrainingEventTypes.BOOKING_WAITLISTED, TrainingEventTypes.BOOKING_PROMOTED);
        assertThat(events.stream().filter(e -> e.key().equals(closed.getString("id"))).map(ReceivedEvent::type))
                .containsExactly(TrainingEventTypes.BOOKING_WAITLISTED, TrainingEventTypes.BOOKING_CANCELLED);
        assertThat(events.stream().filter(e -> e.key().equals(promotedAttendance)).map(ReceivedEvent::type))
                .containsExactly(TrainingEventTypes.ATTENDANCE_RECORDED, TrainingEventTypes.ATTENDANCE_CORRECTED);
        for (ReceivedEvent event : events) {
            String whole = event.data().toString() + event.headers();
            assertThat(whole).as(event.type()).doesNotContain(personal.toArray(String[]::new))
                    .doesNotContain("@example.org", "Youth worker", "Family support worker", "by mistake");
            if (event.type().startsWith("training.booking.")) {
                assertThat(whole).as(event.type()).doesNotContain("Quintrell Trust");
            }
        }
    }
}
