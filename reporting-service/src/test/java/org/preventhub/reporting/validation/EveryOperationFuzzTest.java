package org.preventhub.reporting.validation;

import static io.restassured.RestAssured.given;
import static org.preventhub.reporting.support.ReportingApi.as;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.Sql;
import org.preventhub.testing.TestTokens;
import org.preventhub.testing.openapi.OpenApiFuzzer;
import org.preventhub.testing.openapi.ServiceDocument;

import io.quarkus.test.junit.QuarkusTest;

/**
 * No input reaches a 500: random, boundary and garbage requests to every operation of the reporting service's OpenAPI
 * document are answered below 500, every 4xx as a problem document, and refused requests write nothing.
 */
@QuarkusTest
class EveryOperationFuzzTest {

    @Test
    void randomBoundaryAndMalformedInputToEveryOperationIsA4xxProblemNeverA5xxAndRefusedRequestsWriteNothing() {
        String action = as(Roles.PREVENT_LEAD).body(Map.of("priority", "AWARENESS_LEARNING", "title", "Fuzzed action",
                "ownerOrganisation", "Prevent team", "status", "NOT_STARTED", "rag", "AMBER")).post("/actions").then()
                .statusCode(201).extract().path("id");
        String token = TestTokens.as(Roles.PREVENT_LEAD, Roles.ADMIN).agency("warwickshire-county-council")
                .username("fuzz-lead").token();
        OpenApiFuzzer.of(ServiceDocument.read())
                .as(() -> given().auth().oauth2(token))
                .pathValues("id", action, "training.people-trained", "referrals.received", "training.sessions-delivered")
                .volatileTables("dead_letter", "processed_event")
                // A rebuild runs on its own thread: wait for it before counting, and leave none running.
                .settleWith(() -> Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Sql.count(
                        "SELECT count(*) FROM projection_state WHERE rebuild_status = 'RUNNING'") == 0))
                .tries(Integer.getInteger("fuzz.tries", 120))
                .run();
    }
}
