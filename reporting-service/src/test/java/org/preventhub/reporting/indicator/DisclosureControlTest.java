package org.preventhub.reporting.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.reporting.support.ReportingApi.as;
import static org.preventhub.reporting.support.ReportingApi.awaitValues;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
 * 16 - 7 - 6 would give A away; the Prevent lead sees every figure.
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
        assertThat(cell(analyst, C)).containsEntry("suppressed", true).containsEntry("value", null);
        assertThat(cell(analyst, B)).containsEntry("suppressed", false).containsEntry("value", 7);
        assertThat(analyst.getInt("breakdown.total.value")).isEqualTo(16);
        assertThat(analyst.getBoolean("disclosureControlled")).isTrue();
        assertThat(analyst.prettify()).doesNotContain("\"numerator\": 3", "\"numerator\": 6");

        JsonPath lead = as(Roles.PREVENT_LEAD).get("/indicators/referrals.received/values?" + YEAR + "&by=area").then()
                .statusCode(200).extract().jsonPath();
        assertThat(cell(lead, A)).containsEntry("suppressed", false).containsEntry("value", 3);
        assertThat(cell(lead, C)).containsEntry("value", 6);
        assertThat(lead.getBoolean("disclosureControlled")).isFalse();
    }

    @Test
    void aSmallTotalIsSuppressedToo() {
        JsonPath analyst = as(Roles.ANALYST).get("/indicators/referrals.received/values?" + YEAR + "&by=age_band").then()
                .extract().jsonPath();
        assertThat(cell(analyst, "15-17")).containsEntry("suppressed", true);
        assertThat(cell(analyst, "21-30")).containsEntry("suppressed", true); // the only other cell
        JsonPath oneMonth = as(Roles.ANALYST).get("/indicators/referrals.received/values?from=2035-10-01&to=2035-10-01&by=concern_type")
                .then().extract().jsonPath();
        assertThat(oneMonth.getBoolean("figure.suppressed")).isFalse();
        assertThat(cell(oneMonth, "ISLAMIST")).containsEntry("suppressed", true);
    }

    @Test
    void csvSaysSoAndCannotRunFormulas() {
        String csv = as(Roles.ANALYST).accept("text/csv").get("/indicators/referrals.received/values?" + YEAR + "&by=area")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv).contains("\"" + A + "\",\"[c]\",\"true\"", "\"" + C + "\",\"[c]\",\"true\"",
                "\"" + B + "\",\"7\",\"false\"", "[c] = suppressed");
        assertThat(csv).doesNotContain(",\"3\",", ",\"6\",");
        assertThat(org.preventhub.reporting.indicator.CsvExport.safe("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(org.preventhub.reporting.indicator.CsvExport.safe("-5")).isEqualTo("-5");
        assertThat(org.preventhub.reporting.indicator.CsvExport.safe("@SUM(A1)")).startsWith("'");
    }

    @Test
    void theAnnualReportHidesTheSameCellsInJsonHtmlAndPdf() throws IOException {
        JsonPath report = as(Roles.ANALYST).get("/reports/annual?" + YEAR).then().statusCode(200).extract().jsonPath();
        assertThat(report.getBoolean("disclosureControlled")).isTrue();
        String received = "sections.find { it.priority == 'SUPPORT' }.indicators.find { it.indicator.id == 'referrals.received' }";
        assertThat(report.getInt(received + ".figure.value")).isEqualTo(16);
        assertThat(report.getList(received + ".breakdown.cells.figure.display")).containsOnly("[c]");

        String html = as(Roles.ANALYST).accept("text/html").get("/reports/annual?" + YEAR).then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertThat(html).contains("[c]", "withheld to protect people referred", "<svg");

        byte[] pdf = as(Roles.ANALYST).accept("application/pdf").get("/reports/annual?" + YEAR).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Support", "Referrals received", "[c]", "withheld to protect people referred");
        }

        JsonPath lead = as(Roles.PREVENT_LEAD).get("/reports/annual?" + YEAR).then().statusCode(200).extract().jsonPath();
        assertThat(lead.getList(received + ".breakdown.cells.figure.value")).contains(3, 13);
    }
}
