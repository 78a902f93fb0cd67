package org.preventhub.training.validation;

import static io.restassured.RestAssured.given;
import static org.preventhub.training.support.AttendeeBuilder.anAttendee;
import static org.preventhub.training.support.SessionBuilder.aSession;
import static org.preventhub.training.support.TrainingApi.book;
import static org.preventhub.training.support.TrainingApi.createCourse;
import static org.preventhub.training.support.TrainingApi.scheduleSession;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.TestTokens;
import org.preventhub.testing.openapi.OpenApiFuzzer;
import org.preventhub.testing.openapi.ServiceDocument;
import org.preventhub.training.support.TrainingApi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * No input reaches a 500: random, boundary and garbage requests to every operation of the training service's OpenAPI
 * document are answered below 500, every 4xx as a problem document, and refused requests write nothing.
 */
@QuarkusTest
class EveryOperationFuzzTest {

    @Test
    void randomBoundaryAndMalformedInputToEveryOperationIsA4xxProblemNeverA5xxAndRefusedRequestsWriteNothing() {
        UUID course = createCourse();
        UUID session = scheduleSession(aSession(course).build());
        JsonPath booking = book(session, anAttendee().build());
        String token = TestTokens.as(Roles.PREVENT_LEAD, Roles.ADMIN, Roles.TRAINER, Roles.BOOKING, Roles.FEED)
                .agency(TrainingApi.AGENCY).username("fuzz-lead").client("fuzz-client").token();
        // A paused subscription of the fuzzing client, so that its operations are reached past the owner check too.
        UUID subscription = UUID.fromString(given().auth().oauth2(token).contentType("application/json")
                .body(org.preventhub.training.support.Webhooks.subscriptionRequest("fuzz"))
                .post("/webhooks/subscriptions").then().statusCode(201).extract().path("id"));
        UUID delivery = org.preventhub.training.support.Webhooks.failedDelivery(subscription);
        OpenApiFuzzer.of(ServiceDocument.read())
                .as(() -> given().auth().oauth2(token))
                .pathValues("id", course.toString(), session.toString(), subscription.toString())
                .pathValues("deliveryId", delivery.toString())
                // Written by the webhook fan-out and dispatcher, on their own, after the requests that made events.
                .volatileTables("webhook_delivery", "webhook_attempt")
                .pathValues("sessionId", session.toString())
                .pathValues("reference", booking.getString("reference"))
                .pathValues("feed", "completions")
                .settlingFeedJobs()
                .tries(Integer.getInteger("fuzz.tries", 120))
                .run();
    }
}
