package org.preventhub.reporting.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.reporting.support.ReportingApi.as;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.reporting.support.ReportingApi;
import org.preventhub.testing.DemoDataPlan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The local stack's demo action plan (deploy/demo-data/reporting-service.json), run call by call against the service
 * as the stack's loader does: every call accepted, and the seed report's recommended actions in place for each of
 * the six priorities, with owner, due date, RAG, dated progress and existing linked indicators.
 */
@QuarkusTest
class DemoActionPlanTest {

    @Test
    void theDemoActionPlanLoadsAndCoversEveryPriority() {
        DemoDataPlan plan = DemoDataPlan.of("reporting-service");
        plan.replay(ReportingApi::as, (step, response) -> assertThat(step.as()).isEqualTo(Roles.PREVENT_LEAD));
        Map<String, String> refs = new java.util.HashMap<>(plan.refs());
        refs.remove("edition"); // the demo year's report edition (DemoEditionTest), not an action

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
}
