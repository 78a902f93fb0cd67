package org.preventhub.reporting.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

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

    public static String bars(String title, List<Cell> cells) {
        int rowHeight = 26;
        int height = 30 + rowHeight * Math.max(1, cells.size());
        double max = cells.stream().filter(c -> c.figure().value() != null).mapToDouble(c -> c.figure().value().doubleValue())
                .max().orElse(1);
        StringBuilder svg = start(title, height, "Bar chart: " + title);
        int y = 24;
        for (Cell cell : cells) {
            BigDecimal value = cell.figure().value();
            svg.append(text(8, y + 14, escape(label(cell.key())), "start"));
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

    public static String line(String title, Series series) {
        List<SeriesPoint> points = series.points();
        int height = 220;
        int left = 48;
        int bottom = height - 36;
        int plotWidth = WIDTH - left - 16;
        double max = points.stream().filter(p -> p.figure().value() != null).mapToDouble(p -> p.figure().value().doubleValue())
                .max().orElse(1);
        if (max == 0) {
            max = 1;
        }
        StringBuilder svg = start(title, height, "Line chart: " + title + ", month by month");
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", left, bottom,
                left + plotWidth, bottom));
        svg.append(text(left - 6, 34, fmt(max), "end")).append(text(left - 6, bottom, "0", "end"));
        StringBuilder path = new StringBuilder();
        double step = points.size() > 1 ? (double) plotWidth / (points.size() - 1) : 0;
        for (int i = 0; i < points.size(); i++) {
            SeriesPoint point = points.get(i);
            double x = left + step * i;
            if (i % Math.max(1, points.size() / 6) == 0) {
                svg.append(text((int) x, bottom + 16, point.month(), "middle"));
            }
            if (point.figure().value() == null) {
                svg.append(text((int) x, bottom - 6, "[c]", "middle"));
                continue;
            }
            double y = bottom - (bottom - 30) * point.figure().value().doubleValue() / max;
            path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#2b6cb0\"><title>%s: %s</title></circle>",
                    x, y, point.month(), point.figure().value().toPlainString()));
        }
        if (!path.isEmpty()) {
            svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#2b6cb0\" stroke-width=\"2\"/>");
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder start(String title, int height, String description) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"sans-serif\" font-size=\"12\"><title>%s</title><desc>%s</desc>"
                        + "<text x=\"8\" y=\"16\" font-weight=\"bold\">%s</text>",
                WIDTH, height, WIDTH, height, escape(title), escape(description), escape(title)));
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
