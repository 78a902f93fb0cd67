package org.preventhub.training.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.preventhub.training.support.AttendeeBuilder.anAttendee;
import static org.preventhub.training.support.SessionBuilder.aSession;
import static org.preventhub.training.support.TrainingApi.AGENCY;
import static org.preventhub.training.support.TrainingApi.as;
import static org.preventhub.training.support.TrainingApi.asOf;
import static org.preventhub.training.support.TrainingApi.asTrainer;
import static org.preventhub.training.support.TrainingApi.book;
import static org.preventhub.training.support.TrainingApi.createCourse;
import static org.preventhub.training.support.TrainingApi.scheduleSession;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * A session is run by the agency of the trainer who scheduled it: its trainers and the Prevent lead act on it and see
 * its people; a trainer of another agency sees the session, not who is on it (README, "Decisions").
 */
@QuarkusTest
class SessionsOfOtherAgenciesTest {

    private static final String OTHER_AGENCY = "warwickshire-police";

    private UUID sessionId;
    private JsonPath booking;

    @BeforeEach
    void aSessionRunByTheCountyCouncilWithOneBooking() {
        sessionId = scheduleSession(aSession(createCourse()).capacity(1).build());
        booking = book(sessionId, anAttendee().build());
        book(sessionId, anAttendee().build()); // on the waiting list
    }

    private static RequestSpecification otherTrainer() {
        return asOf(OTHER_AGENCY, Roles.TRAINER);
    }

    @Test
    void theSessionSaysWhichAgencyRunsIt() {
        otherTrainer().get("/sessions/" + sessionId).then().statusCode(200).body("runBy", equalTo(AGENCY));
    }

    @Test
    void aTrainerOfAnotherAgencySeesTheSessionButNoneOfItsPeople() {
        otherTrainer().get("/bookings?session=" + sessionId).then().statusCode(200).body("totalItems", equalTo(0));
        otherTrainer().get("/bookings/" + booking.getString("id")).then().statusCode(404);
        otherTrainer().get("/bookings/by-reference/" + booking.getString("reference")).then().statusCode(404);
        for (String people : List.of("/waiting-list", "/attendance", "/evaluations")) {
            otherTrainer().get("/sessions/" + sessionId + people).then().statusCode(403)
                    .body("type", equalTo("urn:prevent-hub:problem:forbidden"));
        }
    }

    @Test
    void theTrainersOfTheAgencyThatRunsItAndThePreventLeadOfAnyAgencySeeItsPeople() {
        for (RequestSpecification staff : List.of(asTrainer(), asOf(OTHER_AGENCY, Roles.PREVENT_LEAD))) {
            staff.get("/bookings?session=" + sessionId).then().statusCode(200).body("totalItems", equalTo(2));
        }
        asTrainer().get("/bookings/" + booking.getString("id")).then().statusCode(200)
                .body("attendee.email", equalTo(booking.getString("attendee.email")));
        asTrainer().get("/sessions/" + sessionId + "/waiting-list").then().statusCode(200).body("totalItems", equalTo(1));
        as(Roles.PREVENT_LEAD).get("/sessions/" + sessionId + "/attendance").then().statusCode(200);
    }

    @Test
    void aTrainerOfAnotherAgencyCanNeitherChangeNorCancelTheSessionNorItsBookings() {
        otherTrainer().body(Map.of("reason", "Not ours to cancel")).post("/sessions/" + sessionId + "/cancellation")
                .then().statusCode(403);
        otherTrainer().body(aSession(null).capacity(30).build()).put("/sessions/" + sessionId).then().statusCode(403);
        otherTrainer().body(Map.of()).post("/bookings/" + booking.getString("reference") + "/cancellation")
                .then().statusCode(404);
        otherTrainer().body(Map.of("bookings", List.of(), "walkIns", List.of()))
                .put("/sessions/" + sessionId + "/attendance").then().statusCode(403);
        otherTrainer().post("/sessions/" + sessionId + "/delivery").then().statusCode(403);

        asTrainer().get("/sessions/" + sessionId).then().statusCode(200)
                .body("status", equalTo("SCHEDULED")).body("capacity", equalTo(1));
        asTrainer().get("/bookings/" + booking.getString("id")).then().statusCode(200).body("status", equalTo("CONFIRMED"));
        assertThat(Sql.count("SELECT count(*) FROM attendance WHERE session_id = ?", sessionId)).isZero();
    }
}
