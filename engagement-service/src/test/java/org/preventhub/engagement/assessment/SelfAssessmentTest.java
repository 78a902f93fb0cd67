package org.preventhub.engagement.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.preventhub.engagement.support.EngagementApi.as;
import static org.preventhub.engagement.support.EngagementApi.organisation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.engagement.EngagementEventTypes;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.KafkaEvents;
import org.preventhub.testing.ReceivedEvent;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class SelfAssessmentTest {

    private static String framework() {
        return "TOOLKIT_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static Map<String, Object> criterion(String code, String section, int max) {
        return Map.of("code", code, "section", section, "title", "Criterion " + code, "maxScore", max,
                "priority", "LEADERSHIP_GOVERNANCE");
    }

    private static void load(String framework, List<Map<String, Object>> criteria) {
        as(Roles.PREVENT_LEAD).body(Map.of("criteria", criteria)).put("/assessments/frameworks/" + framework + "/criteria")
                .then().statusCode(200);
    }

    private static String assess(String framework, int year, String organisation) {
        return as(Roles.PREVENT_LEAD).body(Map.of("framework", framework, "year", year, "organisationId", organisation,
                "assessedOn", (year + 1) + "-07-14")).post("/assessments").then().statusCode(201).extract().path("id");
    }

    @Test
    void theHomeOfficeToolkitShippedWithTheServiceIsLoadedAndADeploymentReplacesItsCriteriaKeepingRetiredOnes() {
        as(Roles.ANALYST).get("/assessments/frameworks/HOME_OFFICE_PREVENT_TOOLKIT/criteria").then().statusCode(200)
                .body("code", hasItem("HO-2")).body("size()", equalTo(10));

        String framework = framework();
        load(framework, List.of(criterion("A", "Leadership", 4), criterion("B", "Support", 4)));
        as(Roles.PREVENT_LEAD).body(Map.of("criteria", List.of(criterion("A", "Leadership and partnership", 5),
                criterion("C", "Training", 4)))).put("/assessments/frameworks/" + framework + "/criteria").then()
                .statusCode(200).body("created", equalTo(1)).body("updated", equalTo(1)).body("retired", equalTo(1));
        as(Roles.ANALYST).get("/assessments/frameworks/" + framework + "/criteria").then()
                .body("code", equalTo(List.of("A", "C"))).body("[0].maxScore", equalTo(5));
        as(Roles.ANALYST).get("/assessments/frameworks/" + framework + "/criteria?all=true").then()
                .body("code", equalTo(List.of("A", "C", "B")));
        as(Roles.ENGAGEMENT_OFFICER).body(Map.of("criteria", List.of(criterion("A", "x", 4))))
                .put("/assessments/frameworks/" + framework + "/criteria").then().statusCode(403);
    }

    @Test
    void yearlyScoresWithEvidenceMakeATrendAndEachScoringIsPublishedForReporting() {
        String framework = framework();
        load(framework, List.of(criterion("GOV-1", "Leadership", 4), criterion("GOV-2", "Leadership", 4),
                criterion("SUP-1", "Support", 2)));
        String council = organisation("COUNCIL");
        String first = assess(framework, 2019, council);
        as(Roles.PREVENT_LEAD).body(Map.of("framework", framework, "year", 2019, "organisationId", council,
                "assessedOn", "2020-07-14")).post("/assessments").then().statusCode(409);

        // A score beyond a criterion's best, or an unknown criterion, is refused naming the field; nothing is stored.
        as(Roles.PREVENT_LEAD).body(Map.of("scores", List.of(Map.of("criterionCode", "SUP-1", "score", 3))))
                .put("/assessments/" + first + "/scores").then().statusCode(400)
                .body("violations.field", hasItem("scores[0].score"));
        as(Roles.PREVENT_LEAD).body(Map.of("scores", List.of(Map.of("criterionCode", "NOPE", "score", 1))))
                .put("/assessments/" + first + "/scores").then().statusCode(400)
                .body("violations.field", hasItem("scores[0].criterionCode"));

        as(Roles.PREVENT_LEAD).body(Map.of("scores", List.of(
                Map.of("criterionCode", "GOV-1", "score", 2, "evidence", "Strategy Group met three times of four"),
                Map.of("criterionCode", "GOV-2", "score", 3), Map.of("criterionCode", "SUP-1", "score", 1))))
                .put("/assessments/" + first + "/scores").then().statusCode(200)
                .body("score", equalTo(6)).body("maxScore", equalTo(10)).body("percent", equalTo(60.0f))
                .body("scores[0].evidence", equalTo("Strategy Group met three times of four"));
        String second = assess(framework, 2020, council);
        as(Roles.PREVENT_LEAD).body(Map.of("scores", List.of(Map.of("criterionCode", "GOV-1", "score", 4),
                Map.of("criterionCode", "GOV-2", "score", 3), Map.of("criterionCode", "SUP-1", "score", 2))))
                .put("/assessments/" + second + "/scores").then().statusCode(200).body("percent", equalTo(90.0f));

        JsonPath trend = as(Roles.ANALYST).get("/assessments/trend?framework=" + framework).then().statusCode(200)
                .extract().jsonPath();
        assertThat(trend.getList("years.year")).containsExactly(2019, 2020);
        assertThat(trend.getList("years.percent")).containsExactly(60.0f, 90.0f);
        assertThat(trend.getList("years[0].sections.section")).containsExactly("Leadership", "Support");
        assertThat(trend.getList("years[0].sections.score")).containsExactly(5, 1);

        List<ReceivedEvent> scored = KafkaEvents.forKey(Topics.ENGAGEMENT, second, 1, Duration.ofSeconds(30));
        assertThat(scored.get(0).type()).isEqualTo(EngagementEventTypes.ASSESSMENT_SCORED);
        assertThat(scored.get(0).data().get("year").asInt()).isEqualTo(2020);
        assertThat(scored.get(0).data().get("scores").size()).isEqualTo(3);
        assertThat(scored.get(0).data().get("organisationType").asText()).isEqualTo("COUNCIL");
        // Evidence is prose: it stays here.
        assertThat(KafkaEvents.forKey(Topics.ENGAGEMENT, first, 1, Duration.ofSeconds(30)).get(0).data().toString())
                .doesNotContain("three times");
    }

    @Test
    void anImprovementActionIsPublishedForTheActionPlan() {
        String framework = framework();
        load(framework, List.of(criterion("SUP-1", "Support", 4)));
        String council = organisation("COUNCIL");
        String assessment = assess(framework, 2019, council);
        String action = as(Roles.PREVENT_LEAD).body(Map.of("criterionCode", "SUP-1",
                "title", "Respond to the new national Channel Guidance", "priority", "SUPPORT",
                "ownerOrganisationId", council, "dueOn", "2021-03-31"))
                .post("/assessments/" + assessment + "/improvement-actions").then().statusCode(201).extract().path("id");
        as(Roles.ANALYST).get("/assessments/" + assessment).then().body("improvements.id", hasItem(action))
                .body("improvements[0].criterionCode", equalTo("SUP-1"));

        ReceivedEvent raised = KafkaEvents.forKey(Topics.ENGAGEMENT, action, 1, Duration.ofSeconds(30)).get(0);
        assertThat(raised.type()).isEqualTo(EngagementEventTypes.IMPROVEMENT_ACTION_RAISED);
        assertThat(raised.data().get("title").asText()).isEqualTo("Respond to the new national Channel Guidance");
        assertThat(raised.data().get("raisedOn").asText()).isEqualTo("2020-07-14");
        assertThat(raised.data().get("criterionCode").asText()).isEqualTo("SUP-1");
    }
}
