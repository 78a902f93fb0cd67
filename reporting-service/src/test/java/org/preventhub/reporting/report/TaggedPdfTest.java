package org.preventhub.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.preventhub.reporting.support.TaggedPdf;

/**
 * The annual report's PDF is tagged for screen readers (PDF/UA's essentials) and its words can still be extracted:
 * the headings, the tables, the charts' captions, with each chart a Figure carrying its description as alt text.
 * (An edition's PDF is checked the same way, through the API, in EditionImagesTest.)
 */
class TaggedPdfTest {

    @Test
    void theAnnualReportsPdfIsTaggedWithEmbeddedFontsAndItsWordsCanBeExtracted() throws IOException {
        String html = ReportHtml.render(ReportFormatsTest.report(true, true), 5);

        TaggedPdf.Found pdf = TaggedPdf.assertTaggedForScreenReaders(new PdfRenderer().render(html),
                "Prevent annual report – September 2019 – August 2020");

        assertThat(pdf.text()).contains("Prevent annual report", "5. Support", "Referrals received",
                "Referrals received by area: Rugby [c]; Warwick 30; Stratford on Avon [c].",
                "withheld to protect people referred");
        assertThat(pdf.structureTypes()).contains("Document", "Sect", "H1", "H2", "Table", "TH", "TD", "Figure");
        assertThat(pdf.figureAlts()).contains("Bar chart: Referrals received by area",
                "Line chart: Referrals received, month by month");
    }
}
