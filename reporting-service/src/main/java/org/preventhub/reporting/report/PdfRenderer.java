package org.preventhub.reporting.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

/**
 * The printable form: the report's XHTML laid out on A4 pages by openhtmltopdf, its SVG charts drawn by Batik, as a
 * tagged PDF (PDF/UA: a structure tree for screen readers, the page's title and language, alt text on figures).
 * PDF/UA wants every font embedded, so the text is set in the Liberation Sans that PDFBox itself ships (no font
 * need be installed on the machine); bold and italic are drawn from the same face.
 */
@ApplicationScoped
public class PdfRenderer {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    public byte[] render(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            for (String family : new String[] { "sans-serif", "serif", "monospace", "Liberation Sans" }) {
                for (FontStyle style : new FontStyle[] { FontStyle.NORMAL, FontStyle.ITALIC }) {
                    for (int weight : new int[] { 400, 700 }) {
                        builder.useFont(() -> PdfRenderer.class.getResourceAsStream(FONT), family, weight, style, true);
                    }
                }
            }
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF could not be produced", e);
        }
    }
}
