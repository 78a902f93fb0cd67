package org.preventhub.reporting.indicator;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.preventhub.reporting.config.ReportingConfig;
import org.preventhub.reporting.indicator.Figures.Cell;
import org.preventhub.reporting.indicator.Figures.Figure;

/**
 * Indicator tables as CSV, safe to open in a spreadsheet: a cell that starts with =, +, -, @, a tab or a carriage
 * return is prefixed with an apostrophe so it is never run as a formula, and every cell is quoted.
 */
@ApplicationScoped
public class CsvExport {

    private final ReportingConfig config;

    public CsvExport(ReportingConfig config) {
        this.config = config;
    }

    public String of(Figures.IndicatorValues values) {
        return of(List.of(values));
    }

    /** Several tables in one file, under one header. */
    public String of(List<Figures.IndicatorValues> tables) {
        StringBuilder out = new StringBuilder();
        row(out, "indicator", "period", "breakdown", "key", "second key", "value", "suppressed");
        boolean suppressed = false;
        for (Figures.IndicatorValues values : tables) {
            suppressed |= rows(out, values);
        }
        if (suppressed) {
            row(out, "[c] = suppressed: a count of fewer than " + config.suppressBelow()
                    + " people, or a figure that would reveal one", "", "", "", "", "", "");
        }
        return out.toString();
    }

    /** @return whether a figure is suppressed */
    private boolean rows(StringBuilder out, Figures.IndicatorValues values) {
        String name = values.indicator().name();
        String period = values.period().label();
        if (values.breakdown() != null) {
            for (Cell cell : values.breakdown().cells()) {
                figure(out, name, period, values.breakdown().by(), cell.keys().get(0),
                        cell.keys().size() > 1 ? cell.keys().get(1) : "", cell.figure());
            }
        }
        figure(out, name, period, values.breakdown() == null ? "" : values.breakdown().by(), "total", "", values.figure());
        figure(out, name, values.previous().period().label(), "", "previous period", "", values.previous().figure());
        return values.figure().suppressed() || values.previous().figure().suppressed() || (values.breakdown() != null
                && values.breakdown().cells().stream().anyMatch(c -> c.figure().suppressed()));
    }

    private static void figure(StringBuilder out, String name, String period, String by, String key, String second,
            Figure figure) {
        row(out, name, period, by, key, second, figure.display(), Boolean.toString(figure.suppressed()));
    }

    private static void row(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(safe(cells[i]).replace("\"", "\"\"")).append('"');
        }
        out.append("\r\n");
    }

    /**
     * Whether the caller prefers CSV to JSON: {@code text/csv} named with a higher quality than any JSON type, or as
     * high and before it. A client generated from the API description names every type the operation declares
     * ({@code application/json, text/csv, ...}) and must get JSON; {@code Accept: text/csv} gets CSV.
     */
    public static boolean preferred(String accept) {
        if (accept == null) {
            return false;
        }
        double csv = -1;
        double json = -1;
        int csvAt = Integer.MAX_VALUE;
        int jsonAt = Integer.MAX_VALUE;
        String[] types = accept.split(",");
        for (int i = 0; i < types.length; i++) {
            String[] parts = types[i].trim().split(";");
            String type = parts[0].trim().toLowerCase(java.util.Locale.ROOT);
            double q = 1;
            for (int p = 1; p < parts.length; p++) {
                String parameter = parts[p].trim();
                if (parameter.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (type.equals("text/csv") && q > csv) {
                csv = q;
                csvAt = i;
            } else if ((type.equals("application/json") || type.equals("application/*") || type.equals("*/*")) && q > json) {
                json = q;
                jsonAt = i;
            }
        }
        return csv > 0 && (csv > json || (csv == json && csvAt < jsonAt));
    }

    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        boolean number = cell.matches("-?\\d+(\\.\\d+)?");
        if (!number && (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')) {
            return "'" + cell;
        }
        return cell;
    }
}
