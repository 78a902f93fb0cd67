package org.preventhub.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;
import org.preventhub.reporting.action.ActionDtos.ActionView;
import org.preventhub.reporting.action.ActionDtos.Progress;
import org.preventhub.reporting.indicator.Figures.Breakdown;
import org.preventhub.reporting.indicator.Figures.Cell;
import org.preventhub.reporting.indicator.Figures.Figure;
import org.preventhub.reporting.indicator.Figures.IndicatorValues;
import org.preventhub.reporting.support.PdfUa;
import org.preventhub.reporting.support.Photos;

/**
 * The annual report's PDF passes veraPDF's PDF/UA-1 check: every rule, tables, charts (Figures with alt text) and
 * the actions table included. (An edition's PDF: EditionPdfUaTest.)
 */
class PdfUaTest {

    @Test
    void anUntaggedPdfFailsTheCheckNamingTheRulesItBreaks() throws IOException {
        List<PdfUa.Failure> failures = PdfUa.failures(untagged());

        assertThat(failures).extracting(PdfUa.Failure::rule).as("not marked as tagged, no structure tree, content "
                + "neither tagged nor an artifact, no metadata, no title shown, no language").contains("6.2-1", "7.1-11",
                        "7.1-3", "7.1-8", "7.1-10", "7.2-34");
        assertThat(failures.toString()).as("each failure named with what the rule asks and how often it failed")
                .contains("7.1-11 (1×): The logical structure of the conforming file shall be described by a structure hierarchy");
    }

    @Test
    void ourRenderersPdfOfAPictureWithoutAltTextFailsTheCheck() {
        String html = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\"><head><meta charset=\"utf-8\"/>"
                + "<title>Prevent annual report</title></head><body><h1>Prevent annual report</h1><p>The year in pictures.</p>"
                + "<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(Photos.pngWithText(40, 30))
                + "\" width=\"40\" height=\"30\"/></body></html>";

        List<PdfUa.Failure> failures = PdfUa.failures(new PdfRenderer().render(html));

        assertThat(failures).extracting(PdfUa.Failure::rule).as("a Figure without alt text").containsExactly("7.3-1");
    }

    @Test
    void theAnnualReportsPdfPassesEveryPdfUa1Rule() {
        String html = ReportHtml.render(aYear(), 5);
        assertThat(html).as("a cross-tabulation with nothing in it is said in words, not an empty table")
                .contains("<p class=\"cross\">Referrals received by area and age band: none in this period.</p>");

        PdfUa.assertConforms(new PdfRenderer().render(html), "the annual report's PDF");
    }

    /**
     * Sections as a year's report has them: figures, a bar and a line chart, cross-tabulations (one with nothing in
     * it, as for a year without a Channel case) and actions; and a section with no figures and no actions.
     */
    static AnnualReport aYear() {
        AnnualReport report = ReportFormatsTest.report(true, true);
        AnnualReport.Section s = report.sections().get(0);
        IndicatorValues v = s.indicators().get(0);
        Breakdown cross = new Breakdown("area,concern_type", List.of("area", "concern_type"), List.of(
                Cell.of(List.of("warwick", "ISLAMIST"), Figure.of(BigDecimal.valueOf(12), 12L, null)),
                Cell.of(List.of("warwick", "EXTREME_RIGHT_WING"), Figure.of(BigDecimal.valueOf(18), 18L, null)),
                Cell.of(List.of("rugby", "ISLAMIST"), Figure.of(BigDecimal.valueOf(2), 2L, null).suppress())), v.figure());
        IndicatorValues crossTabulated = new IndicatorValues(v.indicator(), v.period(), v.figure(), v.previous(),
                v.meetsTarget(), cross, true);
        IndicatorValues nothingToTabulate = new IndicatorValues(v.indicator(), v.period(), v.figure(), v.previous(),
                v.meetsTarget(), new Breakdown("area,age_band", List.of("area", "age_band"), List.of(), v.figure()), true);
        List<ActionView> actions = List.of("RED", "GREEN").stream().map(rag -> new ActionView(UUID.randomUUID(), s.priority(),
                "Promote the online Prevent Update course to every secondary school's designated safeguarding lead", null,
                "Warwickshire County Council Prevent team", LocalDate.of(2020, 3, 31), "IN_PROGRESS", rag, List.of(),
                List.of(new Progress(LocalDate.of(2020, 1, 15), "Promoted in the January newsletter", "lead")), List.of(), 1L))
                .toList();
        AnnualReport.Section withEverything = new AnnualReport.Section(s.number(), s.priority(), s.title(), s.aim(),
                s.indicators(), List.of(crossTabulated, nothingToTabulate), s.trend(), actions);
        AnnualReport.Section withoutActions = new AnnualReport.Section(1, "AWARENESS_LEARNING",
                "Awareness, learning and development", "Staff know how to refer.", List.of(), List.of(), null, List.of());
        return new AnnualReport(report.title(), report.period(), report.generatedAt(), true,
                List.of(withoutActions, withEverything));
    }

    /** A page of text in an embedded font, with no structure tree, no tags and no PDF/UA metadata. */
    private static byte[] untagged() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDType0Font font = PDType0Font.load(document,
                    PDDocument.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf"));
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(font, 12);
                text.newLineAtOffset(72, 700);
                text.showText("Prevent annual report");
                text.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
