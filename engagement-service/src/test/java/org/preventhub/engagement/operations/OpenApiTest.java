package org.preventhub.engagement.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.preventhub.engagement.communication.CommunicationDtos;
import org.preventhub.engagement.document.DocumentDtos;
import org.preventhub.engagement.event.EventDtos;
import org.preventhub.engagement.governance.GovernanceDtos;
import org.preventhub.engagement.organisation.OrganisationDtos;
import org.preventhub.testing.JsonBodies;
import org.preventhub.testing.ManagementInterface;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiTest {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    /** Request records by schema name, to read each request example back as the service would. */
    private static final Map<String, Class<?>> REQUESTS = Map.ofEntries(
            Map.entry("EventRequest", EventDtos.EventRequest.class), Map.entry("HeldRequest", EventDtos.HeldRequest.class),
            Map.entry("AttendanceCorrection", EventDtos.AttendanceCorrection.class), Map.entry("Reason", EventDtos.Reason.class),
            Map.entry("PostponeRequest", EventDtos.PostponeRequest.class),
            Map.entry("PreferenceRequest", org.preventhub.platform.reminder.ReminderPreferenceResource.PreferenceRequest.class),
            Map.entry("CommunicationRequest", CommunicationDtos.CommunicationRequest.class),
            Map.entry("OrganisationRequest", OrganisationDtos.OrganisationRequest.class),
            Map.entry("ContactSubjectAccessRequest", org.preventhub.engagement.privacy.SubjectAccessResource.SubjectRequest.class),
            Map.entry("GovernanceBodyRequest", GovernanceDtos.GovernanceBodyRequest.class),
            Map.entry("AssessmentRequest", org.preventhub.engagement.assessment.AssessmentDtos.AssessmentRequest.class),
            Map.entry("CriteriaRequest", org.preventhub.engagement.assessment.AssessmentDtos.CriteriaRequest.class),
            Map.entry("ImprovementRequest", org.preventhub.engagement.assessment.AssessmentDtos.ImprovementRequest.class),
            Map.entry("ScoresRequest", org.preventhub.engagement.assessment.AssessmentDtos.ScoresRequest.class),
            Map.entry("AwardRequest", org.preventhub.engagement.funding.FundingDtos.AwardRequest.class),
            Map.entry("ProjectRequest", org.preventhub.engagement.funding.FundingDtos.ProjectRequest.class),
            Map.entry("StatusRequest", org.preventhub.engagement.funding.FundingDtos.StatusRequest.class),
            Map.entry("GovernanceMemberRequest", GovernanceDtos.GovernanceMemberRequest.class),
            Map.entry("GovernanceMeetingRequest", GovernanceDtos.GovernanceMeetingRequest.class),
            Map.entry("GovernanceMinutesRequest", GovernanceDtos.GovernanceMinutesRequest.class),
            Map.entry("GovernanceDocumentRequest", DocumentDtos.GovernanceDocumentRequest.class),
            Map.entry("GovernanceReviewRequest", DocumentDtos.GovernanceReviewRequest.class));

    @Test
    void openApiDescribesEveryResourceWithExamplesAndProblems() {
        ManagementInterface.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/events'.post.responses.'201'", notNullValue())
                .body("paths.'/events'.post.responses.'400'.content.'application/problem+json'", notNullValue())
                .body("paths.'/events'.get.parameters.name", hasItems("type", "area", "priority", "partner", "from", "to",
                        "status", "page", "size", "sort"))
                .body("paths.'/communications'.get.parameters.name", hasItems("channel", "priority", "audience",
                        "incidentResponse", "partner", "from", "to"))
                .body("paths.'/events/{id}/attendance-correction'.post", notNullValue())
                .body("paths.'/events/{id}/held'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/events/{id}/postponement'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/communications'.post", notNullValue())
                .body("paths.'/organisations'.post", notNullValue())
                .body("paths.'/feeds/{feed}/imports'.post", notNullValue())
                .body("components.schemas.EventRequest.properties.title.examples[0]", containsString("We Stand Together"))
                .body("components.schemas.EventRequest.properties.area.examples[0]", equalTo("nuneaton-and-bedworth"))
                .body("components.schemas.CommunicationRequest.properties.channel.examples[0]", equalTo("BULLETIN"))
                .body("components.schemas.CommunicationRequest.properties.partners", notNullValue())
                .body("components.schemas.PartnerRole.properties.role.examples[0]", equalTo("ORGANISER"))
                .body("components.schemas.EventView.properties.statusHistory", notNullValue())
                .body("components.securitySchemes.bearer", notNullValue());
    }

    /** The service's own operations; the feed endpoints are the platform's, and documented there. */
    private static List<Map.Entry<String, JsonNode>> operations(JsonNode document) {
        List<Map.Entry<String, JsonNode>> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/q/") || path.getKey().startsWith("/feeds")) {
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

    @Test
    void everyOperationHasADescriptionAnExampleOfItsBodyAndOfItsAnswerAndEachRequestExampleIsAValidRequest()
            throws Exception {
        JsonNode document = new ObjectMapper().readTree(ManagementInterface.given().accept("application/json").get("/q/openapi").then()
                .statusCode(200).extract().asString());
        ObjectMapper strict = JsonBodies.MAPPER.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<Map.Entry<String, JsonNode>> operations = operations(document);
        assertThat(operations).hasSizeGreaterThanOrEqualTo(17);
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> operation : operations) {
            String name = operation.getKey();
            JsonNode op = operation.getValue();
            if (op.path("summary").asText().isBlank() || op.path("description").asText().isBlank()) {
                missing.add(name + ": summary or description");
            }
            // A binary body (a document's PDF) has no JSON example to show.
            if (op.has("requestBody") && op.get("requestBody").path("content").has("application/json")) {
                JsonNode json = op.get("requestBody").path("content").path("application/json");
                JsonNode examples = json.path("examples");
                if (examples.isEmpty()) {
                    missing.add(name + ": request example");
                }
                String schema = json.path("schema").path("$ref").asText().replace("#/components/schemas/", "");
                Class<?> type = REQUESTS.get(schema);
                if (type == null) {
                    missing.add(name + ": request schema " + schema + " unknown to this test");
                } else {
                    for (JsonNode example : examples) {
                        strict.readValue(example.get("value").isTextual() ? example.get("value").asText()
                                : example.get("value").toString(), type);
                    }
                }
            }
            String success = null;
            for (Iterator<String> codes = op.get("responses").fieldNames(); codes.hasNext();) {
                String code = codes.next();
                if (code.startsWith("2") && (success == null || code.compareTo(success) < 0)) {
                    success = code;
                }
            }
            JsonNode content = success == null ? null : op.get("responses").get(success).path("content");
            JsonNode answer = content == null ? null : content.path("application/json");
            boolean binary = content != null && content.has("application/pdf");
            if (!binary && (answer == null || answer.path("examples").isEmpty())) {
                missing.add(name + ": example of its " + success + " answer");
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void readinessChecksTheDatabaseAndKafka() {
        ManagementInterface.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
