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
