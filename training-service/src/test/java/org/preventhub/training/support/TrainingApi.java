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

    public static RequestSpecification as(String... roles) {
        return given().auth().oauth2(TestTokens.token(roles)).contentType(ContentType.JSON);
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

    public static UUID scheduleSession(SessionRequest session) {
        return UUID.fromString(asTrainer().body(session).post("/sessions").then().statusCode(201)
                .extract().path("id"));
    }
}
