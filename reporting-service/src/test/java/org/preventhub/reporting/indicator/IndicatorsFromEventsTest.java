package org.preventhub.reporting.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.reporting.support.ReportingApi.as;
import static org.preventhub.reporting.support.ReportingApi.awaitValues;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.preventhub.contracts.DeliveryMode;
import org.preventhub.contracts.Priority;
import org.preventhub.platform.security.Roles;
import org.preventhub.reporting.support.Fixture;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A fixture year computed by hand (reporting year September 2031 – August 2032):
 * sessions delivered: WRAP 2 in person in Rugby (10 and 8 attended, 2 and 0 no-shows), PU 1 online (5 attended);
 * one session in August 2031, before the year (3 attended), which must not count.
 * People trained: 10 + 8 + 5 = 23 from registers, plus 2 completed feed records (1 not completed; 1 completed only
 * in a later import's correction) = 25.
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
        // Feed records: one in the single-record event of earlier imports, still read from the log; then an import
        // of two, one not completed; then a later import that corrects one and leaves the other as not completed.
        Fixture.completion(update, LocalDate.of(2032, 6, 1), "warwick", true);
        Fixture.Completion corrected = Fixture.Completion.of(update, LocalDate.of(2032, 6, 2), "warwick", false);
        Fixture.Completion notCompleted = Fixture.Completion.of(update, LocalDate.of(2032, 6, 3), "warwick", false);
        Instant imported = Instant.now();
        Fixture.completions(imported, List.of(corrected, notCompleted));
        Fixture.completions(imported.plusSeconds(60), List.of(new Fixture.Completion(corrected.recordId(), update,
                LocalDate.of(2032, 6, 2), "warwick", true)));
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
        assertThat(sessions.getInt("previous.figure.value")).isEqualTo(1); // August 2031

        awaitValues(Roles.ANALYST, "training.people-trained", year + "&by=source", v -> {
            assertThat(v.getInt("figure.value")).isEqualTo(25);
            assertThat(v.getList("breakdown.cells.figure.value")).containsExactly(2, 23); // feed, register
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

        awaitValues(Roles.ANALYST, "communications.reach", year, v -> assertThat(v.getInt("figure.value")).isEqualTo(350));
        awaitValues(Roles.ANALYST, "communications.issued", year + "&by=channel", v -> {
            assertThat(v.getInt("figure.value")).isEqualTo(3);
            assertThat(v.getList("breakdown.cells.findAll { it.key == 'NEWSLETTER' }.figure.value")).containsExactly(2);
        });
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
        as(Roles.PREVENT_LEAD).get("/indicators/referrals.received/values?from=2020-01-10&to=2020-01-19").then().statusCode(200)
                .body("previous.period.from", org.hamcrest.Matchers.equalTo("2019-12-31"));
        as(Roles.ANALYST).get("/indicators/training.people-trained/values?from=2020-01-10&to=2020-01-19").then().statusCode(200)
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
        definition.put("filters", Map.of("status", "DELIVERED", "mode", "ONLINE"));
        definition.put("unit", "sessions");
        definition.put("direction", "UP");
        definition.put("breakdowns", List.of("area"));
        definition.put("aboutPeopleReferred", false);
        definition.put("displayOrder", 99);
        as(Roles.ANALYST).body(definition).put("/indicators/" + id).then().statusCode(403);
        as(Roles.PREVENT_LEAD).body(definition).put("/indicators/" + id).then().statusCode(201);
        definition.put("filters", Map.of("status", "DELIVERED", "password", "x"));
        as(Roles.PREVENT_LEAD).body(definition).put("/indicators/" + id).then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("filters"));
        as(Roles.ANALYST).get("/indicators/" + id + "/values?year=2019").then().statusCode(200);
        as(Roles.REFERRER).get("/indicators/" + id + "/values?year=2019").then().statusCode(403);
    }

    /**
     * Reporting year 2047, the engagement service's events as its contract records: three We Stand Together public
     * meetings (52, 48, 47 people), a community forum (attendance not counted), a business event (30, corrected to
     * 35), one cancelled and one never held; a school project over nine days (220 pupils, safe education), the
     * annual conference (100, awareness) and a strategy group meeting (governance). Each counts under its priority.
     */
    @Test
    void communityEventsCountUnderTheirOwnPriorityWithTheirLatestAttendance() {
        Fixture.communityEvent("We Stand Together – Nuneaton", "PUBLIC_MEETING", Priority.COMMUNITY_ENGAGEMENT,
                "nuneaton-and-bedworth", List.of(LocalDate.of(2047, 9, 19)), 52);
        Fixture.communityEvent("We Stand Together – Leamington Spa", "PUBLIC_MEETING", Priority.COMMUNITY_ENGAGEMENT,
                "warwick", List.of(LocalDate.of(2047, 9, 26)), 48);
        Fixture.communityEvent("We Stand Together – Rugby", "PUBLIC_MEETING", Priority.COMMUNITY_ENGAGEMENT, "rugby",
                List.of(LocalDate.of(2047, 10, 10)), 47);
        Fixture.communityEvent("Community Forum", "COMMUNITY_FORUM", Priority.COMMUNITY_ENGAGEMENT, "warwick",
                List.of(LocalDate.of(2047, 11, 19)), null);
        var business = Fixture.communityEvent("Business community event", "BUSINESS_EVENT", Priority.COMMUNITY_ENGAGEMENT,
                "stratford-on-avon", List.of(LocalDate.of(2048, 2, 26)), 30);
        Fixture.attendanceCorrected(business, 35, Fixture.noon(LocalDate.of(2048, 3, 2)));
        Fixture.communityEvent("Called off", "PUBLIC_MEETING", Priority.COMMUNITY_ENGAGEMENT, "rugby",
                List.of(LocalDate.of(2047, 12, 1)), -1);
        Fixture.plannedEvent("Not yet", "PUBLIC_MEETING", Priority.COMMUNITY_ENGAGEMENT, "rugby", LocalDate.of(2048, 3, 1));
        List<LocalDate> nineDays = new java.util.ArrayList<>();
        for (int day : new int[] { 13, 14, 15, 16, 17, 20, 21, 22, 23 }) {
            nineDays.add(LocalDate.of(2048, 1, day));
        }
        Fixture.communityEvent("Game On", "SCHOOL_PROJECT", Priority.SAFE_EDUCATION, "nuneaton-and-bedworth", nineDays, 220);
        Fixture.communityEvent("Annual Prevent conference", "CONFERENCE", Priority.AWARENESS_LEARNING, "county-wide",
                List.of(LocalDate.of(2047, 10, 23)), 100);
        Fixture.communityEvent("Prevent Strategy Group", "GOVERNANCE_MEETING", Priority.LEADERSHIP_GOVERNANCE, "county-wide",
                List.of(LocalDate.of(2047, 9, 17)), null);

        String year = "year=2047";
        awaitValues(Roles.ANALYST, "engagement.attendance", year + "&by=type", v -> {
            assertThat(v.getInt("figure.value")).isEqualTo(182);
            assertThat(v.getList("breakdown.cells.findAll { it.key == 'PUBLIC_MEETING' }.figure.value")).containsExactly(147);
            assertThat(v.getList("breakdown.cells.findAll { it.key == 'BUSINESS_EVENT' }.figure.value")).containsExactly(35);
        });
        JsonPath held = as(Roles.ANALYST).get("/indicators/engagement.events-held/values?" + year + "&by=type").then()
                .statusCode(200).extract().jsonPath();
        assertThat(held.getInt("figure.value")).isEqualTo(5);
        assertThat(held.getList("breakdown.cells.findAll { it.key == 'PUBLIC_MEETING' }.figure.value")).containsExactly(3);
        awaitValues(Roles.ANALYST, "education.attendance", year, v -> assertThat(v.getInt("figure.value")).isEqualTo(220));
        awaitValues(Roles.ANALYST, "education.events-held", year, v -> assertThat(v.getInt("figure.value")).isEqualTo(1));
        awaitValues(Roles.ANALYST, "awareness.attendance", year, v -> assertThat(v.getInt("figure.value")).isEqualTo(100));
        awaitValues(Roles.ANALYST, "governance.events-held", year, v -> assertThat(v.getInt("figure.value")).isEqualTo(1));
    }

    /**
     * Reporting year 2046: six referrals. Two screened out (no further action, signposted), three discussed at a
     * panel, two of them adopted, and both exited (one with no further concerns, one referred to other services);
     * one still being screened.
     */
    @Test
    void referralsAreCountedAtEachChannelStageByTheDayTheyReachedIt() {
        LocalDate october = LocalDate.of(2046, 10, 1);
        Fixture.Referral.received(october).from("EDUCATION").in("warwick").screenedOut(october.plusDays(4), "NO_FURTHER_ACTION");
        Fixture.Referral.received(october.plusDays(1)).from("HEALTH").in("rugby").screenedOut(october.plusDays(5), "SIGNPOSTED");
        Fixture.Referral.received(october.plusDays(2)).from("POLICE").in("rugby").listedForPanel(october.plusDays(6))
                .notAdopted(LocalDate.of(2046, 11, 10));
        Fixture.Referral.received(october.plusDays(3)).from("POLICE").in("warwick").listedForPanel(october.plusDays(6))
                .adopted(LocalDate.of(2046, 11, 10)).exited(LocalDate.of(2047, 2, 1), "NO_FURTHER_CONCERNS");
        Fixture.Referral.received(october.plusDays(4)).from("COMMUNITY").in("warwick").listedForPanel(october.plusDays(6))
                .adopted(LocalDate.of(2046, 11, 10)).exited(LocalDate.of(2047, 3, 1), "REFERRED_TO_OTHER_SERVICES");
        Fixture.Referral.received(october.plusDays(5)).from("EDUCATION").in("rugby").publish();

        String year = "year=2046";
        awaitValues(Roles.PREVENT_LEAD, "referrals.exited", year, v -> assertThat(v.getInt("figure.value")).isEqualTo(2));
        JsonPath received = as(Roles.PREVENT_LEAD).get("/indicators/referrals.received/values?" + year + "&by=referrer_sector")
                .then().statusCode(200).extract().jsonPath();
        assertThat(received.getInt("figure.value")).isEqualTo(6);
        assertThat(received.getMap("breakdown.cells.collectEntries { [it.key, it.figure.value] }"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("COMMUNITY", 1, "EDUCATION", 2, "HEALTH", 1, "POLICE", 2));
        assertThat(value(Roles.PREVENT_LEAD, "referrals.screened-out", year)).isEqualTo(2);
        assertThat(value(Roles.PREVENT_LEAD, "referrals.discussed-at-panel", year)).isEqualTo(3);
        assertThat(value(Roles.PREVENT_LEAD, "referrals.adopted", year)).isEqualTo(2);
        JsonPath exited = as(Roles.PREVENT_LEAD).get("/indicators/referrals.exited/values?" + year + "&by=exit_outcome").then()
                .statusCode(200).extract().jsonPath();
        assertThat(exited.getMap("breakdown.cells.collectEntries { [it.key, it.figure.value] }"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("NO_FURTHER_CONCERNS", 1, "REFERRED_TO_OTHER_SERVICES", 1));
        JsonPath bySector = as(Roles.PREVENT_LEAD).get("/indicators/referrals.exited/values?" + year + "&by=referrer_sector")
                .then().statusCode(200).extract().jsonPath();
        assertThat(bySector.getMap("breakdown.cells.collectEntries { [it.key, it.figure.value] }"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("COMMUNITY", 1, "POLICE", 1));
    }

    /**
     * Reviews fall due six and twelve months after exit. In area overdue-area: one case never reviewed (due July
     * 2016), one reviewed once (next due January 2017), one reviewed twice (closed, nothing due). In overdue-now a
     * case whose review falls due in five months: not overdue yet, although before the end of its period.
     */
    @Test
    void overdueReviewsAreThoseDueBeforeTheEndOfThePeriodOrTodayAndNotRecorded() {
        Fixture.Referral.received(LocalDate.of(2015, 6, 1)).in("overdue-area").listedForPanel(LocalDate.of(2015, 6, 10))
                .adopted(LocalDate.of(2015, 7, 1)).exited(LocalDate.of(2016, 1, 15), "NO_FURTHER_CONCERNS");
        Fixture.Referral.received(LocalDate.of(2015, 6, 2)).in("overdue-area").listedForPanel(LocalDate.of(2015, 6, 10))
                .adopted(LocalDate.of(2015, 7, 1)).exited(LocalDate.of(2016, 1, 20), "NO_FURTHER_CONCERNS")
                .reviewed(LocalDate.of(2016, 7, 10));
        Fixture.Referral.received(LocalDate.of(2015, 6, 3)).in("overdue-area").listedForPanel(LocalDate.of(2015, 6, 10))
                .adopted(LocalDate.of(2015, 7, 1)).exited(LocalDate.of(2016, 2, 1), "NO_FURTHER_CONCERNS")
                .reviewed(LocalDate.of(2016, 8, 1)).reviewed(LocalDate.of(2017, 2, 1));
        LocalDate exited = LocalDate.now(java.time.ZoneId.of("Europe/London")).minusMonths(1);
        LocalDate due = exited.plusMonths(6);
        Fixture.Referral.received(exited.minusMonths(3)).in("overdue-now").listedForPanel(exited.minusMonths(3))
                .adopted(exited.minusMonths(2)).exited(exited, "NO_FURTHER_CONCERNS");

        awaitValues(Roles.PREVENT_LEAD, "referrals.overdue-reviews", "year=2016&by=area",
                v -> assertThat(v.getList("breakdown.cells.findAll { it.key == 'overdue-area' }.figure.value")).containsExactly(2));
        assertThat(as(Roles.PREVENT_LEAD).get("/indicators/referrals.overdue-reviews/values?year=2015&by=area").then()
                .statusCode(200).extract().jsonPath().getList("breakdown.cells.findAll { it.key == 'overdue-area' }.figure.value"))
                .containsExactly(1);
        int dueYear = due.getMonthValue() >= 9 ? due.getYear() : due.getYear() - 1;
        Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                as(Roles.PREVENT_LEAD).get("/indicators/referrals.exited/values?year=" + (exited.getMonthValue() >= 9
                        ? exited.getYear() : exited.getYear() - 1) + "&by=area").then().extract().jsonPath()
                        .getList("breakdown.cells.findAll { it.key == 'overdue-now' }.figure.value")).containsExactly(1));
        assertThat(as(Roles.PREVENT_LEAD).get("/indicators/referrals.overdue-reviews/values?year=" + dueYear + "&by=area")
                .then().statusCode(200).extract().jsonPath().getList("breakdown.cells.findAll { it.key == 'overdue-now' }"))
                .as("due after today: not overdue yet").isEmpty();
    }

    @Test
    void actionsOnTrackAreTheGreenAndCompletedOnesOutOfAll() {
        JsonPath before = as(Roles.ANALYST).get("/indicators/actions.on-track/values?year=2019").then().statusCode(200)
                .extract().jsonPath();
        String[][] actions = { { "IN_PROGRESS", "GREEN" }, { "COMPLETED", "AMBER" }, { "IN_PROGRESS", "RED" } };
        for (String[] action : actions) {
            as(Roles.PREVENT_LEAD).body(Map.of("priority", "LEADERSHIP_GOVERNANCE", "title", "Assess effectiveness " + action[1],
                    "ownerOrganisation", "Prevent Strategy Group", "status", action[0], "rag", action[1]))
                    .post("/actions").then().statusCode(201);
        }
        JsonPath after = as(Roles.ANALYST).get("/indicators/actions.on-track/values?year=2019").then().statusCode(200)
                .extract().jsonPath();
        assertThat(after.getInt("figure.numerator")).isEqualTo(before.getInt("figure.numerator") + 2);
        assertThat(after.getInt("figure.denominator")).isEqualTo(before.getInt("figure.denominator") + 3);
    }

    private static int value(String role, String indicator, String query) {
        return as(role).get("/indicators/" + indicator + "/values?" + query).then().statusCode(200).extract().path("figure.value");
    }
}
