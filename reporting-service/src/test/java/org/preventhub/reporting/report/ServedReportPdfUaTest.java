package org.preventhub.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.reporting.support.ReportingApi.as;
import static org.preventhub.reporting.support.ReportingApi.awaitValues;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.preventhub.contracts.DeliveryMode;
import org.preventhub.platform.security.Roles;
import org.preventhub.reporting.support.Fixture;
import org.preventhub.reporting.support.PdfUa;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The annual report's PDF as the service serves it (every priority's section, its charts, cross-tabulations and
 * actions, over recorded referrals and training) passes veraPDF's PDF/UA-1 check, for the lead and for an analyst
 * (small counts withheld). PdfUaTest checks the renderer on a report built by hand, and shows the check can fail.
 */
@QuarkusTest
class ServedReportPdfUaTest {

    private static final String YEAR = "year=2029";

    @Test
    void theServedAnnualReportsPdfPassesEveryPdfUa1RuleForTheLeadAndForAnAnalyst() {
        LocalDate day = LocalDate.of(2029, 10, 4);
        for (int i = 0; i < 7; i++) {
            Fixture.referral(day.plusMonths(i % 5), "pdfua-rugby", List.of("ISLAMIST"), "15-17", null);
            Fixture.referral(day.plusMonths(i % 3), "pdfua-warwick", List.of("EXTREME_RIGHT_WING"), "21-30", null);
        }
        Fixture.referral(day, "pdfua-warwick", List.of("MIXED_UNCLEAR_UNSTABLE"), "21-30", null);
        Fixture.deliveredSession("PDFUA-WRAP", day, DeliveryMode.IN_PERSON, "pdfua-rugby", 14, 1);
        Fixture.deliveredSession("PDFUA-WRAP", day.plusMonths(2), DeliveryMode.ONLINE, "pdfua-warwick", 9, 0);
        String action = as(Roles.PREVENT_LEAD).body(Map.of("priority", "SUPPORT", "title",
                "Refresh the referral pathway with the county's schools", "ownerOrganisation",
                "Warwickshire County Council Prevent team", "dueOn", "2030-03-31", "status", "IN_PROGRESS", "rag", "AMBER",
                "linkedIndicators", List.of("referrals.received"))).post("/actions").then().statusCode(201).extract()
                .jsonPath().getString("id");
        as(Roles.PREVENT_LEAD).body(Map.of("on", LocalDate.now().minusDays(3).toString(), "note",
                "Agreed with the designated safeguarding leads' forum"))
                .post("/actions/" + action + "/progress").then().statusCode(200);
        awaitValues(Roles.PREVENT_LEAD, "referrals.received", YEAR, v -> assertThat(v.getInt("figure.value")).isEqualTo(15));
        awaitValues(Roles.PREVENT_LEAD, "training.sessions-delivered", YEAR,
                v -> assertThat(v.getInt("figure.value")).isEqualTo(2));

        for (String role : List.of(Roles.PREVENT_LEAD, Roles.ANALYST)) {
            byte[] pdf = as(role).accept("application/pdf").get("/reports/annual?" + YEAR).then().statusCode(200)
                    .contentType("application/pdf").extract().asByteArray();

            PdfUa.assertConforms(pdf, "the annual report's PDF served to " + role);
        }
    }
}
