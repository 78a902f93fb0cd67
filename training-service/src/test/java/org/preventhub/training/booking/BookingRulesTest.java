package org.preventhub.training.booking;

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

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Each refused booking action answers problem+json and changes nothing. */
@QuarkusTest
class BookingRulesTest {

    private static long bookingsOf(UUID session) {
        return Sql.count("SELECT count(*) FROM booking WHERE session_id = ?", session);
    }

    private static ValidatableResponse refused(ValidatableResponse response, int status, String type) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("urn:prevent-hub:problem:" + type));
    }

    @Test
    void theSameEmailCannotHoldTwoLiveBookingsOnOneSession() {
        UUID session = scheduleSession(aSession(createCourse()).build());
        book(session, anAttendee().email("twice@example.org").build());
        refused(as(Roles.BOOKING).body(anAttendee().email("TWICE@Example.org").name("Other").build())
                .post("/sessions/" + session + "/bookings").then(), 409, "already-booked");
        assertThat(bookingsOf(session)).isEqualTo(1);
    }

    @Test
    void aCancelledBookingFreesTheEmailToBookAgain() {
        UUID session = scheduleSession(aSession(createCourse()).build());
        var first = book(session, anAttendee().email("again@example.org").build());
        asTrainer().body(Map.of()).post("/bookings/" + first.getString("reference") + "/cancellation").then().statusCode(200);
        book(session, anAttendee().email("again@example.org").build());
    }

    @Test
    void aCancelledOrPastSessionTakesNoBookings() {
        UUID cancelled = scheduleSession(aSession(createCourse()).build());
        asTrainer().body(Map.of("reason", "Trainer ill")).post("/sessions/" + cancelled + "/cancellation").then().statusCode(200);
        refused(as(Roles.BOOKING).body(anAttendee().build()).post("/sessions/" + cancelled + "/bookings").then(),
                409, "session-not-bookable");

        UUID past = scheduleSession(aSession(createCourse()).build());
        holdSession(past);
        refused(as(Roles.BOOKING).body(anAttendee().build()).post("/sessions/" + past + "/bookings").then(),
                409, "session-not-bookable");
        assertThat(bookingsOf(cancelled) + bookingsOf(past)).isZero();
    }

    @Test
    void aBespokeSessionTakesOnlyItsOwnOrganisation() {
        UUID session = scheduleSession(aSession(createCourse()).bespokeFor("Warwickshire Youth Justice Service").build());
        refused(as(Roles.BOOKING).body(anAttendee().organisation("Rugby Borough Council").build())
                .post("/sessions/" + session + "/bookings").then(), 422, "bespoke-session");
        refused(as(Roles.BOOKING).body(anAttendee().organisation(null).build())
                .post("/sessions/" + session + "/bookings").then(), 422, "bespoke-session");
        assertThat(bookingsOf(session)).isZero();
        book(session, anAttendee().organisation("warwickshire youth justice service").build());
    }

    /** A reference no booking can have: references never use O or U. */
    private static final String NO_SUCH_REFERENCE = "NOSUCHRF";

    /**
     * The refusal's problem document without what differs between any two requests: its request id, and its
     * {@code instance}, which is the path the caller asked for (checked to be just that).
     */
    private static Map<String, Object> notFound(ValidatableResponse response, String path) {
        Map<String, Object> problem = new HashMap<>(refused(response, 404, "not-found")
                .body("instance", equalTo(path)).body("requestId", org.hamcrest.Matchers.notNullValue())
                .extract().jsonPath().getMap(""));
        problem.remove("requestId");
        problem.remove("instance");
        return problem;
    }

    private static long cancellationsPublished(String bookingId) {
        return Sql.count("SELECT count(*) FROM outbox_event WHERE aggregateid = ? AND type = ?", bookingId,
                TrainingEventTypes.BOOKING_CANCELLED);
    }

    @Test
    void aCancellationWithTheWrongSecretIsRefusedExactlyAsAMissingReference() {
        UUID session = scheduleSession(aSession(createCourse()).build());
        var booking = book(session, anAttendee().build());
        String reference = booking.getString("reference");

        Map<String, Object> missing = notFound(as(Roles.BOOKING).body(Map.of("secret", "guessed"))
                .post("/bookings/" + NO_SUCH_REFERENCE + "/cancellation").then(), "/bookings/" + NO_SUCH_REFERENCE + "/cancellation");
        assertThat(notFound(as(Roles.BOOKING).body(Map.of("secret", "guessed"))
                .post("/bookings/" + reference + "/cancellation").then(), "/bookings/" + reference + "/cancellation"))
                .isEqualTo(missing);
        assertThat(notFound(as(Roles.BOOKING).body(Map.of())
                .post("/bookings/" + reference + "/cancellation").then(), "/bookings/" + reference + "/cancellation"))
                .isEqualTo(missing);
        assertThat(missing.toString()).doesNotContain(NO_SUCH_REFERENCE);
        // Refused, so nothing changed: still confirmed, its seat still taken, no cancellation published.
        assertThat(Sql.count("SELECT count(*) FROM booking WHERE id = ? AND status = 'CONFIRMED'",
                UUID.fromString(booking.getString("id")))).isEqualTo(1);
        asTrainer().get("/sessions/" + session).then().body("seatsTaken", equalTo(1));
        assertThat(cancellationsPublished(booking.getString("id"))).isZero();

        // Staff need no secret: for them a 404 still means there is no such booking.
        refused(asTrainer().body(Map.of()).post("/bookings/" + NO_SUCH_REFERENCE + "/cancellation").then(), 404, "not-found");
    }

    @Test
    void readingABookingWithTheWrongSecretIsRefusedExactlyAsAMissingReference() {
        UUID session = scheduleSession(aSession(createCourse()).build());
        var booking = book(session, anAttendee().build());
        String reference = booking.getString("reference");

        as(Roles.BOOKING).header("X-Booking-Secret", booking.getString("cancellationSecret"))
                .get("/bookings/by-reference/" + reference).then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("cancellationSecret", org.hamcrest.Matchers.nullValue());
        Map<String, Object> missing = notFound(as(Roles.BOOKING).header("X-Booking-Secret", "wrong")
                .get("/bookings/by-reference/" + NO_SUCH_REFERENCE).then(), "/bookings/by-reference/" + NO_SUCH_REFERENCE);
        assertThat(notFound(as(Roles.BOOKING).header("X-Booking-Secret", "wrong")
                .get("/bookings/by-reference/" + reference).then(), "/bookings/by-reference/" + reference))
                .isEqualTo(missing);
        assertThat(notFound(as(Roles.BOOKING).get("/bookings/by-reference/" + reference).then(),
                "/bookings/by-reference/" + reference)).isEqualTo(missing);

        // Staff read any booking by its reference without the secret, and see 404 only for a missing one.
        for (String staff : new String[] { Roles.TRAINER, Roles.PREVENT_LEAD }) {
            as(staff).get("/bookings/by-reference/" + reference).then().statusCode(200)
                    .body("id", equalTo(booking.getString("id")));
            refused(as(staff).get("/bookings/by-reference/" + NO_SUCH_REFERENCE).then(), 404, "not-found");
        }
    }

    @Test
    void decliningAPromotionWithTheWrongSecretIsRefusedExactlyAsAMissingReference() {
        UUID session = scheduleSession(aSession(createCourse()).capacity(1).build());
        var seated = book(session, anAttendee().build());
        var promoted = book(session, anAttendee().build());
        var next = book(session, anAttendee().build());
        asTrainer().body(Map.of()).post("/bookings/" + seated.getString("reference") + "/cancellation").then().statusCode(200);
        String reference = promoted.getString("reference");

        Map<String, Object> missing = notFound(as(Roles.BOOKING).body(Map.of("secret", "guessed"))
                .post("/bookings/" + NO_SUCH_REFERENCE + "/promotion-declined").then(),
                "/bookings/" + NO_SUCH_REFERENCE + "/promotion-declined");
        assertThat(notFound(as(Roles.BOOKING).body(Map.of("secret", "guessed"))
                .post("/bookings/" + reference + "/promotion-declined").then(), "/bookings/" + reference + "/promotion-declined"))
                .isEqualTo(missing);
        // Refused, so the seat stays with the promoted booking and the next in line still waits.
        asTrainer().get("/bookings/" + promoted.getString("id")).then().body("status", equalTo("CONFIRMED"));
        asTrainer().get("/bookings/" + next.getString("id")).then().body("status", equalTo("WAITLISTED"));
        assertThat(cancellationsPublished(promoted.getString("id"))).isZero();
        refused(asTrainer().body(Map.of()).post("/bookings/" + NO_SUCH_REFERENCE + "/promotion-declined").then(),
                404, "not-found");
    }

    @Test
    void aBookingForAnUnknownSessionIsNotFoundAndBadAttendeesAreNamed() {
        as(Roles.BOOKING).body(anAttendee().build()).post("/sessions/" + UUID.randomUUID() + "/bookings").then()
                .statusCode(404).contentType("application/problem+json");
        UUID session = scheduleSession(aSession(createCourse()).build());
        as(Roles.BOOKING).body(Map.of("name", "", "email", "not-an-email", "sector", "EDUCATION"))
                .post("/sessions/" + session + "/bookings").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItems("name", "email"));
        assertThat(bookingsOf(session)).isZero();
    }

    @Test
    void rolesOtherThanBookingAndStaffCannotBookOrSeeBookings() {
        UUID session = scheduleSession(aSession(createCourse()).build());
        for (String role : new String[] { Roles.ANALYST, Roles.REFERRER, Roles.FEED, Roles.ENGAGEMENT_OFFICER }) {
            as(role).body(anAttendee().build()).post("/sessions/" + session + "/bookings").then().statusCode(403);
        }
        as(Roles.BOOKING).get("/bookings?session=" + session).then().statusCode(403);
        as(Roles.ANALYST).get("/sessions/" + session + "/waiting-list").then().statusCode(403);
        assertThat(bookingsOf(session)).isZero();
    }

    @Test
    void staffBookOnSomeonesBehalfAndFindBookingsByEmail() {
        UUID session = scheduleSession(aSession(createCourse()).build());
        String email = "staff-booked-" + UUID.randomUUID() + "@example.org";
        as(Roles.TRAINER).body(anAttendee().email(email).build()).post("/sessions/" + session + "/bookings")
                .then().statusCode(201).body("channel", equalTo("STAFF"));
        as(Roles.PREVENT_LEAD).queryParam("email", email).get("/bookings").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].attendee.email", equalTo(email));
    }

    @Test
    void theBookingListFiltersBySessionAndByStatus() {
        UUID session = scheduleSession(aSession(createCourse()).capacity(1).build());
        UUID other = scheduleSession(aSession(createCourse()).build());
        var seated = book(session, anAttendee().build());
        var waiting = book(session, anAttendee().build());
        var cancelled = book(other, anAttendee().build());
        var otherLive = book(other, anAttendee().build());
        asTrainer().body(Map.of()).post("/bookings/" + cancelled.getString("reference") + "/cancellation").then().statusCode(200);

        asTrainer().queryParam("session", session.toString()).get("/bookings").then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.id", org.hamcrest.Matchers.containsInAnyOrder(seated.getString("id"), waiting.getString("id")));
        asTrainer().queryParam("session", session.toString()).queryParam("status", "WAITLISTED").get("/bookings").then()
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(waiting.getString("id")))
                .body("items[0].waitlistPosition", equalTo(1));
        asTrainer().queryParam("session", other.toString()).queryParam("status", "CANCELLED").get("/bookings").then()
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(cancelled.getString("id")));
        asTrainer().queryParam("session", other.toString()).queryParam("status", "CONFIRMED").get("/bookings").then()
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(otherLive.getString("id")));
        // Status alone spans sessions; an unknown status is a bad request, not an empty list.
        asTrainer().queryParam("status", "WAITLISTED").queryParam("size", 100).get("/bookings").then()
                .body("items.status", org.hamcrest.Matchers.everyItem(equalTo("WAITLISTED")))
                .body("items.id", org.hamcrest.Matchers.hasItem(waiting.getString("id")));
        asTrainer().queryParam("status", "MAYBE").get("/bookings").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
