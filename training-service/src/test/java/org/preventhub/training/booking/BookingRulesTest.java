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

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
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

    @Test
    void aCancellationWithTheWrongSecretIsRefused() {
        UUID session = scheduleSession(aSession(createCourse()).build());
        var booking = book(session, anAttendee().build());
        refused(as(Roles.BOOKING).body(Map.of("secret", "guessed"))
                .post("/bookings/" + booking.getString("reference") + "/cancellation").then(), 403, "forbidden");
        refused(as(Roles.BOOKING).body(Map.of())
                .post("/bookings/" + booking.getString("reference") + "/cancellation").then(), 403, "forbidden");
        as(Roles.BOOKING).body(Map.of("secret", "x")).post("/bookings/NOSUCHREF/cancellation").then().statusCode(404);
        assertThat(Sql.count("SELECT count(*) FROM booking WHERE id = ? AND status = 'CONFIRMED'",
                UUID.fromString(booking.getString("id")))).isEqualTo(1);

        as(Roles.BOOKING).header("X-Booking-Secret", booking.getString("cancellationSecret"))
                .get("/bookings/by-reference/" + booking.getString("reference")).then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("cancellationSecret", org.hamcrest.Matchers.nullValue());
        as(Roles.BOOKING).header("X-Booking-Secret", "wrong")
                .get("/bookings/by-reference/" + booking.getString("reference")).then().statusCode(403);
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
