package org.preventhub.reporting.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.reporting.support.ReportingApi.as;
import static org.preventhub.reporting.support.ReportingApi.awaitValues;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.contracts.DeliveryMode;
import org.preventhub.platform.security.Roles;
import org.preventhub.reporting.support.Fixture;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A fixture year computed by hand (reporting year September 2031 – August 2032):
 * sessions delivered: WRAP 2 in person in Rugby (10 and 8 attended, 2 and 0 no-shows), PU 1 online (5 attended);
 * one session in August 2031, before the year (3 attended), which must not count.
 * People trained: 10 + 8 + 5 = 23 from registers, plus 2 completed feed records (1 not completed) = 25.
 * Evaluations: 19 in the year, 18 yes: 94.7% (target 95: not met).
 * Communications: 3, reach 100 + 250 + unknown = 350.
 */
@QuarkusTest
class IndicatorsFromEventsTest {

    @Test
    void eventsTurnIntoTheHandComputedFiguresOfTheYear() {
        String wrap = "WRAP-" + UUID.randomUUID().toString().substring(0, 5);
        String update = "PU-" + UUID.randomUUID().toString().substring(0, 5);
        UUID first = Fixture.deliveredSession(wrap, LocalDate.of(2031, 10, 7), DeliveryMode.IN_PERSON, "rugby", 10, 2);
        Fixture.deliveredSession(wrap, LocalDate.of(2032, 2, 11), DeliveryMode.IN_PERSON, "rugby", 8, 0);
        Fixture.deliveredSession(update, LocalDate.of(2032, 5, 20), DeliveryMode.ONLINE, "county-wide", 5, 0);
        Fixture.deliveredSession(wrap, LocalDate.of(2031, 8, 20), DeliveryMode.IN_PERSON, "rugby", 3, 0);
        Fixture.completion(update, LocalDate.of(2032, 6, 1), "warwick", true);
        Fixture.completion(update, LocalDate.of(2032, 6, 2), "warwick", true);
        Fixture.completion(update, LocalDate.of(2032, 6, 3), "warwick", false);
        for (int i = 0; i < 19; i++) {
            Fixture.evaluation(first, wrap, LocalDate.of(2031, 10, 7), "rugby", i != 0);
        }
        Fixture.communication(LocalDate.of(2031, 12, 1), "NEWSLETTER", 100);
        Fixture.communication(LocalDate.of(2032, 3, 1), "NEWSLETTER", 250);
        Fixture.communication(LocalDate.of(2032, 7, 1), "SOCIAL_MEDIA", null);

        String year = "year=2031&calendar=reporting";
        awaitValues(Roles.ANALYST, "training.sessions-delivered", year + "&by=course", v -> {
            assertThat(v.getInt("figure.value")).isEqualTo(3);
            assertThat(v.getString("period.from")).isEqualTo("2031-09-01");
            assertThat(v.getString("period.to")).isEqualTo("2032-08-31");
        });
        JsonPath sessions = as(Roles.ANALYST).get("/indicators/training.sessions-delivered/values?" + year + "&by=course")
                .then().extract().jsonPath();
        assertThat(sessions.getList("breakdown.cells.findAll { it.key == '" + wrap + "' }.figure.value")).containsExactly(2);
        assertThat(sessions.getInt("previous.figure.value")).isGreaterThanOrEqualTo(1); // includes August 2031

        awaitValues(Roles.ANALYST, "training.people-trained", year + "&by=source", v -> {
            assertThat(v.getInt("figure.value")).isGreaterThanOrEqualTo(25);
        });
        JsonPath people = as(Roles.ANALYST).get("/indicators/training.people-trained/values?" + year + "&by=course").then()
                .extract().jsonPath();
        assertThat(people.getList("breakdown.cells.findAll { it.key == '" + wrap + "' }.figure.value")).containsExactly(18);
        assertThat(people.getList("breakdown.cells.findAll { it.key == '" + update + "' }.figure.value")).containsExactly(7);

        JsonPath understands = awaitValues(Roles.ANALYST, "training.understands-concern", year + "&by=course",
                v -> assertThat(v.getList("breakdown.cells.findAll { it.key == '" + wrap + "' }.figure.denominator"))
                        .containsExactly(19));
        assertThat(understands.getList("breakdown.cells.findAll { it.key == '" + wrap + "' }.figure.value"))
                .containsExactly(94.7f);
        assertThat(understands.getFloat("indicator.target")).isEqualTo(95f);

        awaitValues(Roles.ANALYST, "communications.reach", year, v -> assertThat(v.getInt("figure.value")).isGreaterThanOrEqualTo(350));
    }

    @Test
    void periodsAreTheReportingYearTheStatisticalYearQuartersMonthsAndRanges() {
        JsonPath statistical = as(Roles.ANALYST).get("/indicators/referrals.received/values?year=2019&calendar=statistical")
                .then().statusCode(200).extract().jsonPath();
        assertThat(statistical.getString("period.from")).isEqualTo("2019-04-01");
        assertThat(statistical.getString("period.to")).isEqualTo("2020-03-31");
        assertThat(statistical.getString("previous.period.from")).isEqualTo("2018-04-01");
        JsonPath quarter = as(Roles.ANALYST).get("/indicators/referrals.received/values?quarter=2020-Q1").then()
                .statusCode(200).extract().jsonPath();
        assertThat(quarter.getString("period.to")).isEqualTo("2020-03-31");
        assertThat(quarter.getString("previous.period.from")).isEqualTo("2019-10-01");
        JsonPath month = as(Roles.ANALYST).get("/indicators/referrals.received/values?month=2020-02").then()
                .statusCode(200).extract().jsonPath();
        assertThat(month.getString("period.to")).isEqualTo("2020-02-29");
        as(Roles.ANALYST).get("/indicators/referrals.received/values?from=2020-01-10&to=2020-01-19").then().statusCode(200)
                .body("previous.period.from", org.hamcrest.Matchers.equalTo("2019-12-31"));
        as(Roles.ANALYST).get("/indicators/referrals.received/values").then().statusCode(400);
        as(Roles.ANALYST).get("/indicators/referrals.received/values?year=2019&by=shoe_size").then().statusCode(400);
        as(Roles.ANALYST).get("/indicators/no.such/values?year=2019").then().statusCode(404);
    }

    @Test
    void aMonthlySeriesFillsEveryMonthOfThePeriod() {
        String course = "SERIES-" + UUID.randomUUID().toString().substring(0, 5);
        Fixture.deliveredSession(course, LocalDate.of(2033, 11, 3), DeliveryMode.IN_PERSON, "warwick", 4, 0);
        awaitValues(Roles.ANALYST, "training.sessions-delivered", "year=2033", v -> assertThat(v.getInt("figure.value")).isEqualTo(1));
        JsonPath series = as(Roles.ANALYST).get("/indicators/training.sessions-delivered/series?year=2033").then()
                .statusCode(200).extract().jsonPath();
        assertThat(series.getList("points.month")).hasSize(12).startsWith("2033-09").endsWith("2034-08");
        assertThat(series.getList("points.figure.value")).containsExactly(0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void thePreventLeadRedefinesAnIndicatorAsDataAndOthersCannot() {
        String id = "custom." + UUID.randomUUID().toString().substring(0, 6);
        var definition = new java.util.HashMap<String, Object>();
        definition.put("id", id);
        definition.put("name", "Online sessions delivered");
        definition.put("priority", "AWARENESS_LEARNING");
        definition.put("fact", "session_fact");
        definition.put("dateColumn", "starts_on");
        definition.put("measure", "count");
        definition.put("filters", java.util.Map.of("status", "DELIVERED", "mode", "ONLINE"));
        definition.put("unit", "sessions");
        definition.put("direction", "UP");
        definition.put("breakdowns", List.of("area"));
        definition.put("aboutPeopleReferred", false);
        definition.put("displayOrder", 99);
        as(Roles.ANALYST).body(definition).put("/indicators/" + id).then().statusCode(403);
        as(Roles.PREVENT_LEAD).body(definition).put("/indicators/" + id).then().statusCode(201);
        definition.put("filters", java.util.Map.of("status", "DELIVERED", "password", "x"));
        as(Roles.PREVENT_LEAD).body(definition).put("/indicators/" + id).then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("filters"));
        as(Roles.ANALYST).get("/indicators/" + id + "/values?year=2019").then().statusCode(200);
        as(Roles.REFERRER).get("/indicators/" + id + "/values?year=2019").then().statusCode(403);
    }
}
