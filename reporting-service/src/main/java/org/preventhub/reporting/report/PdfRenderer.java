package org.preventhub.reporting.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

/**
 * The printable form: the report's XHTML laid out on A4 pages by openhtmltopdf, its SVG charts drawn by Batik, as a
 * tagged PDF (PDF/UA: a structure tree for screen readers, the page's title and language, alt text on figures).
 * PDF/UA wants every font embedded: the Liberation Sans that PDFBox ships is registered under every family the pages
 * or Batik may ask for, so no text falls back to the base-14 fonts (not embedded; in PDF/UA mode openhtmltopdf then
 * draws no text at all, which left an earlier attempt's PDFs without a word to extract). The font's bytes are read
 * once, from PDFBox's own jar, and a missing font fails here rather than printing blank pages.
 */
@ApplicationScoped
public class PdfRenderer {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    /** The CSS generic families, Java's logical fonts (Batik's defaults) and the face's own name. */
    static final String[] FAMILIES = { "sans-serif", "serif", "monospace", "SansSerif", "Serif", "Monospaced", "Dialog",
            "Liberation Sans" };
    private static final byte[] FONT_BYTES = font();

    public byte[] render(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            for (String family : FAMILIES) {
                for (FontStyle style : new FontStyle[] { FontStyle.NORMAL, FontStyle.ITALIC }) {
                    for (int weight : new int[] { 400, 700 }) {
                        builder.useFont(() -> new ByteArrayInputStream(FONT_BYTES), family, weight, style, true);
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

    private static byte[] font() {
        try (InputStream in = org.apache.pdfbox.pdmodel.PDDocument.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox's Liberation Sans is not on the class path: " + FONT);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
