package org.preventhub.reporting.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.reporting.support.ReportingApi.as;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.JsonBodies;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The local stack's demo action plan (deploy/demo-data/reporting-service.json), run call by call against the service
 * as the stack's loader does: every call accepted, and the seed report's recommended actions in place for each of
 * the six priorities, with owner, due date, RAG, dated progress and existing linked indicators.
 */
@QuarkusTest
class DemoActionPlanTest {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

    @Test
    void theDemoActionPlanLoadsAndCoversEveryPriority() throws IOException {
        JsonNode plan = JsonBodies.MAPPER.readTree(Files.readString(Path.of("../deploy/demo-data/reporting-service.json")));
        assertThat(plan.path("service").asText()).isEqualTo("reporting-service");
        Map<String, String> refs = new HashMap<>();
        for (JsonNode step : plan.path("steps")) {
            assertThat(step.path("as").asText()).isEqualTo(Roles.PREVENT_LEAD);
            String path = resolve(step.get("path").asText(), refs);
            String body = resolve(step.get("body").toString(), refs);
            JsonPath answer = as(step.path("as").asText()).body(body).request(step.path("method").asText(), path).then()
                    .statusCode(org.hamcrest.Matchers.either(org.hamcrest.Matchers.is(200)).or(org.hamcrest.Matchers.is(201)))
                    .extract().jsonPath();
            if (step.has("ref")) {
                refs.put(step.get("ref").asText(), answer.getString("id"));
            }
        }

        for (String priority : List.of("COMMUNITY_ENGAGEMENT", "LEADERSHIP_GOVERNANCE", "AWARENESS_LEARNING", "SAFE_EDUCATION",
                "SUPPORT", "INTELLIGENCE_COMMUNICATIONS")) {
            assertThat(refs.values().stream().map(id -> as(Roles.ANALYST).get("/actions/" + id).then().statusCode(200)
                    .extract().jsonPath()).filter(a -> a.getString("priority").equals(priority))).as(priority).isNotEmpty();
        }
        for (String id : refs.values()) {
            JsonPath action = as(Roles.ANALYST).get("/actions/" + id).then().statusCode(200).extract().jsonPath();
            assertThat(action.getString("ownerOrganisation")).isNotBlank();
            assertThat(action.getString("dueOn")).isNotBlank();
            assertThat(action.getString("rag")).isIn("RED", "AMBER", "GREEN");
            assertThat(action.getList("progress.on")).isNotEmpty().allSatisfy(on -> assertThat(on).isNotNull());
            assertThat(action.getList("linkedIndicators")).isNotEmpty();
        }
        JsonPath awareness = as(Roles.ANALYST).get("/actions?priority=AWARENESS_LEARNING&size=100").then().statusCode(200)
                .extract().jsonPath();
        assertThat(awareness.getList("items.title", String.class))
                .contains("Promote the online Prevent Update course and keep its content current");
    }

    private static String resolve(String text, Map<String, String> refs) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(refs.get(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
