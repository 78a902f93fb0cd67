package org.preventhub.reporting.edition;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;

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

    private EditionMarkdown() {
    }

    /** @param figure the figure's HTML (already escaped) for a reference */
    static String render(String markdown, Function<FigureReferences.Reference, String> figure) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        List<FigureReferences.Reference> references = new ArrayList<>();
        Matcher m = FigureReferences.REFERENCE.matcher(markdown.replace(OPEN, ' ').replace(CLOSE, ' '));
        StringBuilder marked = new StringBuilder();
        while (m.find()) {
            references.add(new FigureReferences.Reference(m.group(1), m.group(2), m.group(3)));
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
        return POLICY.sanitize(out.toString());
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
