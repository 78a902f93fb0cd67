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
        // Records of its own: the fuzz test changes and deletes what it is given, and the standard indicators are
        // other tests' (a real definition gets its values computed, so the engine is reached).
        String indicator = "fuzz." + java.util.UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> definition = new java.util.HashMap<>();
        definition.put("id", indicator);
        definition.put("name", "Fuzzed sessions delivered");
        definition.put("priority", "AWARENESS_LEARNING");
        definition.put("fact", "session_fact");
        definition.put("dateColumn", "starts_on");
        definition.put("measure", "count");
        definition.put("filters", Map.of("status", "DELIVERED"));
        definition.put("unit", "sessions");
        definition.put("direction", "UP");
        definition.put("breakdowns", java.util.List.of("area"));
        definition.put("aboutPeopleReferred", false);
        definition.put("displayOrder", 99);
        as(Roles.PREVENT_LEAD).body(definition).put("/indicators/" + indicator).then().statusCode(201);
        try {
            fuzz(action, indicator);
        } finally {
            as(Roles.PREVENT_LEAD).delete("/indicators/" + indicator);
        }
    }

    private static void fuzz(String action, String indicator) {
        String token = TestTokens.as(Roles.PREVENT_LEAD, Roles.ADMIN).agency("warwickshire-county-council")
                .username("fuzz-lead").token();
        OpenApiFuzzer.of(ServiceDocument.read())
                .as(() -> given().auth().oauth2(token))
                .pathValues("id", action, indicator)
                .volatileTables("dead_letter", "processed_event")
                // A rebuild runs on its own thread: wait for it before counting, and leave none running.
                .settleWith(() -> Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Sql.count(
                        "SELECT count(*) FROM projection_state WHERE rebuild_status = 'RUNNING'") == 0))
                .tries(Integer.getInteger("fuzz.tries", 120))
                .run();
    }
}
