package org.preventhub.reporting.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.reporting.support.ReportingApi.as;
import static org.preventhub.reporting.support.ReportingApi.awaitValues;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.preventhub.contracts.engagement.EngagementEventTypes;
import org.preventhub.platform.security.Roles;
import org.preventhub.reporting.support.GovernanceFixture;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Priority 2 from engagement's governance events: the action plan, meetings held against planned, reviews on time. */
@QuarkusTest
class PriorityTwoFiguresTest {

    @Test
    void anActionArisingFromMinutesAppearsInTheActionPlanOnceAndKeepsWhatTheLeadRecordsOnIt() {
        String title = "Draft Local Area Prevent Assessments " + UUID.randomUUID().toString().substring(0, 6);
        UUID id = GovernanceFixture.action(title, LocalDate.of(2041, 12, 10), "Warwickshire County Council",
                LocalDate.of(2042, 3, 31));

        JsonPath action = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> as(Roles.ANALYST).get("/actions/" + id).then().extract(), r -> r.statusCode() == 200).jsonPath();
        assertThat(action.getString("title")).isEqualTo(title);
        assertThat(action.getString("priority")).isEqualTo("LEADERSHIP_GOVERNANCE");
        assertThat(action.getString("ownerOrganisation")).isEqualTo("Warwickshire County Council");
        assertThat(action.getString("dueOn")).isEqualTo("2042-03-31");
        assertThat(action.getString("status")).isEqualTo("NOT_STARTED");
        assertThat(action.getString("description")).contains("STRATEGY_GROUP meeting of 2041-12-10");
        assertThat(action.getList("history.change")).containsExactly("created");
        as(Roles.ANALYST).get("/actions?priority=LEADERSHIP_GOVERNANCE&size=100").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id.toString()));

        // The lead takes it on; the same action published again (a replay) leaves their progress as it is.
        as(Roles.PREVENT_LEAD).body(java.util.Map.of("on", LocalDate.now().toString(), "note", "Districts asked for drafts",
                "status", "IN_PROGRESS")).post("/actions/" + id + "/progress").then().statusCode(200);
        org.preventhub.testing.CloudEventProducer.publish(org.preventhub.contracts.Topics.ENGAGEMENT,
                EngagementEventTypes.GOVERNANCE_ACTION_ARISING, id.toString(),
                new org.preventhub.contracts.engagement.GovernanceActionArising(id, UUID.randomUUID(), UUID.randomUUID(),
                        "STRATEGY_GROUP", LocalDate.of(2041, 12, 10), title,
                        org.preventhub.contracts.Priority.LEADERSHIP_GOVERNANCE, null, null, null));
        String marker = GovernanceFixture.action("marker " + UUID.randomUUID(), LocalDate.of(2041, 12, 11), null, null)
                .toString();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> as(Roles.ANALYST).get("/actions/" + marker).then().extract().statusCode() == 200);
        as(Roles.ANALYST).get("/actions/" + id).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("IN_PROGRESS"))
                .body("dueOn", org.hamcrest.Matchers.equalTo("2042-03-31"))
                .body("history.change", org.hamcrest.Matchers.equalTo(List.of("created", "progress")));
        as(Roles.ANALYST).get("/actions/" + marker).then().body("ownerOrganisation",
                org.hamcrest.Matchers.equalTo("Not yet assigned"));
    }

    @Test
    void aQuarterlyBodyThatMissedAMeetingShowsThreeOfFourAndAnInquorateMeetingIsNotHeld() {
        String name = "Strategy Group " + UUID.randomUUID().toString().substring(0, 6);
        UUID body = UUID.randomUUID();
        GovernanceFixture.meeting(body, name, LocalDate.of(2041, 10, 14), true);
        GovernanceFixture.meeting(body, name, LocalDate.of(2042, 1, 13), true);
        GovernanceFixture.meeting(body, name, LocalDate.of(2042, 4, 14), true);
        // July's meeting did not take place. The next year's first is inquorate: held, not counted as held quorate.
        GovernanceFixture.meeting(body, name, LocalDate.of(2042, 10, 13), false);

        String cell = "breakdown.cells.findAll { it.key == '" + name + "' }.figure.";
        JsonPath year = awaitValues(Roles.ANALYST, "governance.meetings-held", "year=2041&calendar=reporting&by=body",
                v -> assertThat(v.getList(cell + "denominator")).containsExactly(4));
        assertThat(year.getList(cell + "value")).containsExactly(75.0f);
        assertThat(year.getList(cell + "numerator")).containsExactly(3);
        JsonPath quarter = as(Roles.ANALYST).get("/indicators/governance.meetings-held/values?quarter=2042-Q3&by=body")
                .then().statusCode(200).extract().jsonPath();
        assertThat(quarter.getList(cell + "numerator")).containsExactly(0);
        assertThat(quarter.getList(cell + "denominator")).containsExactly(1);

        JsonPath next = awaitValues(Roles.ANALYST, "governance.meetings-quorate", "year=2042&calendar=reporting&by=body",
                v -> assertThat(v.getList(cell + "denominator")).containsExactly(1));
        assertThat(next.getList(cell + "numerator")).containsExactly(0);
    }

    @Test
    void aReviewByItsDueDateIsOnTimeALateOneIsNotAndOneNeverDoneCountsAsLate() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String tor = "TOR_" + suffix;
        String ctlp = "CTLP_" + suffix;
        String lapa = "LAPA_" + suffix;
        UUID terms = UUID.randomUUID();
        GovernanceFixture.document(EngagementEventTypes.DOCUMENT_REGISTERED, terms, tor, LocalDate.of(2004, 9, 10), null);
        GovernanceFixture.document(EngagementEventTypes.DOCUMENT_REVIEWED, terms, tor, LocalDate.of(2004, 9, 10),
                LocalDate.of(2005, 9, 8)); // due 2005-09-10: on time
        UUID profile = UUID.randomUUID();
        GovernanceFixture.document(EngagementEventTypes.DOCUMENT_REGISTERED, profile, ctlp, LocalDate.of(2004, 10, 1), null);
        GovernanceFixture.document(EngagementEventTypes.DOCUMENT_REVIEWED, profile, ctlp, LocalDate.of(2004, 10, 1),
                LocalDate.of(2005, 11, 20)); // due 2005-10-01: late
        // Issued, due 2005-12-01, never reviewed.
        GovernanceFixture.document(EngagementEventTypes.DOCUMENT_REGISTERED, UUID.randomUUID(), lapa,
                LocalDate.of(2004, 12, 1), null);

        String year = "year=2005&calendar=reporting&by=type";
        JsonPath reviews = awaitValues(Roles.ANALYST, "governance.documents-reviewed-on-time", year, v -> {
            assertThat(v.getList("breakdown.cells.findAll { it.key == '" + tor + "' }.figure.value")).containsExactly(100.0f);
            assertThat(v.getList("breakdown.cells.findAll { it.key == '" + ctlp + "' }.figure.denominator")).containsExactly(1);
            assertThat(v.getList("breakdown.cells.findAll { it.key == '" + lapa + "' }.figure.denominator")).containsExactly(1);
        });
        assertThat(reviews.getList("breakdown.cells.findAll { it.key == '" + ctlp + "' }.figure.numerator")).containsExactly(0);
        assertThat(reviews.getList("breakdown.cells.findAll { it.key == '" + lapa + "' }.figure.numerator")).containsExactly(0);
        JsonPath overdue = as(Roles.ANALYST).get("/indicators/governance.documents-overdue/values?" + year).then()
                .statusCode(200).extract().jsonPath();
        assertThat(overdue.getList("breakdown.cells.findAll { it.key == '" + lapa + "' }.figure.value")).containsExactly(1);
        assertThat(overdue.getList("breakdown.cells.findAll { it.key == '" + tor + "' }.figure.value")).isEmpty();
    }
}
