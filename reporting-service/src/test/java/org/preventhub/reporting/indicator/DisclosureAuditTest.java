package org.preventhub.reporting.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.reporting.support.ReportingApi.awaitValues;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.reporting.support.DisclosureAuditor;
import org.preventhub.reporting.support.DisclosureAuditor.Finding;
import org.preventhub.reporting.support.Fixture;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The disclosure control against an attacker who reads every figure about people referred an analyst can have for
 * the reporting and statistical years 2062 and the periods around them, and combines them all by linear programming
 * ({@link DisclosureAuditor}). The year is built to break naive protection: every referral is screened, so the
 * referrals received are those screened out plus those discussed at a panel, key by key; one area has 3 referrals;
 * February 2063 has a single referral; the Islamist concern has exactly one case, adopted; and the months of the last
 * quarter of 2062 (6, 7 and 3) add up to their quarter. Every hidden figure of 1 to 4 people must
 * come out of the attack anywhere from 0 to 5 or more, and none may be shown.
 */
@QuarkusTest
class DisclosureAuditTest {

    static final List<String> MEASURES = List.of("referrals.received", "referrals.screened-out",
            "referrals.discussed-at-panel", "referrals.adopted");

    private static List<Finding> findings;
    private static int requests;

    @BeforeEach
    void theYearAndItsAudit() {
        if (findings != null) {
            return;
        }
        // Twenty referrals: two areas and a third with three, two concerns (and one Islamist case), two age bands,
        // two sectors, both genders; October to December 2062 hold 6, 7 and 3 (the quarter 16), February 2063 one,
        // March 2063 three. Every one is screened: screened out, or discussed at a panel and adopted or not.
        String[] areas = { "audit-warwick", "audit-nuneaton" };
        String[] ages = { "15-17", "21-30" };
        String[] sectors = { "EDUCATION", "POLICE" };
        int[][] months = { { 2062, 10, 6 }, { 2062, 11, 7 }, { 2062, 12, 3 }, { 2063, 2, 1 }, { 2063, 3, 3 } };
        int n = 0;
        for (int[] month : months) {
            for (int i = 0; i < month[2]; i++, n++) {
                LocalDate day = LocalDate.of(month[0], month[1], 1 + i);
                boolean rugby = n == 3 || n == 11 || n == 17; // one area with three referrals, in three months
                Fixture.Referral referral = Fixture.Referral.received(day)
                        .in(rugby ? "audit-rugby" : areas[n % 2]).from(sectors[(n / 2) % 2])
                        .concerns(List.of(n == 5 ? "ISLAMIST" : n % 3 == 0 ? "EXTREME_RIGHT_WING" : "MIXED_UNCLEAR_UNSTABLE"))
                        .aged(ages[(n / 3) % 2]).gender(n % 4 == 0 ? "FEMALE" : "MALE");
                if (n == 5) {
                    referral.listedForPanel(day.plusDays(3)).adopted(day.plusDays(20)); // the one Islamist case
                } else if (n % 3 == 0) {
                    referral.listedForPanel(day.plusDays(3));
                    if (n % 2 == 0) {
                        referral.adopted(day.plusDays(20));
                    } else {
                        referral.notAdopted(day.plusDays(20));
                    }
                } else {
                    referral.screenedOut(day.plusDays(4), n % 2 == 0 ? "NO_FURTHER_ACTION" : "SIGNPOSTED");
                }
            }
        }
        int total = n;
        awaitValues(Roles.PREVENT_LEAD, "referrals.received", "year=2062", v -> assertThat(v.getInt("figure.value")).isEqualTo(total));
        awaitValues(Roles.PREVENT_LEAD, "referrals.adopted", "year=2062",
                v -> assertThat(v.getInt("figure.value")).isEqualTo((int) java.util.stream.IntStream.range(0, total)
                        .filter(i -> i == 5 || (i % 3 == 0 && i % 2 == 0)).count()));
        DisclosureAuditor auditor = new DisclosureAuditor(Roles.ANALYST, MEASURES, List.of(2062),
                List.of(new DisclosureAuditor.Partition("referrals.received",
                        List.of("referrals.screened-out", "referrals.discussed-at-panel"))),
                List.of(new DisclosureAuditor.Subset("referrals.adopted", "referrals.discussed-at-panel"),
                        new DisclosureAuditor.Subset("referrals.screened-out", "referrals.received"),
                        new DisclosureAuditor.Subset("referrals.discussed-at-panel", "referrals.received")),
                List.of(new DisclosureAuditor.Recode("ho_age_band", "age_band",
                        band -> band.equals("15-17") || band.equals("18-20") ? "15-20" : band),
                        new DisclosureAuditor.Recode("ho_concern_type", "concern_type",
                                concern -> concern.equals("OTHER") ? "OTHER" : concern)));
        long started = System.nanoTime();
        findings = auditor.audit(Roles.PREVENT_LEAD);
        requests = auditor.requests();
        System.out.printf("Disclosure audit: %d requests, %d small figures, largest programme %d unknowns, %d ms%n",
                requests, findings.size(), auditor.largestProgramme(), (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void noSmallFigureIsShownAndEveryHiddenOneCouldBeNoneOrFiveOrMore() {
        assertThat(findings).isNotEmpty();
        assertThat(findings).allSatisfy(f -> assertThat(f.protectedEnough())
                .as("%s = %d: the reader bounds it to [%.2f, %.2f]%s", f.figure(), f.value(), f.low(), f.high(),
                        f.shown() ? " (shown)" : "")
                .isTrue());
    }

    @Test
    void theReferralsReceivedAreThoseScreenedOutPlusThoseDiscussedAndThatGivesNothingAway() {
        assertThat(findings).anySatisfy(f -> assertThat(f.figure()).startsWith("referrals.discussed-at-panel|"));
        assertThat(findings).filteredOn(f -> f.figure().startsWith("referrals.screened-out|")
                || f.figure().startsWith("referrals.discussed-at-panel|")).allMatch(Finding::protectedEnough);
    }

    @Test
    void theAreaWithThreeReferralsIsProtectedInEveryPeriodAndTable() {
        List<Finding> rugby = findings.stream().filter(f -> f.figure().contains("audit-rugby")).toList();
        assertThat(rugby).anySatisfy(f -> assertThat(f.figure()).startsWith("referrals.received|year=2062&calendar=reporting|area|"));
        assertThat(rugby).allMatch(Finding::protectedEnough);
    }

    @Test
    void theMonthWithOneReferralIsProtected() {
        assertThat(findings).filteredOn(f -> f.figure().equals("referrals.received|month=2063-02||"))
                .singleElement().matches(Finding::protectedEnough);
    }

    @Test
    void theOnlyIslamistCaseIsProtectedInEveryBreakdownAndCrossTabulation() {
        List<Finding> islamist = findings.stream().filter(f -> f.figure().startsWith("referrals.adopted|")
                && f.figure().contains("ISLAMIST")).toList();
        assertThat(islamist).extracting(Finding::value).contains(1);
        assertThat(islamist).allMatch(Finding::protectedEnough);
    }

    @Test
    void theSmallMonthOfAQuarterCannotBeWorkedOutFromTheQuarterAndTheOtherMonths() {
        assertThat(findings).filteredOn(f -> f.figure().equals("referrals.received|month=2062-12||"))
                .singleElement().matches(Finding::protectedEnough);
    }

    @Test
    void theStrategyDashboardClientSeesWhatAnAnalystSeesAndTheLeadEveryFigure() {
        var analyst = org.preventhub.reporting.support.ReportingApi.as(Roles.ANALYST)
                .get("/indicators/referrals.received/values?year=2062&by=area").then().statusCode(200).extract().asString();
        var dashboard = io.restassured.RestAssured.given().auth().oauth2(org.preventhub.testing.TestTokens.as(Roles.ANALYST)
                .client("strategy-dashboard").token()).get("/indicators/referrals.received/values?year=2062&by=area")
                .then().statusCode(200).extract().asString();
        assertThat(dashboard).isEqualTo(analyst);
        Map<String, Object> lead = org.preventhub.reporting.support.ReportingApi.as(Roles.PREVENT_LEAD)
                .get("/indicators/referrals.received/values?year=2062&by=area").then().statusCode(200).extract()
                .jsonPath().getMap("breakdown.cells.find { it.key == 'audit-rugby' }.figure");
        assertThat(lead).containsEntry("value", 3).containsEntry("suppressed", false);
    }
}
