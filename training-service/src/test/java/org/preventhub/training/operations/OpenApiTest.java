package org.preventhub.training.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import org.preventhub.testing.ManagementInterface;

/** The published description is complete: every operation explained, exemplified, and its problems documented. */
@QuarkusTest
class OpenApiTest {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private JsonNode document;

    @BeforeEach
    void readTheDocument() throws Exception {
        document = new ObjectMapper().readTree(ManagementInterface.given().accept("application/json").get("/q/openapi").then()
                .statusCode(200).extract().asString());
    }

    /** Every operation of the service (not Quarkus' own /q endpoints), as "METHOD path". */
    private List<Map.Entry<String, JsonNode>> operations() {
        List<Map.Entry<String, JsonNode>> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    operations.add(Map.entry(method.toUpperCase() + " " + path.getKey(), path.getValue().get(method)));
                }
            }
        }
        return operations;
    }

    private static boolean hasExamples(JsonNode mediaType) {
        return (mediaType.has("examples") && mediaType.get("examples").size() > 0) || mediaType.has("example");
    }

    @Test
    void everyOperationHasASummaryADescriptionAndATag() {
        assertThat(operations()).hasSizeGreaterThanOrEqualTo(30);
        for (Map.Entry<String, JsonNode> operation : operations()) {
            JsonNode op = operation.getValue();
            assertThat(op.path("summary").asText()).as(operation.getKey() + " summary").isNotBlank();
            assertThat(op.path("description").asText()).as(operation.getKey() + " description").isNotBlank();
            assertThat(op.path("tags").size()).as(operation.getKey() + " tags").isPositive();
        }
    }

    @Test
    void everyRequestBodyAndMainResponseHasAnExample() {
        for (Map.Entry<String, JsonNode> operation : operations()) {
            JsonNode op = operation.getValue();
            if (op.has("requestBody")) {
                JsonNode content = op.get("requestBody").get("content");
                assertThat(content).as(operation.getKey() + " request content").isNotNull();
                content.fields().forEachRemaining(type -> assertThat(hasExamples(type.getValue()))
                        .as(operation.getKey() + " request example for " + type.getKey()).isTrue());
            }
            String lowest = null;
            for (Iterator<String> codes = op.get("responses").fieldNames(); codes.hasNext();) {
                String code = codes.next();
                if (code.startsWith("2") && (lowest == null || code.compareTo(lowest) < 0)) {
                    lowest = code;
                }
            }
            String main = lowest;
            assertThat(main).as(operation.getKey() + " success response").isNotNull();
            JsonNode response = op.get("responses").get(main);
            assertThat(response.path("description").asText()).as(operation.getKey() + " " + main).isNotBlank();
            if (main.equals("204")) {
                continue;
            }
            assertThat(response.has("content")).as(operation.getKey() + " " + main + " content").isTrue();
            response.get("content").fields().forEachRemaining(type -> assertThat(hasExamples(type.getValue()))
                    .as(operation.getKey() + " " + main + " example for " + type.getKey()).isTrue());
        }
    }

    @Test
    void everyOperationDocumentsItsProblemsAsProblemDocumentsWithRealisticExamples() {
        for (Map.Entry<String, JsonNode> operation : operations()) {
            JsonNode responses = operation.getValue().get("responses");
            List<String> expected = new ArrayList<>(List.of("400", "401", "403", "500"));
            if (operation.getKey().contains("{")) {
                expected.add("404");
            }
            if (operation.getValue().has("requestBody")) {
                expected.addAll(List.of("413", "415"));
            }
            for (String code : expected) {
                JsonNode problem = responses.path(code).path("content").path("application/problem+json");
                assertThat(problem.isMissingNode()).as(operation.getKey() + " " + code).isFalse();
                assertThat(problem.path("schema").path("$ref").asText()).endsWith("/Problem");
                JsonNode example = problem.path("examples").path("problem").path("value");
                assertThat(example.path("status").asInt()).as(operation.getKey() + " " + code).isEqualTo(Integer.parseInt(code));
                assertThat(example.path("type").asText()).as(operation.getKey() + " " + code)
                        .startsWith("urn:prevent-hub:problem:").doesNotContain("…");
                String path = operation.getKey().substring(operation.getKey().indexOf(' ') + 1);
                assertThat(example.path("instance").asText()).as(operation.getKey() + " " + code + " instance")
                        .matches(path.replaceAll("\\{[^}]+}", "[^/]+").replace("/", "\\/"));
            }
            JsonNode internal = responses.get("500").get("content").get("application/problem+json").get("examples")
                    .get("problem").get("value");
            assertThat(internal.path("errorId").asText()).isNotBlank();
        }
    }

    @Test
    void theFeedUploadShowsThisServicesCsvAndJsonAndSaysWhichTypesItTakes() {
        JsonNode upload = document.get("paths").get("/feeds/{feed}/imports").get("post");
        JsonNode csv = upload.get("requestBody").get("content").get("text/csv").get("examples");
        assertThat(csv.get("completions").get("value").asText())
                .startsWith("recordId,person,email,organisation,sector,courseCode,date,mode,area,completed\n")
                .contains("LMS-2020-000123,Sam Taylor");
        JsonNode json = upload.get("requestBody").get("content").get("application/json").get("examples");
        assertThat(json.get("completions").get("value").get("records").get(0).get("courseCode").asText())
                .isEqualTo("PREVENT-UPDATE");
        assertThat(upload.get("responses").get("415").get("description").asText())
                .contains("`text/csv`").contains("`application/json`");
        assertThat(document.get("paths").get("/sessions").get("post").get("responses").get("415").get("description").asText())
                .contains("`application/json`").doesNotContain("csv");
    }

    @Test
    void theDescriptionSaysWhatTheServiceDoesToday() {
        assertThat(document.get("info").get("description").asText())
                .contains("bookings").contains("evaluations").contains("feeds").doesNotContain("come next");
    }
}
