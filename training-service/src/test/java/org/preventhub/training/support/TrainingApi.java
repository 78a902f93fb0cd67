package org.preventhub.training.support;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import org.preventhub.platform.security.Roles;
import org.preventhub.testing.JsonBodies;
import org.preventhub.testing.TestTokens;
import org.preventhub.training.course.CourseRequest;
import org.preventhub.training.session.SessionRequest;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Calls the running service over HTTP, as a client would. */
public final class TrainingApi {

    static {
        JsonBodies.install();
    }

    private TrainingApi() {
    }

    /** The agency the tests' staff work for, and so the one that runs the sessions they schedule. */
    public static final String AGENCY = "warwickshire-county-council";

    public static RequestSpecification as(String... roles) {
        return asOf(AGENCY, roles);
    }

    /** A caller who works for {@code agency}. */
    public static RequestSpecification asOf(String agency, String... roles) {
        return given().auth().oauth2(TestTokens.as(roles).agency(agency).token()).contentType(ContentType.JSON);
    }

    public static RequestSpecification asTrainer() {
        return as(Roles.TRAINER);
    }

    public static UUID createCourse(CourseRequest course) {
        return UUID.fromString(asTrainer().body(course).post("/courses").then().statusCode(201)
                .extract().path("id"));
    }

    public static UUID createCourse() {
        return createCourse(CourseBuilder.aCourse().build());
    }

    /** Books as the public booking website would; returns the booking's JSON. */
    public static io.restassured.path.json.JsonPath book(UUID sessionId, org.preventhub.training.booking.BookingRequest attendee) {
        return as("booking").body(attendee).post("/sessions/" + sessionId + "/bookings").then().statusCode(201)
                .extract().jsonPath();
    }

    /** Moves a session into the past, as if it had taken place (attendance is recorded after the start). */
    public static void holdSession(UUID sessionId) {
        java.time.OffsetDateTime yesterday = java.time.OffsetDateTime.now().minusDays(1).withNano(0);
        var current = asTrainer().get("/sessions/" + sessionId).then().statusCode(200).extract().jsonPath();
        asTrainer().body(SessionBuilder.aSession(null).startingAt(yesterday).capacity(current.getInt("capacity"))
                .area(current.getString("area")).build())
                .put("/sessions/" + sessionId).then().statusCode(200);
    }

    public static UUID scheduleSession(SessionRequest session) {
        return UUID.fromString(asTrainer().body(session).post("/sessions").then().statusCode(201)
                .extract().path("id"));
    }
}
