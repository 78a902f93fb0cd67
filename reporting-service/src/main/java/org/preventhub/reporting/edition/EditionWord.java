package org.preventhub.reporting.edition;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.preventhub.reporting.edition.EditionDtos.EditionContent;
import org.preventhub.reporting.edition.EditionDtos.SectionText;
import org.preventhub.reporting.indicator.ReportingPeriod;

/**
 * An edition as a Word document, for councils that finish their reports in Word: real heading styles (so Word's
 * navigation pane and a screen reader see the structure), the text's bold, italics and lists, figures as text.
 * Raw HTML in the Markdown is dropped, as it never reaches a reader.
 */
final class EditionWord {

    private static final Parser PARSER = Parser.builder().build();

    private EditionWord() {
    }

    static byte[] render(String title, ReportingPeriod period, EditionContent content, Map<UUID, EditionImages.Stored> images,
            Function<FigureReferences.Reference, String> figure) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFStyles styles = doc.createStyles();
            style(styles, "Title", "Title", 0, 36);
            style(styles, "Heading1", "heading 1", 1, 28);
            style(styles, "Heading2", "heading 2", 2, 24);
            style(styles, "Caption", "caption", 0, 18);
            doc.getProperties().getCoreProperties().setTitle(title);
            styled(doc, "Title", title);
            doc.createParagraph().createRun().setText(period.label());
            section(doc, "Introduction", content.introduction(), figure, images);
            for (SectionText s : content.sectionList()) {
                section(doc, s.heading(), s.markdown(), figure, images);
            }
            section(doc, "Conclusion", content.conclusion(), figure, images);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The Word document could not be produced", e);
        }
    }

    private static void section(XWPFDocument doc, String heading, String markdown,
            Function<FigureReferences.Reference, String> figure, Map<UUID, EditionImages.Stored> images) {
        if (markdown == null || markdown.isBlank()) {
            return;
        }
        styled(doc, "Heading1", heading);
        Matcher m = FigureReferences.REFERENCE.matcher(markdown);
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(text, Matcher.quoteReplacement(
                    figure.apply(FigureReferences.of(m))));
        }
        m.appendTail(text);
        for (Node block = PARSER.parse(text.toString()).getFirstChild(); block != null; block = block.getNext()) {
            EditionImages.Stored image = block instanceof Paragraph ? placed(block, images) : null;
            if (image != null) {
                picture(doc, image);
            } else {
                block(doc, block, "");
            }
        }
    }

    private static void block(XWPFDocument doc, Node block, String prefix) {
        if (block instanceof Heading h) {
            XWPFParagraph p = doc.createParagraph();
            p.setStyle("Heading2");
            inline(p, h, false, false);
        } else if (block instanceof BulletList || block instanceof OrderedList) {
            int n = block instanceof OrderedList o ? o.getStartNumber() : 0;
            for (Node item = block.getFirstChild(); item != null; item = item.getNext()) {
                String mark = block instanceof OrderedList ? (n++) + ". " : "• ";
                for (Node child = ((ListItem) item).getFirstChild(); child != null; child = child.getNext()) {
                    block(doc, child, mark);
                    mark = "   ";
                }
            }
        } else if (block instanceof BlockQuote) {
            for (Node child = block.getFirstChild(); child != null; child = child.getNext()) {
                block(doc, child, prefix);
            }
        } else if (block instanceof Paragraph) {
            XWPFParagraph p = doc.createParagraph();
            if (!prefix.isEmpty()) {
                p.createRun().setText(prefix);
            }
            inline(p, block, false, false);
        }
    }

    private static void inline(XWPFParagraph p, Node parent, boolean bold, boolean italic) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                run(p, t.getLiteral(), bold, italic);
            } else if (n instanceof Code c) {
                run(p, c.getLiteral(), bold, italic);
            } else if (n instanceof SoftLineBreak) {
                run(p, " ", bold, italic);
            } else if (n instanceof HardLineBreak) {
                p.createRun().addBreak();
            } else if (n instanceof StrongEmphasis) {
                inline(p, n, true, italic);
            } else if (n instanceof Emphasis) {
                inline(p, n, bold, true);
            } else {
                inline(p, n, bold, italic); // links keep their text; raw HTML has no children and is dropped
            }
        }
    }

    /** The image a paragraph consisting of one image reference places, or null. */
    private static EditionImages.Stored placed(Node paragraph, Map<UUID, EditionImages.Stored> images) {
        if (!(paragraph.getFirstChild() instanceof Text t) || t.getNext() != null) {
            return null;
        }
        Matcher m = EditionImages.REFERENCE.matcher(t.getLiteral().strip());
        UUID id = m.matches() ? EditionImages.parse(m.group(1)) : null;
        return id == null ? null : images.get(id);
    }

    /** A photo at the text's width, its alt text where Word and screen readers look for it, its caption below. */
    private static void picture(XWPFDocument doc, EditionImages.Stored image) {
        EditionDtos.ImageView v = image.view();
        XWPFParagraph p = doc.createParagraph();
        int widthEmu = Units.toEMU(450); // about 16 cm: an A4 page's text width
        int heightEmu = (int) ((long) widthEmu * v.height() / Math.max(1, v.width()));
        try (ByteArrayInputStream in = new ByteArrayInputStream(image.bytes())) {
            XWPFPicture picture = p.createRun().addPicture(in, ImageCleaner.PNG.equals(v.mediaType())
                    ? Document.PICTURE_TYPE_PNG : Document.PICTURE_TYPE_JPEG, "photo-" + v.id(), widthEmu, heightEmu);
            picture.getCTPicture().getNvPicPr().getCNvPr().setDescr(v.alt());
            var runs = p.getRuns().get(0).getCTR();
            if (runs.sizeOfDrawingArray() > 0 && runs.getDrawingArray(0).sizeOfInlineArray() > 0) {
                runs.getDrawingArray(0).getInlineArray(0).getDocPr().setDescr(v.alt());
            }
        } catch (IOException | InvalidFormatException e) {
            throw new IllegalStateException("The image could not be placed in the Word document", e);
        }
        if (v.caption() != null) {
            styled(doc, "Caption", v.caption());
        }
    }

    private static void run(XWPFParagraph p, String text, boolean bold, boolean italic) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setBold(bold);
        run.setItalic(italic);
    }

    private static void styled(XWPFDocument doc, String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(style);
        p.createRun().setText(text);
    }

    private static void style(XWPFStyles styles, String id, String name, int level, int halfPoints) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId(id);
        ct.setType(STStyleType.PARAGRAPH);
        ct.addNewName().setVal(name);
        ct.addNewQFormat();
        if (level > 0) {
            ct.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
        }
        ct.addNewRPr().addNewB();
        ct.getRPr().addNewSz().setVal(BigInteger.valueOf(halfPoints));
        styles.addStyle(new XWPFStyle(ct, styles));
    }
}
