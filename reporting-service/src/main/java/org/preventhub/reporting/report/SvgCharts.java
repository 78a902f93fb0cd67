package org.preventhub.reporting.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.preventhub.reporting.indicator.Figures;
import org.preventhub.reporting.indicator.Figures.Cell;
import org.preventhub.reporting.indicator.Figures.Series;
import org.preventhub.reporting.indicator.Figures.SeriesPoint;

/**
 * Bar and line charts drawn on the server as SVG: readable without JavaScript, printable, accessible (each chart
 * has a title and a description, and suppressed values are drawn as [c], never as a bar).
 */
public final class SvgCharts {

    private static final int WIDTH = 640;

    private SvgCharts() {
    }

    public static String bars(String title, List<Cell> cells, Function<String, String> label) {
        int rowHeight = 26;
        int height = 30 + rowHeight * Math.max(1, cells.size());
        double max = cells.stream().filter(c -> c.figure().value() != null).mapToDouble(c -> c.figure().value().doubleValue())
                .max().orElse(1);
        StringBuilder svg = start(title, height, "Bar chart: " + title);
        int y = 24;
        for (Cell cell : cells) {
            BigDecimal value = cell.figure().value();
            svg.append(text(8, y + 14, escape(clip(label.apply(cell.key()), 28)), "start"));
            if (value == null) {
                svg.append(text(200, y + 14, cell.figure().suppressed() ? "[c]" : "–", "start"));
            } else {
                double width = max == 0 ? 0 : (WIDTH - 280) * value.doubleValue() / max;
                svg.append(String.format(Locale.ROOT, "<rect x=\"200\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"#2b6cb0\"/>",
                        y + 2, Math.max(width, 1)));
                svg.append(text((int) (206 + width), y + 15, value.toPlainString(), "start"));
            }
            y += rowHeight;
        }
        return svg.append("</svg>").toString();
    }

    /**
     * A line chart month by month. A suppressed (or missing) month is a gap: the line stops before it and starts again
     * after it, never drawn across; its [c] sits in a band of its own under the month labels, so it overprints neither
     * the axis nor a label.
     */
    public static String line(String title, Series series) {
        List<SeriesPoint> points = series.points();
        boolean gaps = points.stream().anyMatch(p -> p.figure().value() == null);
        int height = gaps ? 240 : 220;
        int left = 48;
        int bottom = 184;
        int plotWidth = WIDTH - left - 16;
        double max = points.stream().filter(p -> p.figure().value() != null).mapToDouble(p -> p.figure().value().doubleValue())
                .max().orElse(1);
        if (max == 0) {
            max = 1;
        }
        StringBuilder svg = start(title, height, "Line chart: " + title
                + (gaps ? "; gaps are months withheld ([c]) or not recorded" : ""));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", left, bottom,
                left + plotWidth, bottom));
        svg.append(text(left - 6, 34, fmt(max), "end")).append(text(left - 6, bottom, "0", "end"));
        StringBuilder path = new StringBuilder();
        double step = points.size() > 1 ? (double) plotWidth / (points.size() - 1) : 0;
        int every = Math.max(1, points.size() / 6);
        // A [c] is about 20 units wide: with months closer than that, only every other one is marked.
        int markEvery = step >= 22 || step == 0 ? 1 : (int) Math.ceil(22 / step);
        boolean broken = true;
        int lastMark = -markEvery;
        for (int i = 0; i < points.size(); i++) {
            SeriesPoint point = points.get(i);
            double x = left + step * i;
            if (i % every == 0) {
                svg.append(text((int) x, bottom + 16, point.month(), "middle"));
            }
            if (point.figure().value() == null) {
                broken = true;
                if (point.figure().suppressed() && i - lastMark >= markEvery) {
                    svg.append(text((int) x, bottom + 34, Figures.SUPPRESSED_MARK, "middle"));
                    lastMark = i;
                }
                continue;
            }
            double y = bottom - (bottom - 30) * point.figure().value().doubleValue() / max;
            path.append(path.isEmpty() ? "" : " ").append(broken ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            broken = false;
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#2b6cb0\"><title>%s: %s</title></circle>",
                    x, y, point.month(), point.figure().value().toPlainString()));
        }
        if (!path.isEmpty()) {
            svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#2b6cb0\" stroke-width=\"2\"/>");
        }
        return svg.append("</svg>").toString();
    }

    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static StringBuilder start(String title, int height, String description) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" alt=\"%s\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\"><title>%s</title><desc>%s</desc>"
                        + "<text x=\"8\" y=\"16\" font-weight=\"bold\">%s</text>",
                escape(description), WIDTH, height, WIDTH, height, escape(title), escape(description), escape(title)));
    }

    private static String text(int x, int y, String text, String anchor) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\">" + text + "</text>";
    }

    static String label(String key) {
        return key.replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT);
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
