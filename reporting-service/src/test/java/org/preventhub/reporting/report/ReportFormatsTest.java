package org.preventhub.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.preventhub.reporting.config.ReportingConfig;
import org.preventhub.reporting.indicator.CsvExport;
import org.preventhub.reporting.indicator.Figures.Breakdown;
import org.preventhub.reporting.indicator.Figures.Cell;
import org.preventhub.reporting.indicator.Figures.Comparison;
import org.preventhub.reporting.indicator.Figures.Figure;
import org.preventhub.reporting.indicator.Figures.IndicatorValues;
import org.preventhub.reporting.indicator.Figures.Series;
import org.preventhub.reporting.indicator.Figures.SeriesPoint;
import org.preventhub.reporting.indicator.IndicatorDefinition;
import org.preventhub.reporting.indicator.ReportingPeriod;

/** The report's formats on their own: charts in the PDF, and the suppression note with the configured threshold. */
class ReportFormatsTest {

    private static final ReportingPeriod YEAR = ReportingPeriod.reportingYear(2019);

    private static AnnualReport report() {
        return report(true, true);
    }

    static AnnualReport report(boolean bars, boolean trend) {
        IndicatorDefinition received = new IndicatorDefinition("referrals.received", "Referrals received", "SUPPORT", null,
                "referral_fact", "received_on", "count", Map.of(), null, null, "referrals", "UP", null, null,
                List.of("area"), true, 10, 0);
        Figure total = Figure.of(BigDecimal.valueOf(40), 40L, null);
        IndicatorValues values = new IndicatorValues(received, YEAR, total,
                new Comparison(YEAR.previous(), Figure.of(BigDecimal.valueOf(35), 35L, null), BigDecimal.valueOf(5)), null,
                !bars ? null : new Breakdown("area", List.of("area"), List.of(
                        Cell.of(List.of("rugby"), Figure.of(BigDecimal.valueOf(7), 7L, null).suppress()),
                        Cell.of(List.of("warwick"), Figure.of(BigDecimal.valueOf(30), 30L, null)),
                        Cell.of(List.of("stratford-on-avon"), Figure.of(BigDecimal.valueOf(3), 3L, null).suppress())), total),
                true);
        List<SeriesPoint> points = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            points.add(new SeriesPoint(YearMonth.of(2019, 9).plusMonths(m).toString(), Figure.of(BigDecimal.valueOf(2 + m), 2L + m, null)));
        }
        return new AnnualReport("Prevent annual report", YEAR, Instant.parse("2020-10-01T09:00:00Z"), true,
                List.of(new AnnualReport.Section(5, "SUPPORT", "Support", "Appropriate support.", List.of(values), List.of(),
                        trend ? new Series(received, YEAR, points) : null, List.of())));
    }

    @Test
    void thePdfDrawsTheBarAndLineChartsAsTheyAreInTheHtml() throws IOException {
        String html = ReportHtml.render(report(), 5);
        assertThat(html).contains("<title>Referrals received by area</title>", "<title>Referrals received, month by month</title>");

        byte[] pdf = new PdfRenderer().render(html);
        String text = pdfText(pdf);
        assertThat(text.replaceAll("\\s+", " ")).contains("Referrals received by area: Rugby [c]; Warwick 30; Stratford on Avon [c].",
                "Referrals received, month by month: 2019-09 2; 2019-10 3;").doesNotContain("Rugby 7", "Avon 3");
        // The charts themselves are drawn (shapes, in the charts' blue), not left out or turned into tables.
        int withBoth = bluePixels(pdf);
        assertThat(withBoth - bluePixels(new PdfRenderer().render(ReportHtml.render(report(true, false), 5))))
                .as("the line chart").isGreaterThan(200);
        assertThat(withBoth - bluePixels(new PdfRenderer().render(ReportHtml.render(report(false, true), 5))))
                .as("the bar chart").isGreaterThan(200);
    }

    @Test
    void aChartIsNeverSplitAcrossAPageBreak() throws IOException {
        String html = ReportHtml.render(report(false, true), 5);
        int figure = html.indexOf("<figure>");
        // Text pushes the chart down a line at a time, so that at some point it reaches the foot of a page.
        for (int lines = 0; lines <= 36; lines += 3) {
            String pushed = html.substring(0, figure) + "<p>Text</p>".repeat(lines) + html.substring(figure);
            List<Integer> pagesWithChart = new ArrayList<>();
            try (PDDocument document = Loader.loadPDF(new PdfRenderer().render(pushed))) {
                for (int page = 0; page < document.getNumberOfPages(); page++) {
                    if (chartPixels(new PDFRenderer(document).renderImageWithDPI(page, 72)) > 0) {
                        pagesWithChart.add(page);
                    }
                }
            }
            assertThat(pagesWithChart).as("pages the chart is drawn on, pushed down by " + lines + " lines").hasSize(1);
        }
    }

    /** Pixels of the charts' blue, leaving out rows the section heading's rule spans (a wide run of that blue). */
    private static int chartPixels(java.awt.image.BufferedImage page) {
        int count = 0;
        for (int y = 0; y < page.getHeight(); y++) {
            int row = 0;
            for (int x = 0; x < page.getWidth(); x++) {
                if (blue(page.getRGB(x, y))) {
                    row++;
                }
            }
            count += row > page.getWidth() / 3 ? 0 : row;
        }
        return count;
    }

    private static boolean blue(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return Math.abs(r - 0x2b) < 24 && Math.abs(g - 0x6c) < 24 && Math.abs(b - 0xb0) < 24;
    }

    /** Pixels of the charts' colour (#2b6cb0) on the page with the section. */
    private static int bluePixels(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            java.awt.image.BufferedImage page = new PDFRenderer(document).renderImageWithDPI(document.getNumberOfPages() - 1, 72);
            int count = 0;
            for (int x = 0; x < page.getWidth(); x++) {
                for (int y = 0; y < page.getHeight(); y++) {
                    int rgb = page.getRGB(x, y);
                    int r = (rgb >> 16) & 0xff;
                    int g = (rgb >> 8) & 0xff;
                    int b = rgb & 0xff;
                    if (Math.abs(r - 0x2b) < 24 && Math.abs(g - 0x6c) < 24 && Math.abs(b - 0xb0) < 24) {
                        count++;
                    }
                }
            }
            return count;
        }
    }

    @Test
    void theSuppressionNoteGivesTheConfiguredThreshold() {
        assertThat(ReportHtml.render(report(), 10)).contains("a count of fewer than 10 people").doesNotContain("fewer than 5");
        String csv = new CsvExport(threshold(10)).of(report().sections().get(0).indicators().get(0));
        assertThat(csv).contains("a count of fewer than 10 people").doesNotContain("fewer than 5");
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static ReportingConfig threshold(int below) {
        return new ReportingConfig() {
            @Override
            public List<String> topics() {
                return List.of();
            }

            @Override
            public String deadLetterTopic() {
                return "reporting.dead-letter";
            }

            @Override
            public String consumerGroup() {
                return "reporting-service";
            }

            @Override
            public java.util.Map<String, String> kafka() {
                return java.util.Map.of();
            }

            @Override
            public boolean consumerEnabled() {
                return false;
            }

            @Override
            public Duration rebuildPatience() {
                return Duration.ofMinutes(10);
            }

            @Override
            public int suppressBelow() {
                return below;
            }
        };
    }
}
