package org.preventhub.training.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.preventhub.training.support.AttendeeBuilder.anAttendee;
import static org.preventhub.training.support.SessionBuilder.aSession;
import static org.preventhub.training.support.TrainingApi.as;
import static org.preventhub.training.support.TrainingApi.asOf;
import static org.preventhub.training.support.TrainingApi.asTrainer;
import static org.preventhub.training.support.TrainingApi.book;
import static org.preventhub.training.support.TrainingApi.createCourse;
import static org.preventhub.training.support.TrainingApi.holdSession;
import static org.preventhub.training.support.TrainingApi.scheduleSession;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import io.restassured.response.ValidatableResponse;

/**
 * Staff record the bookings of a session that has started, until it is delivered, as they were made; the booking
 * website cannot. Each takes a free seat, never waits, promotes nobody, and the register marks it like any other.
 */
@QuarkusTest
class PastBookingsTest {

    private static ValidatableResponse refused(ValidatableResponse response, int status, String type) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("urn:prevent-hub:problem:" + type));
    }

    private static ValidatableResponse bookAs(io.restassured.specification.RequestSpecification caller, UUID session,
            BookingRequest attendee) {
        return caller.body(attendee).post("/sessions/" + session + "/bookings").then();
    }

    private static long bookingsOf(UUID session) {
        return Sql.count("SELECT count(*) FROM booking WHERE session_id = ?", session);
    }

    @Test
    void staffRecordABookingOnASessionThatHasStartedAndTheBookingWebsiteCannot() {
        UUID session = scheduleSession(aSession(createCourse()).build());
        holdSession(session);

        refused(bookAs(as(Roles.BOOKING), session, anAttendee().build()), 409, "session-not-bookable");
        assertThat(bookingsOf(session)).isZero();

        bookAs(asTrainer(), session, anAttendee().build()).statusCode(201)
                .body("status", equalTo("CONFIRMED")).body("channel", equalTo("STAFF"));
        bookAs(as(Roles.PREVENT_LEAD), session, anAttendee().build()).statusCode(201).body("status", equalTo("CONFIRMED"));
        assertThat(bookingsOf(session)).isEqualTo(2);
    }

    @Test
    void aBookingRecordedAfterTheStartIsDatedWhenItWasMadeOrElseTheSessionsStartAndPublishedSo() {
        UUID session = scheduleSession(aSession(createCourse()).build());
        holdSession(session);
        String startsAt = asTrainer().get("/sessions/" + session).then().extract().path("startsAt");
        OffsetDateTime madeOn = OffsetDateTime.now(ZoneOffset.UTC).minusDays(12).withNano(0);

        JsonPath dated = bookAs(asTrainer(), session, anAttendee().bookedAt(madeOn).build()).statusCode(201)
                .extract().jsonPath();
        JsonPath undated = bookAs(asTrainer(), session, anAttendee().build()).statusCode(201).extract().jsonPath();

        assertThat(Instant.parse(dated.getString("bookedAt"))).isEqualTo(madeOn.toInstant());
        assertThat(Instant.parse(undated.getString("bookedAt"))).isEqualTo(Instant.parse(startsAt));
        assertThat(Instant.parse(dated.getString("createdAt"))).isAfter(Instant.now().minusSeconds(60));
        ReceivedEvent confirmed = KafkaEvents.await(Topics.TRAINING, e -> e.key().equals(dated.getString("id")), 1,
                Duration.ofSeconds(30)).get(0);
        assertThat(confirmed.type()).isEqualTo(TrainingEventTypes.BOOKING_CONFIRMED);
        assertThat(Instant.parse(confirmed.data().path("booking").path("bookedAt").asText())).isEqualTo(madeOn.toInstant());
    }

    @Test
    void whenABookingWasMadeIsForStaffToSayAndIsNeitherInTheFutureNorAfterTheStart() {
        UUID upcoming = scheduleSession(aSession(createCourse()).build());
        refused(bookAs(as(Roles.BOOKING), upcoming, anAttendee().bookedAt(OffsetDateTime.now().minusDays(1)).build()),
                400, "validation").body("violations[0].field", equalTo("bookedAt"));
        refused(bookAs(asTrainer(), upcoming, anAttendee().bookedAt(OffsetDateTime.now().plusDays(1)).build()),
                400, "validation").body("violations[0].field", equalTo("bookedAt"));

        UUID held = scheduleSession(aSession(createCourse()).build());
        holdSession(held);
        refused(bookAs(asTrainer(), held, anAttendee().bookedAt(OffsetDateTime.now().minusMinutes(5)).build()),
                400, "validation").body("violations[0].field", equalTo("bookedAt"));
        assertThat(bookingsOf(upcoming) + bookingsOf(held)).isZero();

        // A phone booking entered a day late, before the session: dated as made.
        bookAs(asTrainer(), upcoming, anAttendee().bookedAt(OffsetDateTime.now().minusDays(1)).build()).statusCode(201)
                .body("status", equalTo("CONFIRMED"));
    }

    @Test
    void afterTheStartABookingNeedsAFreeSeatAndNobodyWaitingIsPromotedByOne() {
        UUID session = scheduleSession(aSession(createCourse()).capacity(1).build());
        JsonPath seated = book(session, anAttendee().build());
        JsonPath waiting = book(session, anAttendee().build());
        assertThat(waiting.getString("status")).isEqualTo("WAITLISTED");
        holdSession(session);

        refused(bookAs(asTrainer(), session, anAttendee().build()), 409, "session-full");
        asTrainer().body(Map.of()).post("/bookings/" + seated.getString("reference") + "/cancellation").then().statusCode(200);
        // The seat freed after the start goes to the person recorded, not to the one who was waiting.
        JsonPath recorded = bookAs(asTrainer(), session, anAttendee().build()).statusCode(201)
                .body("status", equalTo("CONFIRMED")).extract().jsonPath();
        refused(bookAs(asTrainer(), session, anAttendee().build()), 409, "session-full");

        asTrainer().get("/bookings/" + waiting.getString("id")).then().statusCode(200).body("status", equalTo("WAITLISTED"));
        asTrainer().get("/sessions/" + session).then().body("seatsTaken", equalTo(1)).body("seatsLeft", equalTo(0));
        assertThat(Sql.count("SELECT count(*) FROM booking WHERE session_id = ? AND status = 'CONFIRMED'", session))
                .isEqualTo(1);
        assertThat(recorded.getString("id")).isNotEqualTo(waiting.getString("id"));
    }

    @Test
    void theRegisterMarksARecordedBookingAndDeliveryCountsItsNoShowAndThenNoMoreBookings() {
        UUID session = scheduleSession(aSession(createCourse()).build());
        holdSession(session);
        JsonPath came = bookAs(asTrainer(), session, anAttendee().build()).statusCode(201).extract().jsonPath();
        JsonPath absent = bookAs(asTrainer(), session, anAttendee().build()).statusCode(201).extract().jsonPath();
        asTrainer().body(Map.of("bookings", List.of(Map.of("bookingId", came.getString("id"), "attended", true)),
                "walkIns", List.of(Map.of("name", "Alex Morgan", "organisation", "Rugby Borough Council",
                        "sector", "LOCAL_AUTHORITY"))))
                .put("/sessions/" + session + "/attendance").then().statusCode(200);

        asTrainer().post("/sessions/" + session + "/delivery").then().statusCode(200)
                .body("booked", equalTo(2)).body("attended", equalTo(2)).body("noShows", equalTo(1))
                .body("walkIns", equalTo(1)).body("markedNoShowOnDelivery", equalTo(1));
        List<ReceivedEvent> marks = KafkaEvents.await(Topics.TRAINING,
                e -> e.type().equals(TrainingEventTypes.ATTENDANCE_RECORDED)
                        && absent.getString("id").equals(e.data().path("attendance").path("bookingId").asText()),
                1, Duration.ofSeconds(30));
        assertThat(marks.get(0).data().path("attendance").path("attended").asBoolean()).isFalse();

        // Delivered: the register is closed, to staff as to anyone.
        refused(bookAs(asTrainer(), session, anAttendee().build()), 409, "session-not-bookable");
        UUID cancelled = scheduleSession(aSession(createCourse()).build());
        holdSession(cancelled);
        asTrainer().body(Map.of("reason", "Trainer ill")).post("/sessions/" + cancelled + "/cancellation").then()
                .statusCode(200);
        refused(bookAs(asTrainer(), cancelled, anAttendee().build()), 409, "session-not-bookable");
        assertThat(bookingsOf(session)).isEqualTo(2);
        assertThat(bookingsOf(cancelled)).isZero();
    }

    @Test
    void trainersOfAnotherAgencyCannotRecordBookingsOnASessionThatHasStarted() {
        UUID session = scheduleSession(aSession(createCourse()).build());
        bookAs(asOf("warwickshire-police", Roles.TRAINER), session, anAttendee().build()).statusCode(201);
        holdSession(session);

        refused(bookAs(asOf("warwickshire-police", Roles.TRAINER), session, anAttendee().build()), 403, "forbidden");
        assertThat(bookingsOf(session)).isEqualTo(1);
    }
}
