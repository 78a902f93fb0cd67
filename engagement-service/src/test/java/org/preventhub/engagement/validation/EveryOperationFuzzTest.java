package org.preventhub.engagement.validation;

import static io.restassured.RestAssured.given;
import static org.preventhub.engagement.support.EngagementApi.communication;
import static org.preventhub.engagement.support.EngagementApi.event;
import static org.preventhub.engagement.support.EngagementApi.organisation;
import static org.preventhub.engagement.support.EngagementApi.plan;
import static org.preventhub.engagement.support.EngagementApi.publish;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.TestTokens;
import org.preventhub.testing.openapi.OpenApiFuzzer;
import org.preventhub.testing.openapi.ServiceDocument;

import io.quarkus.test.junit.QuarkusTest;

/**
 * No input reaches a 500: random, boundary and garbage requests to every operation of the engagement service's
 * OpenAPI document are answered below 500, every 4xx as a problem document, and refused requests write nothing.
 */
@QuarkusTest
class EveryOperationFuzzTest {

    @Test
    void randomBoundaryAndMalformedInputToEveryOperationIsA4xxProblemNeverA5xxAndRefusedRequestsWriteNothing() {
        String event = plan(event("Fuzzed forum", List.of(LocalDate.now().plusDays(7).toString())));
        String organisation = organisation("FAITH_GROUP");
        String communication = publish(communication("Fuzzed newsletter"));
        String token = TestTokens.as(Roles.PREVENT_LEAD, Roles.ADMIN, Roles.ENGAGEMENT_OFFICER, Roles.FEED)
                .agency("warwickshire-county-council").username("fuzz-lead").token();
        OpenApiFuzzer.of(ServiceDocument.read())
                .as(() -> given().auth().oauth2(token))
                .pathValues("id", event, organisation, communication)
                .pathValues("feed", "events")
                .settlingFeedJobs()
                .tries(Integer.getInteger("fuzz.tries", 120))
                .run();
    }
}
