package org.preventhub.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.preventhub.reporting.indicator.Figures.Cell;
import org.preventhub.reporting.indicator.Figures.Figure;
import org.preventhub.reporting.indicator.Figures.Series;
import org.preventhub.reporting.indicator.Figures.SeriesPoint;
import org.preventhub.reporting.indicator.IndicatorDefinition;
import org.preventhub.reporting.indicator.ReportingPeriod;

/** The charts' drawing: gaps where a month is withheld, [c] clear of the axis and labels, bars labelled with titles. */
class SvgChartsTest {

    private static final ReportingPeriod YEAR = ReportingPeriod.reportingYear(2019);
    private static final IndicatorDefinition RECEIVED = new IndicatorDefinition("referrals.received", "Referrals received",
            "SUPPORT", null, "referral_fact", "received_on", "count", Map.of(), null, null, "referrals", "UP", null, null,
            List.of("area"), true, 10, 0);

    @Test
    void aLineStopsAtAWithheldMonthAndStartsAgainAfterIt() {
        List<SeriesPoint> points = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            Figure figure = Figure.of(BigDecimal.valueOf(10 + m), 10L + m, null);
            points.add(new SeriesPoint(YearMonth.of(2019, 9).plusMonths(m).toString(), m == 4 || m == 5 ? figure.suppress() : figure));
        }
        String svg = SvgCharts.line("Referrals received, month by month", new Series(RECEIVED, YEAR, points));

        String path = match(svg, "<path d=\"([^\"]+)\"").get(0);
        assertThat(path.split("M")).as("two runs of the line, 4 months then 6").hasSize(3);
        assertThat(path.trim().split(" (?=[ML])")).hasSize(10);
        // Months 4 and 5 (January, February) have no point; the line jumps over neither.
        assertThat(svg).doesNotContain("<title>2020-01:", "<title>2020-02:");

        List<Integer> markYs = match(svg, "<text x=\"\\d+\" y=\"(\\d+)\" text-anchor=\"middle\">\\[c\\]</text>").stream()
                .map(Integer::parseInt).toList();
        List<Integer> monthYs = match(svg, "<text x=\"\\d+\" y=\"(\\d+)\" text-anchor=\"middle\">20\\d\\d-\\d\\d</text>").stream()
                .map(Integer::parseInt).distinct().toList();
        int axis = Integer.parseInt(match(svg, "<line x1=\"\\d+\" y1=\"(\\d+)\"").get(0));
        assertThat(markYs).hasSize(2).allSatisfy(y -> {
            assertThat(y).as("below the axis").isGreaterThan(axis + 12);
            assertThat(Math.abs(y - monthYs.get(0))).as("clear of the month labels").isGreaterThanOrEqualTo(14);
        });
        int height = Integer.parseInt(match(svg, "<svg[^>]* height=\"(\\d+)\"").get(0));
        assertThat(markYs).allSatisfy(y -> assertThat(y).isLessThan(height));
    }

    @Test
    void barsAreLabelledWithTheTitlesGiven() {
        String svg = SvgCharts.bars("Sessions by course", List.of(Cell.of(List.of("WRAP3_DSL"),
                Figure.of(BigDecimal.valueOf(5), 5L, null))), key -> "WRAP for designated safeguarding leads");
        assertThat(svg).contains(">WRAP for designated safegua…</text>").doesNotContainIgnoringCase("wrap3 dsl");
    }

    @Test
    void codesWithoutATitleAreShownInWords() {
        AnnualReport report = new AnnualReport("Prevent annual report", YEAR, java.time.Instant.now(), false, List.of(),
                Map.of("course", Map.of("PU", "Prevent Update")));
        assertThat(report.label("course", "PU")).isEqualTo("Prevent Update");
        assertThat(report.label("mode", "FACE_TO_FACE")).isEqualTo("Face to face");
        assertThat(report.label("area", "nuneaton-and-bedworth")).isEqualTo("Nuneaton and Bedworth");
    }

    private static List<String> match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
