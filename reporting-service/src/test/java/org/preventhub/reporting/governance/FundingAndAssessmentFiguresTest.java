package org.preventhub.reporting.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.reporting.support.ReportingApi.as;
import static org.preventhub.reporting.support.ReportingApi.awaitValues;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.preventhub.contracts.Priority;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.engagement.EngagementEventTypes;
import org.preventhub.contracts.engagement.FundingAwarded;
import org.preventhub.contracts.engagement.ImprovementActionRaised;
import org.preventhub.contracts.engagement.SelfAssessmentScored;
import org.preventhub.contracts.engagement.SelfAssessmentScored.CriterionScore;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.CloudEventProducer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Self-assessment scores by year, improvement actions in the action plan, and funding by funder and priority. */
@QuarkusTest
class FundingAndAssessmentFiguresTest {

    private static void scored(String framework, int year, int... scores) {
        UUID id = UUID.randomUUID();
        List<CriterionScore> criteria = List.of(
                new CriterionScore("A", "Leadership", Priority.LEADERSHIP_GOVERNANCE, scores[0], 4),
                new CriterionScore("B", "Support", Priority.SUPPORT, scores[1], 4));
        CloudEventProducer.publish(Topics.ENGAGEMENT, EngagementEventTypes.ASSESSMENT_SCORED, id.toString(),
                new SelfAssessmentScored(id, framework, year, LocalDate.of(year + 1, 7, 14), UUID.randomUUID(), "COUNCIL",
                        criteria));
    }

    @Test
    void theSelfAssessmentScoreIsGivenForEachReportingYearAssessedAndByFramework() {
        String framework = "TOOLKIT_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        scored(framework, 2043, 2, 3);
        scored(framework, 2044, 4, 3);
        String cell = "breakdown.cells.findAll { it.key == '" + framework + "' }.figure.";
        JsonPath first = awaitValues(Roles.ANALYST, "governance.self-assessment-score", "year=2043&calendar=reporting&by=framework",
                v -> assertThat(v.getList(cell + "denominator")).containsExactly(8));
        assertThat(first.getList(cell + "value")).containsExactly(62.5f);
        JsonPath second = awaitValues(Roles.ANALYST, "governance.self-assessment-score", "year=2044&calendar=reporting&by=framework",
                v -> assertThat(v.getList(cell + "numerator")).containsExactly(7));
        assertThat(second.getList(cell + "value")).containsExactly(87.5f);
    }

    @Test
    void anImprovementActionFromASelfAssessmentJoinsTheActionPlan() {
        UUID id = UUID.randomUUID();
        CloudEventProducer.publish(Topics.ENGAGEMENT, EngagementEventTypes.IMPROVEMENT_ACTION_RAISED, id.toString(),
                new ImprovementActionRaised(id, UUID.randomUUID(), "HOME_OFFICE_PREVENT_TOOLKIT", 2019, "HO-5",
                        LocalDate.of(2020, 7, 14), "Respond to the new national Channel Guidance", Priority.SUPPORT, null,
                        "Warwickshire County Council", LocalDate.of(2021, 3, 31)));
        JsonPath action = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> as(Roles.ANALYST).get("/actions/" + id).then().extract(), r -> r.statusCode() == 200).jsonPath();
        assertThat(action.getString("priority")).isEqualTo("SUPPORT");
        assertThat(action.getString("description")).contains("2019 self-assessment", "HO-5");
        assertThat(action.getString("ownerOrganisation")).isEqualTo("Warwickshire County Council");
    }

    @Test
    void fundingIsSummedByFunderAndByPriority() {
        String pcc = "Police and Crime Commissioner " + UUID.randomUUID().toString().substring(0, 6);
        String ctu = "West Midlands CTU " + UUID.randomUUID().toString().substring(0, 6);
        award(pcc, "FUNDER", "5000.00", Priority.SAFE_EDUCATION, LocalDate.of(2045, 10, 1));
        award(ctu, "POLICE", "7500.00", Priority.COMMUNITY_ENGAGEMENT, LocalDate.of(2045, 11, 1));
        award(ctu, "POLICE", "2500.00", Priority.SAFE_EDUCATION, LocalDate.of(2046, 1, 15));
        award(ctu, "POLICE", "999.00", Priority.SAFE_EDUCATION, LocalDate.of(2046, 10, 1)); // the next year

        String year = "year=2045&calendar=reporting&by=funder";
        JsonPath byFunder = awaitValues(Roles.ANALYST, "funding.awarded", year,
                v -> assertThat(v.getList("breakdown.cells.findAll { it.key == '" + ctu + "' }.figure.value")).containsExactly(10000));
        assertThat(byFunder.getList("breakdown.cells.findAll { it.key == '" + pcc + "' }.figure.value")).containsExactly(5000);
        JsonPath byPriority = as(Roles.ANALYST).get("/indicators/funding.awarded/values?year=2045&calendar=reporting&by=priority")
                .then().statusCode(200).extract().jsonPath();
        assertThat(byPriority.getInt("breakdown.cells.findAll { it.key == 'SAFE_EDUCATION' }.figure.value[0]")).isGreaterThanOrEqualTo(7500);
    }

    private static void award(String funder, String type, String amount, Priority priority, LocalDate startsOn) {
        UUID id = UUID.randomUUID();
        CloudEventProducer.publish(Topics.ENGAGEMENT, EngagementEventTypes.FUNDING_AWARDED, id.toString(),
                new FundingAwarded(id, UUID.nameUUIDFromBytes(funder.getBytes()), funder, type, new BigDecimal(amount),
                        startsOn, startsOn.plusYears(1).minusDays(1), priority, "Prevent projects", List.of("Game On")));
    }
}
