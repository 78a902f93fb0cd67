package org.preventhub.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.reporting.support.ReportingApi.as;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.preventhub.contracts.DeliveryMode;
import org.preventhub.platform.security.Roles;
import org.preventhub.reporting.support.Fixture;

import io.quarkus.test.junit.QuarkusTest;

/** What the annual report shows: titles rather than codes, and the recommended actions of its own period only. */
@QuarkusTest
class AnnualReportContentTest {

    @Test
    void barsAreLabelledWithCourseTitlesNotLowerCasedCodes() {
        String code = "WRAP3_DSL" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        Fixture.course(code, "WRAP for designated safeguarding leads");
        Fixture.deliveredSession(code, LocalDate.of(2059, 10, 7), DeliveryMode.IN_PERSON, "rugby", 12, 0);

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String html = as(Roles.ANALYST).get("/reports/annual?year=2059&format=html").then().statusCode(200).extract().asString();
            assertThat(html).contains(">WRAP for designated safegua…</text>", // the bar's label, clipped to its column
                    "Training sessions delivered by course: WRAP for designated safeguarding leads 1.",
                    "<th>WRAP for designated safeguarding leads</th>");
            assertThat(html.toLowerCase()).doesNotContain(code.toLowerCase().replace('_', ' '));
        });
    }

    @Test
    void theReportListsTheActionsOpenDuringOrChangedInItsPeriod() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String open = "Review engagement during 2020/21 " + tag;
        String done = "Refresh the referral pathway " + tag;
        String openId = action(open, "2021-03-31", "IN_PROGRESS");
        progress(openId, "2020-02-10", null);
        String doneId = action(done, "2020-03-31", "IN_PROGRESS");
        progress(doneId, "2019-10-01", null);
        progress(doneId, "2020-01-15", "COMPLETED");

        assertThat(actionTitles(2019)).contains(open, done); // September 2019 – August 2020
        assertThat(actionTitles(2020)).contains(open).doesNotContain(done); // open until March 2021; done in January 2020
        assertThat(actionTitles(2025)).doesNotContain(open, done);
    }

    private static List<String> actionTitles(int year) {
        return as(Roles.ANALYST).get("/reports/annual?year=" + year).then().statusCode(200).extract().jsonPath()
                .getList("sections.actions.flatten().title", String.class);
    }

    private static String action(String title, String dueOn, String status) {
        return as(Roles.PREVENT_LEAD).body(Map.of("priority", "SUPPORT", "title", title, "ownerOrganisation",
                "Warwickshire County Council Prevent team", "dueOn", dueOn, "status", status, "rag", "GREEN",
                "linkedIndicators", List.of("referrals.received"))).post("/actions").then().statusCode(201).extract()
                .jsonPath().getString("id");
    }

    private static void progress(String id, String on, String status) {
        Map<String, Object> body = status == null ? Map.of("on", on, "note", "Progress " + on)
                : Map.of("on", on, "note", "Progress " + on, "status", status);
        as(Roles.PREVENT_LEAD).body(body).post("/actions/" + id + "/progress").then().statusCode(200);
    }
}
