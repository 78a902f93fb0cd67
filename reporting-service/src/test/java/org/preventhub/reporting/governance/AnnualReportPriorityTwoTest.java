package org.preventhub.reporting.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.reporting.support.ReportingApi.as;

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
import org.preventhub.contracts.engagement.GovernanceMeetingHeld;
import org.preventhub.contracts.engagement.SelfAssessmentScored;
import org.preventhub.contracts.engagement.SelfAssessmentScored.CriterionScore;
import org.preventhub.platform.security.Roles;
import org.preventhub.reporting.support.GovernanceFixture;
import org.preventhub.testing.CloudEventProducer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The annual report's priority 2 section over the seed year (September 2019 – August 2020) as engagement publishes it:
 * the Strategy Group's four quarterly meetings and a regional group that missed its April meeting to lockdown, the
 * register's reviews (Terms of Reference, action plan, CTLP on time; a document never reviewed overdue), the
 * self-assessment against the year before, and funding by funder. Names are made unique, since the test database
 * is shared; the figures are read from their cells.
 */
@QuarkusTest
class AnnualReportPriorityTwoTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theAnnualReportsPriorityTwoSectionShowsMeetingsReviewsSelfAssessmentAndFundingOfTheYear() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String strategyGroup = "Prevent Strategy Group " + run;
        String regional = "Regional Prevent Working Group " + run;
        UUID sg = UUID.randomUUID();
        for (String day : List.of("2019-09-17", "2019-12-10", "2020-06-16", "2020-07-14")) {
            meeting(sg, strategyGroup, "STRATEGY_GROUP", LocalDate.parse(day), true);
        }
        UUID rwg = UUID.randomUUID();
        meeting(rwg, regional, "REGIONAL_WORKING_GROUP", LocalDate.parse("2019-10-08"), true);
        meeting(rwg, regional, "REGIONAL_WORKING_GROUP", LocalDate.parse("2020-01-14"), true);
        meeting(rwg, regional, "REGIONAL_WORKING_GROUP", LocalDate.parse("2020-07-07"), false); // online, too few joined

        String tor = "TOR_" + run, plan = "ACTION_PLAN_" + run, ctlp = "CTLP_" + run, other = "OTHER_" + run;
        reviewed(tor, "2018-09-18", "2019-09-17");
        reviewed(plan, "2019-07-16", "2020-07-14");
        reviewed(ctlp, "2019-02-13", "2020-02-13");
        GovernanceFixture.document(EngagementEventTypes.DOCUMENT_REGISTERED, UUID.randomUUID(), other,
                LocalDate.parse("2018-11-01"), null); // due 2019-11-01, never reviewed

        String section = "Leadership " + run;
        scored(2018, section, 2, 3);
        scored(2019, section, 3, 4);

        String ctu = "West Midlands CTU " + run, pcc = "Police and Crime Commissioner " + run;
        award(ctu, "POLICE", "5000.00", Priority.COMMUNITY_ENGAGEMENT, "2019-10-01");
        award(pcc, "FUNDER", "6000.00", Priority.SAFE_EDUCATION, "2019-12-01");
        award(pcc, "FUNDER", "3000.00", Priority.SAFE_EDUCATION, "2020-09-01"); // next year's

        JsonNode priorityTwo = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> section(), s -> cell(s, "funding.awarded", pcc) != null
                        && cell(s, "governance.meetings-held", regional) != null
                        && cell(s, "governance.documents-reviewed-on-time", other) != null
                        && cell(s, "governance.self-assessment-score", section) != null
                        && cell(s, "governance.meetings-held", strategyGroup) != null
                        && cell(s, "governance.meetings-held", strategyGroup).path("numerator").asInt() == 4
                        && cell(s, "governance.self-assessment-score", section).path("numerator").asInt() == 7);

        // Meetings held quorate of planned, and quorate of held, per body.
        assertFigure(cell(priorityTwo, "governance.meetings-held", strategyGroup), 4, 4, 100);
        assertFigure(cell(priorityTwo, "governance.meetings-held", regional), 2, 4, 50);
        assertFigure(cell(priorityTwo, "governance.meetings-quorate", regional), 2, 3, 66.7);
        // Reviews that fell due in the year: on time, or late when never done.
        assertFigure(cell(priorityTwo, "governance.documents-reviewed-on-time", tor), 1, 1, 100);
        assertFigure(cell(priorityTwo, "governance.documents-reviewed-on-time", plan), 1, 1, 100);
        assertFigure(cell(priorityTwo, "governance.documents-reviewed-on-time", ctlp), 1, 1, 100);
        assertFigure(cell(priorityTwo, "governance.documents-reviewed-on-time", other), 0, 1, 0);
        assertThat(cell(priorityTwo, "governance.documents-overdue", other).path("value").asInt()).isEqualTo(1);
        assertThat(cell(priorityTwo, "governance.documents-overdue", tor)).isNull();
        // The self-assessment: 7 of 8 this year; the report compares the whole score with the year before.
        assertFigure(cell(priorityTwo, "governance.self-assessment-score", section), 7, 8, 87.5);
        JsonNode score = indicator(priorityTwo, "governance.self-assessment-score");
        assertThat(score.path("previous").path("period").path("from").asText()).isEqualTo("2018-09-01");
        assertThat(score.path("previous").path("figure").isMissingNode()).isFalse();
        // Funding by funder, by the day each award starts: next year's award is not this year's.
        assertThat(cell(priorityTwo, "funding.awarded", ctu).path("value").asInt()).isEqualTo(5000);
        assertThat(cell(priorityTwo, "funding.awarded", pcc).path("value").asInt()).isEqualTo(6000);

        String html = as(Roles.ANALYST).get("/reports/annual?year=2019&calendar=reporting&format=html").then().statusCode(200)
                .extract().asString();
        assertThat(html).contains("Leadership, governance and accountability", strategyGroup, regional,
                "Funding awarded", "Self-assessment score");
    }

    private static JsonNode section() throws Exception {
        JsonNode report = JSON.readTree(as(Roles.ANALYST).get("/reports/annual?year=2019&calendar=reporting&format=json")
                .then().statusCode(200).extract().asString());
        for (JsonNode section : report.path("sections")) {
            if (section.path("priority").asText().equals("LEADERSHIP_GOVERNANCE")) {
                return section;
            }
        }
        throw new AssertionError("No priority 2 section");
    }

    private static JsonNode indicator(JsonNode section, String id) {
        for (JsonNode figure : section.path("indicators")) {
            if (figure.path("indicator").path("id").asText().equals(id)) {
                return figure;
            }
        }
        throw new AssertionError("No " + id + " in priority 2");
    }

    private static JsonNode cell(JsonNode section, String id, String key) {
        for (JsonNode cell : indicator(section, id).path("breakdown").path("cells")) {
            if (cell.path("key").asText().equals(key)) {
                return cell.path("figure");
            }
        }
        return null;
    }

    private static void assertFigure(JsonNode figure, int numerator, int denominator, double percent) {
        assertThat(figure).as("a figure").isNotNull();
        assertThat(figure.path("numerator").asInt()).isEqualTo(numerator);
        assertThat(figure.path("denominator").asInt()).isEqualTo(denominator);
        assertThat(figure.path("value").asDouble()).isCloseTo(percent, org.assertj.core.data.Offset.offset(0.05));
    }

    private static void meeting(UUID body, String name, String kind, LocalDate day, boolean quorate) {
        UUID id = UUID.randomUUID();
        CloudEventProducer.publish(Topics.ENGAGEMENT, EngagementEventTypes.GOVERNANCE_MEETING_HELD, id.toString(),
                new GovernanceMeetingHeld(id, body, name, kind, 4, day, quorate, quorate ? 7 : 3, 2, 10, quorate ? 1 : 0, 0,
                        List.of("COUNCIL", "POLICE")));
    }

    private static void reviewed(String type, String issuedOn, String reviewedOn) {
        UUID id = UUID.randomUUID();
        GovernanceFixture.document(EngagementEventTypes.DOCUMENT_REGISTERED, id, type, LocalDate.parse(issuedOn), null);
        GovernanceFixture.document(EngagementEventTypes.DOCUMENT_REVIEWED, id, type, LocalDate.parse(issuedOn),
                LocalDate.parse(reviewedOn));
    }

    private static void scored(int year, String section, int leadership, int support) {
        UUID id = UUID.randomUUID();
        CloudEventProducer.publish(Topics.ENGAGEMENT, EngagementEventTypes.ASSESSMENT_SCORED, id.toString(),
                new SelfAssessmentScored(id, "HOME_OFFICE_PREVENT_TOOLKIT", year, LocalDate.of(year + 1, 7, 14),
                        UUID.randomUUID(), "COUNCIL", List.of(
                                new CriterionScore("HO-2", section, Priority.LEADERSHIP_GOVERNANCE, leadership, 4),
                                new CriterionScore("HO-5", section, Priority.SUPPORT, support, 4))));
    }

    private static void award(String funder, String type, String amount, Priority priority, String startsOn) {
        UUID id = UUID.randomUUID();
        LocalDate starts = LocalDate.parse(startsOn);
        CloudEventProducer.publish(Topics.ENGAGEMENT, EngagementEventTypes.FUNDING_AWARDED, id.toString(),
                new FundingAwarded(id, UUID.nameUUIDFromBytes(funder.getBytes()), funder, type, new BigDecimal(amount),
                        starts, starts.plusYears(1).minusDays(1), priority, "Prevent projects", List.of()));
    }
}
