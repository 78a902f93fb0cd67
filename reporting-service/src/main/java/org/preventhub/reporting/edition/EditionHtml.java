package org.preventhub.reporting.edition;

import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.preventhub.reporting.edition.EditionDtos.EditionContent;
import org.preventhub.reporting.edition.EditionDtos.SectionText;
import org.preventhub.reporting.indicator.ReportingPeriod;

/** An edition as one XHTML page (well-formed, so the PDF renderer prints it), with screen and print styles. */
final class EditionHtml {

    private EditionHtml() {
    }

    static String render(String title, ReportingPeriod period, EditionContent content, String status,
            Function<FigureReferences.Reference, String> figure, Map<UUID, EditionImages.Stored> images) {
        Function<UUID, String> image = id -> images.containsKey(id) ? figure(images.get(id)) : null;
        StringBuilder h = new StringBuilder(16_000);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\"><head><meta charset=\"utf-8\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><meta name=\"description\" content=\"")
                .append(EditionMarkdown.escape(title)).append(", ").append(EditionMarkdown.escape(period.label())).append("\"/><title>")
                .append(EditionMarkdown.escape(title)).append("</title><style>").append(CSS).append("</style></head><body>")
                .append("<header><h1>").append(EditionMarkdown.escape(title)).append("</h1><p class=\"period\">")
                .append(EditionMarkdown.escape(period.label())).append("</p>");
        if (!"PUBLISHED".equals(status)) {
            h.append("<p class=\"draft\">Draft: figures are live and may change until the report is published.</p>");
        }
        h.append("</header><main>");
        if (content.introduction() != null && !content.introduction().isBlank()) {
            h.append("<section id=\"introduction\"><h2>Introduction</h2>")
                    .append(EditionMarkdown.render(content.introduction(), figure, image)).append("</section>");
        }
        int n = 0;
        for (SectionText s : content.sectionList()) {
            h.append("<section id=\"s").append(++n).append("\"><h2>").append(EditionMarkdown.escape(s.heading())).append("</h2>")
                    .append(EditionMarkdown.render(s.markdown(), figure, image)).append("</section>");
        }
        if (content.conclusion() != null && !content.conclusion().isBlank()) {
            h.append("<section id=\"conclusion\"><h2>Conclusion</h2>")
                    .append(EditionMarkdown.render(content.conclusion(), figure, image)).append("</section>");
        }
        return h.append("</main></body></html>").toString();
    }

    /** A photo, inline in the page (one file to save, print or render as PDF), with its alt text and caption. */
    static String figure(EditionImages.Stored image) {
        EditionDtos.ImageView v = image.view();
        StringBuilder f = new StringBuilder(image.bytes().length * 4 / 3 + 400).append("<figure class=\"photo\"><img src=\"data:")
                .append(v.mediaType()).append(";base64,").append(Base64.getEncoder().encodeToString(image.bytes()))
                .append("\" alt=\"").append(EditionMarkdown.escape(v.alt())).append("\" width=\"").append(v.width())
                .append("\" height=\"").append(v.height()).append("\"/>");
        if (v.caption() != null) {
            f.append("<figcaption>").append(EditionMarkdown.escape(v.caption())).append("</figcaption>");
        }
        return f.append("</figure>").toString();
    }

    private static final String CSS = """
            body{font-family:sans-serif;color:#1a202c;margin:0 auto;padding:1em;max-width:46em;line-height:1.5;overflow-wrap:break-word}
            h1{margin-bottom:0}h2{border-bottom:2px solid #2b6cb0;padding-bottom:.2em;margin-top:1.8em}
            .period{font-size:1.2em;margin-top:.2em}.draft{background:#fefcbf;padding:.4em .6em}
            .figure{font-weight:bold}.figure.moved{background:#fed7d7}
            table{border-collapse:collapse;max-width:100%}th,td{border-bottom:1px solid #e2e8f0;padding:.3em .5em;text-align:left}
            img{max-width:100%;height:auto}figure{display:block;margin:1em 0;page-break-inside:avoid;break-inside:avoid}
            figure.photo img{display:block;width:100%;height:auto}figcaption{display:block;font-size:.9em;color:#4a5568;margin-top:.3em}
            blockquote{border-left:4px solid #2b6cb0;margin:1em 0;padding:.2em 1em;background:#ebf4ff;page-break-inside:avoid}
            @media print{@page{size:A4;margin:2cm}body{max-width:none;padding:0;font-size:11pt}h2{page-break-after:avoid}.draft{border:1px solid #999}}""";
}
