package org.preventhub.reporting.edition;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * An edition's Markdown as safe HTML: CommonMark with raw HTML escaped and unsafe links dropped, then OWASP's
 * sanitiser over the result (a second fence: only formatting, blocks, lists, tables, links and the figure spans
 * pass), with each figure reference replaced by the figure the reader may see.
 */
final class EditionMarkdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES).and(new HtmlPolicyBuilder().allowElements("span", "hr", "br")
                    .allowAttributes("class").matching(false, "figure", "figure moved").onElements("span")
                    .allowAttributes("title").onElements("span").toFactory());
    // Private-use characters: Markdown leaves them alone, and no one types them.
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';
    private static final char IMAGE_OPEN = '\uE002';
    private static final char IMAGE_CLOSE = '\uE003';

    private EditionMarkdown() {
    }

    /**
     * @param figure the figure's HTML (already escaped) for a reference
     * @param image an image's {@code <figure>} (trusted, escaped) for its id, or null for none: put in after the
     *            sanitiser, in place of the paragraph the reference stands alone in
     */
    static String render(String markdown, Function<FigureReferences.Reference, String> figure,
            Function<UUID, String> image) {
        return dropInline(renderKeepingInline(markdown, figure, image));
    }

    private static String renderKeepingInline(String markdown, Function<FigureReferences.Reference, String> figure,
            Function<UUID, String> image) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        List<String> images = new ArrayList<>();
        String safe = markdown.replace(OPEN, ' ').replace(CLOSE, ' ').replace(IMAGE_OPEN, ' ').replace(IMAGE_CLOSE, ' ');
        Matcher im = EditionImages.REFERENCE.matcher(safe);
        StringBuilder withImages = new StringBuilder();
        while (im.find()) {
            images.add(im.group(1));
            im.appendReplacement(withImages, IMAGE_OPEN + Integer.toString(images.size() - 1) + IMAGE_CLOSE);
        }
        im.appendTail(withImages);
        List<FigureReferences.Reference> references = new ArrayList<>();
        Matcher m = FigureReferences.REFERENCE.matcher(withImages);
        StringBuilder marked = new StringBuilder();
        while (m.find()) {
            references.add(FigureReferences.of(m));
            m.appendReplacement(marked, OPEN + Integer.toString(references.size() - 1) + CLOSE);
        }
        m.appendTail(marked);
        String html = RENDERER.render(PARSER.parse(marked.toString()));
        StringBuilder out = new StringBuilder(html.length() + 64 * references.size());
        int at = 0;
        for (int open = html.indexOf(OPEN); open >= 0; open = html.indexOf(OPEN, at)) {
            int close = html.indexOf(CLOSE, open);
            out.append(html, at, open).append(figure.apply(references.get(Integer.parseInt(html.substring(open + 1, close)))));
            at = close + 1;
        }
        out.append(html.substring(at));
        String clean = POLICY.sanitize(out.toString());
        if (images.isEmpty()) {
            return clean;
        }
        // A standing-alone reference is a paragraph of its own: the figure replaces the paragraph (a <figure> may
        // not sit in a <p>).
        Matcher placed = PLACED.matcher(clean);
        StringBuilder result = new StringBuilder(clean.length() + 4096 * images.size());
        while (placed.find()) {
            UUID id = EditionImages.parse(images.get(Integer.parseInt(placed.group(1))));
            String shown = id == null ? null : image.apply(id);
            placed.appendReplacement(result, Matcher.quoteReplacement(shown == null ? "" : shown));
        }
        placed.appendTail(result);
        return result.toString();
    }

    private static final Pattern PLACED = Pattern.compile("<p>\\s*" + IMAGE_OPEN + "(\\d+)" + IMAGE_CLOSE + "\\s*</p>");
    private static final Pattern INLINE = Pattern.compile(IMAGE_OPEN + "\\d+" + IMAGE_CLOSE);

    /** Whether every image reference in the Markdown is a paragraph of its own (saving refuses one inside text). */
    static boolean imagesStandAlone(String markdown) {
        return markdown == null || markdown.isBlank() || renderKeepingInline(markdown, r -> "", id -> "").indexOf(IMAGE_OPEN) < 0;
    }

    /** The Markdown's text with image references inside paragraphs dropped (a draft saved before the check). */
    private static String dropInline(String html) {
        return INLINE.matcher(html).replaceAll("");
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
