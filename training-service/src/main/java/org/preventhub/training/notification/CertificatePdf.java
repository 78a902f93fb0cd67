package org.preventhub.training.notification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A certificate of attendance: one A4 page drawn with PDFBox in the standard Helvetica, so nothing to embed. The
 * standard fonts know only WinAnsi, so a character outside it (a name in another script) is drawn as '?' rather than
 * failing the message.
 */
final class CertificatePdf {

    /** What the page says. */
    record Content(String attendee, String course, String code, String day, String hours, String reference,
            String issuer) {
    }

    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    private CertificatePdf() {
    }

    static byte[] render(Content c) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Certificate of attendance: " + drawable(REGULAR, c.course()));
            info.setCreator(c.issuer());
            float width = page.getMediaBox().getWidth();
            float y = page.getMediaBox().getHeight() - 140;
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                y = centred(text, BOLD, 26, "Certificate of attendance", width, y) - 50;
                y = centred(text, REGULAR, 14, "This certifies that", width, y) - 30;
                y = centred(text, BOLD, 20, c.attendee(), width, y) - 30;
                y = centred(text, REGULAR, 14, "attended", width, y) - 30;
                y = centred(text, BOLD, 16, c.course() + " (" + c.code() + ")", width, y) - 26;
                y = centred(text, REGULAR, 13, "on " + c.day() + ", " + c.hours(), width, y) - 80;
                y = centred(text, REGULAR, 11, c.issuer(), width, y) - 18;
                centred(text, REGULAR, 9, "Booking " + c.reference(), width, y);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float centred(PDPageContentStream stream, PDType1Font font, float size, String line, float width,
            float y) throws IOException {
        String shown = drawable(font, line);
        float lineWidth = font.getStringWidth(shown) / 1000 * size;
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(Math.max(36, (width - lineWidth) / 2), y);
        stream.showText(shown);
        stream.endText();
        return y;
    }

    /** The line with what the font cannot draw replaced by '?'. */
    static String drawable(PDType1Font font, String line) {
        StringBuilder out = new StringBuilder();
        line.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }
}
