package org.preventhub.reporting.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDF/UA's essentials, checked with PDFBox: a structure tree (marked as tagged), the document's title shown by
 * viewers, its language, the PDF/UA identifier in the XMP, alt text on each Figure, every font embedded, and text a
 * reader can extract. (veraPDF's full PDF/UA-1 rule set is checked by {@link PdfUa}.)
 */
public final class TaggedPdf {

    /** What was found in the PDF, for the test's own assertions. */
    public record Found(String text, List<String> structureTypes, List<String> figureAlts) {
    }

    private TaggedPdf() {
    }

    public static Found assertTaggedForScreenReaders(byte[] pdf, String title) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var catalog = document.getDocumentCatalog();
            assertThat(catalog.getMarkInfo() != null && catalog.getMarkInfo().isMarked()).as("marked as tagged").isTrue();
            assertThat(catalog.getStructureTreeRoot()).as("structure tree").isNotNull();
            assertThat(catalog.getLanguage()).isEqualTo("en-GB");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo(title);
            assertThat(catalog.getViewerPreferences() != null && catalog.getViewerPreferences().displayDocTitle())
                    .as("viewers show the title, not the file name").isTrue();
            assertThat(catalog.getMetadata()).as("XMP metadata").isNotNull();
            String xmp = new String(catalog.getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).as("XMP with dc:title and the PDF/UA identifier").contains("pdfuaid:part", "dc:title");
            List<String> types = new ArrayList<>();
            List<String> figures = new ArrayList<>();
            walk(catalog.getStructureTreeRoot().getKids(), types, figures);
            assertThat(types).contains("Document");
            for (var page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    var font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as("font " + font.getName() + " embedded").isTrue();
                }
            }
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            return new Found(text, types, figures);
        }
    }

    private static void walk(List<Object> kids, List<String> types, List<String> figures) {
        for (Object kid : kids) {
            if (kid instanceof PDStructureElement e) {
                types.add(e.getStructureType());
                if ("Figure".equals(e.getStructureType())) {
                    assertThat(e.getAlternateDescription()).as("a Figure's alt text").isNotBlank();
                    figures.add(e.getAlternateDescription());
                }
                walk(e.getKids(), types, figures);
            }
        }
    }
}
