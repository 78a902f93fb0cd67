package org.preventhub.reporting.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.reporting.support.ReportingApi.as;
import static org.preventhub.reporting.support.ReportingApi.awaitValues;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.reporting.support.Fixture;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Referral year 2035 (reporting year from September 2035): area A has 3 referrals (Islamist), area B 7 and area C
 * 6 (extreme right-wing): 16 in all. For an analyst A is hidden, and so is C (the smallest other cell), else
 * 16 - 7 - 6 would give A away; the Prevent lead sees every figure. Other tests bring their own years.
 */
@QuarkusTest
class DisclosureControlTest {

    static final String A = "disclosure-a";
    static final String B = "disclosure-b";
    static final String C = "disclosure-c";
    static final String YEAR = "year=2035";

    private static boolean published;

    @BeforeEach
    void referrals() {
        if (published) {
            return;
        }
        published = true;
        LocalDate day = LocalDate.of(2035, 10, 1);
        for (int i = 0; i < 3; i++) {
            Fixture.referral(day, A, List.of("ISLAMIST"), "15-17", null);
        }
        for (int i = 0; i < 7; i++) {
            Fixture.referral(day, B, List.of("EXTREME_RIGHT_WING"), "21-30", null);
        }
        for (int i = 0; i < 6; i++) {
            Fixture.referral(day, C, List.of("EXTREME_RIGHT_WING"), "21-30", null);
        }
        awaitValues(Roles.PREVENT_LEAD, "referrals.received", YEAR, v -> assertThat(v.getInt("figure.value")).isEqualTo(16));
    }

    private static Map<String, Object> cell(JsonPath values, String key) {
        return values.getMap("breakdown.cells.find { it.key == '" + key + "' }.figure");
    }

    @Test
    void anAnalystSeesSmallCellsSuppressedWithASecondaryCellSoTotalsRevealNothing() {
        JsonPath analyst = as(Roles.ANALYST).get("/indicators/referrals.received/values?" + YEAR + "&by=area").then()
                .statusCode(200).extract().jsonPath();
        assertThat(cell(analyst, A)).containsEntry("suppressed", true).containsEntry("value", null).containsEntry("display", "[c]");
        // Another cell is hidden with it, else 16 less the shown ones would give A away.
        assertThat(List.of(cell(analyst, B), cell(analyst, C))).anySatisfy(c -> assertThat(c).containsEntry("suppressed", true));
        assertThat(analyst.getInt("breakdown.total.value")).isEqualTo(16);
        assertThat(analyst.getBoolean("disclosureControlled")).isTrue();
        assertThat(analyst.prettify()).doesNotContain("\"numerator\": 3");

        JsonPath lead = as(Roles.PREVENT_LEAD).get("/indicators/referrals.received/values?" + YEAR + "&by=area").then()
                .statusCode(200).extract().jsonPath();
        assertThat(cell(lead, A)).containsEntry("suppressed", false).containsEntry("value", 3);
        assertThat(cell(lead, C)).containsEntry("value", 6);
        assertThat(lead.getBoolean("disclosureControlled")).isFalse();
    }

    /** The hidden one of areas B and C, which hides with A. */
    private static String companion() {
        JsonPath analyst = as(Roles.ANALYST).get("/indicators/referrals.received/values?" + YEAR + "&by=area").then()
                .statusCode(200).extract().jsonPath();
        return Boolean.TRUE.equals(cell(analyst, B).get("suppressed")) ? B : C;
    }

    @Test
    void aBreakdownWithASmallCellAndOneOtherHidesBoth() {
        JsonPath analyst = as(Roles.ANALYST).get("/indicators/referrals.received/values?" + YEAR + "&by=age_band").then()
                .statusCode(200).extract().jsonPath();
        assertThat(cell(analyst, "15-17")).containsEntry("suppressed", true);
        assertThat(cell(analyst, "21-30")).containsEntry("suppressed", true); // the only other cell
        assertThat(analyst.getInt("figure.value")).isEqualTo(16);
    }

    @Test
    void breakdownsAreForQuartersAndYearsAndCrossTabulationsForYearsOnlyForAllButTheLead() {
        as(Roles.ANALYST).get("/indicators/referrals.received/values?month=2035-10").then().statusCode(200)
                .body("figure.value", org.hamcrest.Matchers.equalTo(16));
        as(Roles.ANALYST).get("/indicators/referrals.received/values?month=2035-10&by=area").then().statusCode(403);
        as(Roles.ANALYST).get("/indicators/referrals.received/values?quarter=2035-Q4&by=concern_type,age_band").then()
                .statusCode(403);
        JsonPath crossed = as(Roles.ANALYST).get("/indicators/referrals.received/values?" + YEAR + "&by=concern_type,age_band")
                .then().statusCode(200).extract().jsonPath();
        assertThat(crossed.getList("breakdown.dimensions")).containsExactly("concern_type", "age_band");
        assertThat(crossed.getList("breakdown.cells.keys")).contains(List.of("ISLAMIST", "15-17"));
        assertThat(crossed.getString("breakdown.cells.find { it.key == 'ISLAMIST,15-17' }.figure.display")).isEqualTo("[c]");
        as(Roles.PREVENT_LEAD).get("/indicators/referrals.received/values?month=2035-10&by=concern_type,age_band").then()
                .statusCode(200).body("breakdown.cells.find { it.key == 'ISLAMIST,15-17' }.figure.value",
                        org.hamcrest.Matchers.equalTo(3));
    }

    @Test
    void aBreakdownItCannotHaveIsABadRequestBeforeAnythingIsComputed() {
        for (String role : List.of(Roles.ANALYST, Roles.PREVENT_LEAD)) {
            for (String by : List.of("shoe_size", "concern_type,age_band,gender", "exit_outcome", "age_band,concern_type", ",")) {
                as(role).get("/indicators/referrals.received/values?" + YEAR + "&by=" + by).then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("violations[0].field", org.hamcrest.Matchers.equalTo("by"));
            }
        }
    }

    @Test
    void countsByAnotherDayThanReceiptStayWithTheLead() {
        as(Roles.ANALYST).get("/indicators/referrals.exited/values?" + YEAR).then().statusCode(403);
        as(Roles.ANALYST).get("/indicators/referrals.overdue-reviews/values?" + YEAR).then().statusCode(403);
        String exited = "sections.find { it.priority == 'SUPPORT' }.indicators.find { it.indicator.id == 'referrals.exited' }";
        assertThat(as(Roles.ANALYST).get("/reports/annual?" + YEAR).then().statusCode(200).extract().jsonPath()
                .getString(exited + ".figure.display")).isEqualTo("[c]");
        as(Roles.PREVENT_LEAD).get("/indicators/referrals.exited/values?" + YEAR).then().statusCode(200);
    }

    @Test
    void theHomeOfficeReturnGivesTheReleaseTablesProtectedAsEveryOtherAnswer() {
        // 2035-10 is in the statistical year April 2035 - March 2036 as well as the reporting year.
        JsonPath analyst = as(Roles.ANALYST).get("/reports/home-office?year=2035").then().statusCode(200).extract().jsonPath();
        assertThat(analyst.getString("period.label")).startsWith("April 2035");
        assertThat(analyst.getBoolean("disclosureControlled")).isTrue();
        String received = "tables.findAll { it.indicator.id == 'referrals.received' }";
        assertThat(analyst.getInt(received + ".find { it.breakdown == null }.figure.value")).isEqualTo(16);
        assertThat(analyst.getList(received + ".breakdown.by")).contains("ho_concern_type", "ho_age_band",
                "ho_concern_type,ho_age_band", "area");
        String byArea = received + ".find { it.breakdown?.by == 'area' }.breakdown.cells.find { it.key == '" + A + "' }.figure";
        assertThat(analyst.getBoolean(byArea + ".suppressed")).isTrue();
        assertThat(analyst.getString(received + ".find { it.breakdown?.by == 'ho_age_band' }.breakdown.cells"
                + ".find { it.key == '15-20' }.figure.display")).isEqualTo("[c]");
        assertThat(analyst.prettify()).doesNotContain("\"numerator\": 3");
        String csv = as(Roles.ANALYST).accept("text/csv").get("/reports/home-office?year=2035").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertThat(csv).contains("\"ho_concern_type,ho_age_band\"", "\"" + A + "\",\"\",\"[c]\",\"true\"", "[c] = suppressed");

        JsonPath lead = as(Roles.PREVENT_LEAD).get("/reports/home-office?year=2035").then().statusCode(200).extract().jsonPath();
        assertThat(lead.getInt(byArea + ".value")).isEqualTo(3);
        assertThat(lead.getInt(received + ".find { it.breakdown?.by == 'ho_age_band' }.breakdown.cells"
                + ".find { it.key == '15-20' }.figure.value")).isEqualTo(3);
        as(Roles.TRAINER).get("/reports/home-office?year=2035").then().statusCode(403);
        as(Roles.ANALYST).get("/reports/home-office").then().statusCode(400);
    }

    @Test
    void csvSaysSoAndCannotRunFormulas() {
        String csv = as(Roles.ANALYST).accept("text/csv").get("/indicators/referrals.received/values?" + YEAR + "&by=area")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        String hidden = companion();
        assertThat(csv).contains("\"" + A + "\",\"\",\"[c]\",\"true\"", "\"" + hidden + "\",\"\",\"[c]\",\"true\"",
                "[c] = suppressed");
        assertThat(csv).doesNotContain(",\"3\",");
        String crossed = as(Roles.ANALYST).accept("text/csv")
                .get("/indicators/referrals.received/values?" + YEAR + "&by=concern_type,age_band").then().statusCode(200)
                .extract().asString();
        assertThat(crossed).contains("\"breakdown\",\"key\",\"second key\"", "\"ISLAMIST\",\"15-17\",\"[c]\",\"true\"");
        assertThat(org.preventhub.reporting.indicator.CsvExport.safe("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(org.preventhub.reporting.indicator.CsvExport.safe("-5")).isEqualTo("-5");
        assertThat(org.preventhub.reporting.indicator.CsvExport.safe("@SUM(A1)")).startsWith("'");
    }

    @Test
    void theAnnualReportHidesTheSameCellsInJsonHtmlAndPdfAndTheLeadSeesThem() throws IOException {
        JsonPath report = as(Roles.ANALYST).get("/reports/annual?" + YEAR).then().statusCode(200).extract().jsonPath();
        assertThat(report.getBoolean("disclosureControlled")).isTrue();
        String received = "sections.find { it.priority == 'SUPPORT' }.indicators.find { it.indicator.id == 'referrals.received' }";
        assertThat(report.getInt(received + ".figure.value")).isEqualTo(16);
        // By concern type: Islamist 3, extreme right-wing 13 (the only other cell, so hidden too).
        assertThat(report.getList(received + ".breakdown.cells.figure.display")).containsOnly("[c]");
        assertThat(report.getList(received + ".breakdown.cells.figure.numerator")).containsOnly((Object) null);

        String html = as(Roles.ANALYST).accept("text/html").get("/reports/annual?" + YEAR).then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertThat(html).contains("withheld to protect people referred: a count of fewer than 5 people");
        assertThat(chart(html)).contains(">[c]</text>").doesNotContain(">3</text>", ">13</text>");

        String pdf = pdfText(as(Roles.ANALYST).accept("application/pdf").get("/reports/annual?" + YEAR).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray());
        assertThat(pdf).contains("Support", "Referrals received", "withheld to protect people referred");
        assertThat(pdfChart(pdf)).isEqualTo("Extreme right wing [c]; Islamist [c]");

        JsonPath lead = as(Roles.PREVENT_LEAD).get("/reports/annual?" + YEAR).then().statusCode(200).extract().jsonPath();
        assertThat(lead.getList(received + ".breakdown.cells.figure.value")).contains(3, 13);
        String leadHtml = as(Roles.PREVENT_LEAD).accept("text/html").get("/reports/annual?" + YEAR).then().statusCode(200)
                .extract().asString();
        assertThat(chart(leadHtml)).contains(">3</text>", ">13</text>").doesNotContain("[c]");
        String leadPdf = pdfText(as(Roles.PREVENT_LEAD).accept("application/pdf").get("/reports/annual?" + YEAR).then()
                .statusCode(200).extract().asByteArray());
        assertThat(pdfChart(leadPdf)).isEqualTo("Extreme right wing 13; Islamist 3");
    }

    /** The SVG bar chart of referrals received by concern type. */
    private static String chart(String html) {
        int start = html.indexOf("<title>Referrals received by concern type</title>");
        assertThat(start).as("the chart is in the page").isPositive();
        return html.substring(start, html.indexOf("</svg>", start));
    }

    /** The figures of the PDF's chart of referrals received by concern type, from its caption. */
    private static String pdfChart(String text) {
        java.util.regex.Matcher caption = java.util.regex.Pattern.compile("Referrals received by concern type: ([^.]*)\\.")
                .matcher(text.replaceAll("\\s+", " "));
        assertThat(caption.find()).as("the chart is in the PDF").isTrue();
        return caption.group(1);
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void aMonthHiddenInASeriesHasACompanionSoTheYearAndItsQuarterRevealNothing() {
        // October 2044: 3 referrals, November 8, December 9, February 2045 7: the year 27, its fourth quarter 20.
        int[][] months = { { 2044, 10, 3 }, { 2044, 11, 8 }, { 2044, 12, 9 }, { 2045, 2, 7 } };
        for (int[] month : months) {
            for (int i = 0; i < month[2]; i++) {
                Fixture.referral(LocalDate.of(month[0], month[1], 1 + i), "series-area", List.of("OTHER"), "21-30", null);
            }
        }
        awaitValues(Roles.PREVENT_LEAD, "referrals.received", "year=2044", v -> assertThat(v.getInt("figure.value")).isEqualTo(27));

        JsonPath series = as(Roles.ANALYST).get("/indicators/referrals.received/series?year=2044").then().statusCode(200)
                .extract().jsonPath();
        assertThat(series.getString("points.find { it.month == '2044-10' }.figure.display")).isEqualTo("[c]");
        List<String> companions = series.getList("points.findAll { it.figure.suppressed && it.month != '2044-10' }.month");
        assertThat(companions).as("else the quarter less November and December gives October").isNotEmpty();
        assertThat(series.prettify()).doesNotContain("\"numerator\": 3");
        // The same cells, however they are asked for.
        for (String month : companions) {
            as(Roles.ANALYST).get("/indicators/referrals.received/values?month=" + month).then().statusCode(200)
                    .body("figure.suppressed", org.hamcrest.Matchers.equalTo(true));
        }
        as(Roles.ANALYST).get("/indicators/referrals.received/values?month=2044-10").then().statusCode(200)
                .body("figure.suppressed", org.hamcrest.Matchers.equalTo(true));

        JsonPath lead = as(Roles.PREVENT_LEAD).get("/indicators/referrals.received/series?year=2044").then().statusCode(200)
                .extract().jsonPath();
        assertThat(lead.getList("points.figure.value")).containsExactly(0, 3, 8, 9, 0, 7, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void aPercentageAboutReferralsIsHiddenWhenItsNumeratorOrWhatIsLeftIsSmallAndItsCountsNeverShow() {
        String id = "test.adopted-share-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> definition = new HashMap<>();
        definition.put("id", id);
        definition.put("name", "Referrals discussed at a panel and adopted");
        definition.put("priority", "SUPPORT");
        definition.put("fact", "referral_fact");
        definition.put("dateColumn", "received_on");
        definition.put("measure", "count");
        definition.put("filters", Map.of("panel_outcome", "ADOPTED"));
        definition.put("denominatorMeasure", "count");
        definition.put("denominatorFilters", Map.of("discussed_at_panel_on", "<known>"));
        definition.put("unit", "percent");
        definition.put("direction", "UP");
        definition.put("breakdowns", List.of("area"));
        definition.put("displayOrder", 99);
        as(Roles.PREVENT_LEAD).body(definition).put("/indicators/" + id).then().statusCode(201)
                .body("aboutPeopleReferred", org.hamcrest.Matchers.equalTo(true));
        // pct-one: 3 adopted of 10 (3 is small); pct-two: 6 of 8 (8 - 6 = 2 not adopted is small). In all 9 of 18.
        panel("pct-one", 10, 3);
        panel("pct-two", 8, 6);
        awaitValues(Roles.PREVENT_LEAD, id, "year=2045&by=area", v -> assertThat(v.getInt("figure.denominator")).isEqualTo(18));

        JsonPath analyst = as(Roles.ANALYST).get("/indicators/" + id + "/values?year=2045&by=area").then().statusCode(200)
                .extract().jsonPath();
        for (String area : List.of("pct-one", "pct-two")) {
            assertThat(cell(analyst, area)).containsEntry("suppressed", true).containsEntry("value", null)
                    .containsEntry("numerator", null).containsEntry("denominator", null);
        }
        assertThat(analyst.getFloat("figure.value")).isEqualTo(50.0f);
        assertThat(analyst.prettify()).doesNotContain("\"numerator\": 3", "\"numerator\": 6", "\"denominator\": 10",
                "\"denominator\": 8");

        JsonPath lead = as(Roles.PREVENT_LEAD).get("/indicators/" + id + "/values?year=2045&by=area").then().statusCode(200)
                .extract().jsonPath();
        assertThat(cell(lead, "pct-one")).containsEntry("value", 30.0f).containsEntry("numerator", 3).containsEntry("denominator", 10);
        assertThat(cell(lead, "pct-two")).containsEntry("value", 75.0f).containsEntry("numerator", 6);
    }

    private static void panel(String area, int discussed, int adopted) {
        for (int i = 0; i < discussed; i++) {
            Fixture.Referral referral = Fixture.Referral.received(LocalDate.of(2045, 9, 10)).in(area)
                    .listedForPanel(LocalDate.of(2045, 9, 20));
            if (i < adopted) {
                referral.adopted(LocalDate.of(2045, 10, 15));
            } else {
                referral.notAdopted(LocalDate.of(2045, 10, 15));
            }
        }
    }

    @Test
    void figuresAboutReferralsAreForStandardPeriodsOnlyForAllButTheLead() {
        as(Roles.ANALYST).get("/indicators/referrals.received/values?from=2035-09-01&to=2036-08-31").then().statusCode(403)
                .body("type", org.hamcrest.Matchers.equalTo("urn:prevent-hub:problem:forbidden"));
        as(Roles.ANALYST).get("/indicators/referrals.received/series?from=2035-09-01&to=2036-08-31").then().statusCode(403);
        as(Roles.PREVENT_LEAD).get("/indicators/referrals.received/values?from=2035-09-01&to=2036-08-31").then().statusCode(200)
                .body("figure.value", org.hamcrest.Matchers.equalTo(16));
        as(Roles.ANALYST).get("/indicators/training.sessions-delivered/values?from=2035-09-01&to=2036-08-31").then().statusCode(200);

        String received = "sections.find { it.priority == 'SUPPORT' }.indicators.find { it.indicator.id == 'referrals.received' }";
        JsonPath report = as(Roles.ANALYST).get("/reports/annual?from=2035-09-01&to=2036-08-31").then().statusCode(200)
                .extract().jsonPath();
        assertThat(report.getString(received + ".figure.display")).isEqualTo("[c]");
        assertThat(report.getBoolean("disclosureControlled")).isTrue();
        assertThat(as(Roles.PREVENT_LEAD).get("/reports/annual?from=2035-09-01&to=2036-08-31").then().statusCode(200)
                .extract().jsonPath().getInt(received + ".figure.value")).isEqualTo(16);
    }

    @Test
    void anIndicatorOverReferralsIsSuppressedEvenWhenItsDefinitionLeavesTheFlagOut() {
        String id = "test.received-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> definition = new HashMap<>();
        definition.put("id", id);
        definition.put("name", "Referrals received (by area)");
        definition.put("priority", "SUPPORT");
        definition.put("fact", "referral_fact");
        definition.put("dateColumn", "received_on");
        definition.put("measure", "count");
        definition.put("filters", Map.of());
        definition.put("unit", "referrals");
        definition.put("direction", "UP");
        definition.put("breakdowns", List.of("area"));
        definition.put("displayOrder", 98);
        as(Roles.PREVENT_LEAD).body(definition).put("/indicators/" + id).then().statusCode(201)
                .body("aboutPeopleReferred", org.hamcrest.Matchers.equalTo(true));

        JsonPath analyst = as(Roles.ANALYST).get("/indicators/" + id + "/values?" + YEAR + "&by=area").then().statusCode(200)
                .extract().jsonPath();
        assertThat(cell(analyst, A)).containsEntry("suppressed", true).containsEntry("value", null);

        definition.put("aboutPeopleReferred", false);
        as(Roles.PREVENT_LEAD).body(definition).put("/indicators/" + id).then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("aboutPeopleReferred"));
        as(Roles.PREVENT_LEAD).get("/indicators/" + id).then().body("aboutPeopleReferred", org.hamcrest.Matchers.equalTo(true));
    }
}
