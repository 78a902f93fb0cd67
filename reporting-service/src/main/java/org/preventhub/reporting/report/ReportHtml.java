package org.preventhub.reporting.report;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.preventhub.reporting.action.ActionDtos.ActionView;
import org.preventhub.reporting.indicator.Figures;
import org.preventhub.reporting.indicator.Figures.IndicatorValues;

/**
 * The annual report as one self-contained XHTML page: readable in a browser without JavaScript (charts are inline
 * SVG), and well-formed so the PDF renderer can print it, charts included (it draws the same SVG).
 */
public final class ReportHtml {

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private ReportHtml() {
    }

    /** @param suppressBelow the disclosure threshold, for the note on suppressed figures */
    public static String render(AnnualReport report, int suppressBelow) {
        StringBuilder h = new StringBuilder(32_000);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\"><head><meta charset=\"utf-8\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                .append("<meta name=\"description\" content=\"").append(e(report.title())).append(", ")
                .append(e(report.period().label())).append(": the partnership's figures and actions by priority\"/>")
                .append("<title>").append(e(report.title())).append(" – ").append(e(report.period().label())).append("</title>")
                .append("<style>").append(CSS).append("</style></head><body>");
        h.append("<header><h1>").append(e(report.title())).append("</h1><p class=\"period\">")
                .append(e(report.period().label())).append("</p><p class=\"meta\">Produced by Prevent Hub on ")
                .append(GENERATED.format(report.generatedAt())).append(" from the partnership's own records.</p>");
        if (report.disclosureControlled()) {
            h.append("<p class=\"note\">[c] marks a figure withheld to protect people referred: a count of fewer than "
                    + suppressBelow + " people, or a figure that would reveal one.</p>");
        }
        h.append("</header><nav><ol>");
        for (AnnualReport.Section s : report.sections()) {
            h.append("<li><a href=\"#p").append(s.number()).append("\">").append(e(s.title())).append("</a></li>");
        }
        h.append("</ol></nav>");
        for (AnnualReport.Section s : report.sections()) {
            h.append("<section id=\"p").append(s.number()).append("\"><h2>").append(s.number()).append(". ")
                    .append(e(s.title())).append("</h2><p class=\"aim\">").append(e(s.aim())).append("</p>");
            if (!s.indicators().isEmpty()) {
                h.append("<table class=\"figures\"><thead><tr><th>Indicator</th><th>").append(e(report.period().label()))
                        .append("</th><th>Previous period</th><th>Target</th></tr></thead><tbody>");
                for (IndicatorValues v : s.indicators()) {
                    h.append("<tr><td>").append(e(v.indicator().name())).append("</td><td class=\"num\">")
                            .append(e(display(v.figure(), v.indicator().unit()))).append("</td><td class=\"num\">")
                            .append(e(display(v.previous().figure(), v.indicator().unit()))).append("</td><td>")
                            .append(e(target(v))).append("</td></tr>");
                }
                h.append("</tbody></table>");
                for (IndicatorValues v : s.indicators()) {
                    if (v.breakdown() != null && !v.breakdown().cells().isEmpty()) {
                        String title = v.indicator().name() + " by " + SvgCharts.label(v.breakdown().by());
                        h.append("<figure>").append(SvgCharts.bars(title, v.breakdown().cells(), key -> report.label(v.breakdown().by(), key))).append(caption(title,
                                v.breakdown().cells().stream().map(c -> report.label(v.breakdown().by(), c.key()) + " "
                                        + display(c.figure(), v.indicator().unit())).toList())).append("</figure>");
                    }
                }
                for (IndicatorValues v : s.crossTabulations()) {
                    crossTabulation(h, v, report);
                }
                if (s.trend() != null) {
                    String title = s.trend().indicator().name() + ", month by month";
                    h.append("<figure>").append(SvgCharts.line(title, s.trend())).append(caption(title, s.trend().points().stream()
                            .map(p -> p.month() + " " + display(p.figure(), s.trend().indicator().unit())).toList()))
                            .append("</figure>");
                }
            }
            h.append("<h3>Recommended actions</h3>");
            if (s.actions().isEmpty()) {
                h.append("<p>No recommended action for this priority.</p>");
            } else {
                h.append("<table class=\"actions\"><thead><tr><th>Action</th><th>Owner</th><th>Due</th><th>Status</th>"
                        + "<th>Latest progress</th></tr></thead><tbody>");
                for (ActionView a : s.actions()) {
                    String latest = a.progress().isEmpty() ? "" : a.progress().get(a.progress().size() - 1).on() + ": "
                            + a.progress().get(a.progress().size() - 1).note();
                    h.append("<tr><td>").append(e(a.title())).append("</td><td>").append(e(a.ownerOrganisation()))
                            .append("</td><td>").append(a.dueOn() == null ? "" : a.dueOn()).append("</td><td><span class=\"rag ")
                            .append(a.rag().toLowerCase(Locale.ROOT)).append("\">").append(e(a.rag())).append("</span> ")
                            .append(e(a.status().replace('_', ' ').toLowerCase(Locale.ROOT))).append("</td><td>")
                            .append(e(latest)).append("</td></tr>");
                }
                h.append("</tbody></table>");
            }
            h.append("</section>");
        }
        return h.append("</body></html>").toString();
    }

    /**
     * A cross-tabulation as a table: the first dimension down, the second across, with the cells' figures; one
     * without cells as a sentence saying so.
     */
    private static void crossTabulation(StringBuilder h, IndicatorValues v, AnnualReport report) {
        Figures.Breakdown table = v.breakdown();
        List<String> rows = table.cells().stream().map(c -> c.keys().get(0)).distinct().toList();
        List<String> columns = table.cells().stream().map(c -> c.keys().get(1)).distinct().sorted().toList();
        java.util.Map<String, Figures.Figure> cells = new java.util.HashMap<>();
        table.cells().forEach(c -> cells.put(c.key(), c.figure()));
        String title = v.indicator().name() + " by " + SvgCharts.label(table.dimensions().get(0)) + " and "
                + SvgCharts.label(table.dimensions().get(1));
        if (rows.isEmpty()) {
            // Nothing to tabulate this period: a sentence, not a table of headers with no rows (PDF/UA-1 7.2-14 wants a
            // Table's THead followed by a TBody, and a screen reader announces an empty table to no purpose).
            h.append("<p class=\"cross\">").append(e(title)).append(": none in this period.</p>");
            return;
        }
        h.append("<table class=\"cross\"><caption>").append(e(title)).append("</caption><thead><tr><th></th>");
        columns.forEach(c -> h.append("<th class=\"num\">").append(e(report.label(table.dimensions().get(1), c))).append("</th>"));
        h.append("</tr></thead><tbody>");
        for (String row : rows) {
            h.append("<tr><th>").append(e(report.label(table.dimensions().get(0), row))).append("</th>");
            for (String column : columns) {
                Figures.Figure figure = cells.get(row + "," + column);
                h.append("<td class=\"num\">").append(figure == null ? "0" : e(display(figure, v.indicator().unit())))
                        .append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");
    }

    /** The chart's figures in words: for screen readers, and text in the PDF (where charts are drawn as shapes). */
    private static String caption(String title, List<String> figures) {
        return "<figcaption>" + e(title) + ": " + e(String.join("; ", figures)) + ".</figcaption>";
    }

    static String display(Figures.Figure figure, String unit) {
        if (figure.suppressed()) {
            return Figures.SUPPRESSED_MARK;
        }
        if (figure.value() == null) {
            return "–";
        }
        return figure.value().toPlainString() + ("percent".equals(unit) ? "%" : "");
    }

    private static String target(IndicatorValues v) {
        if (v.indicator().target() == null) {
            return "";
        }
        String text = v.indicator().targetComparison() + " " + v.indicator().target().toPlainString()
                + ("percent".equals(v.indicator().unit()) ? "%" : "");
        return v.meetsTarget() == null ? text : text + (v.meetsTarget() ? " (met)" : " (not met)");
    }

    private static String e(String text) {
        return text == null ? "" : SvgCharts.escape(text);
    }

    private static final String CSS = """
            body{font-family:sans-serif;color:#1a202c;margin:2em auto;max-width:60em;line-height:1.4}
            h1{margin-bottom:0}h2{border-bottom:2px solid #2b6cb0;padding-bottom:.2em;margin-top:2em}
            .period{font-size:1.3em;margin-top:.2em}.meta,.note{color:#4a5568;font-size:.9em}
            table{border-collapse:collapse;width:100%;margin:1em 0}th,td{border-bottom:1px solid #e2e8f0;padding:.3em .5em;text-align:left;vertical-align:top}
            td.num,th.num{text-align:right;white-space:nowrap}table.cross{font-size:.85em;page-break-inside:avoid}
            table.cross caption{text-align:left;font-weight:bold;margin-bottom:.3em}figure{margin:1em 0;page-break-inside:avoid;break-inside:avoid}@media screen{figure svg{display:block;max-width:100%;height:auto}th,td{overflow-wrap:anywhere}}figcaption{color:#4a5568;font-size:.75em}
            .rag{padding:0 .4em;border-radius:3px;color:#fff;font-size:.8em}.rag.green{background:#2f855a}.rag.amber{background:#975a16}.rag.red{background:#c53030}
            @media print{nav{display:none}section{page-break-before:always}}""";
}
