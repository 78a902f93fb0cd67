package org.preventhub.reporting.indicator;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.preventhub.reporting.indicator.ReferralDisclosure.CellId;
import org.preventhub.reporting.indicator.ReferralDisclosure.Referral;

/**
 * The figures {@link ReferralDisclosure} decides about: its periods (every month, quarter, reporting year and
 * statistical year a referral, or a witness moving one up to a year either way, falls in), its tables (the total, a
 * breakdown per dimension, the crossings), its measures (the published ones, then the groups their differences name),
 * and which cells a referral counts in.
 */
final class DisclosureCells {

    enum Kind {
        MONTH, QUARTER, YEAR
    }

    /** Measures 0 .. published-1 are shown; the rest are the groups their differences name, never shown. */
    private final int published;
    private final int measures;
    private final Map<Integer, Integer> groupOfMask = new LinkedHashMap<>();
    private final int dimensions;
    private final List<int[]> tables = new ArrayList<>();
    private final List<ReportingPeriod> periods = new ArrayList<>();
    private final List<Kind> kinds = new ArrayList<>();
    private final Map<String, Integer> periodIndex = new HashMap<>();
    private final Map<YearMonth, int[]> periodsOfMonth = new HashMap<>();
    /** The outcomes referrals have: which measures count them (bits), distinct. */
    private final int[] outcomes;
    /** The measures that count every referral (bits). */
    private final int everyone;

    DisclosureCells(List<Referral> referrals, int published, int dimensions, List<int[]> crossings) {
        this.published = published;
        this.dimensions = dimensions;
        tables.add(new int[0]);
        for (int d = 0; d < dimensions; d++) {
            tables.add(new int[] { d });
        }
        tables.addAll(crossings);
        for (Referral r : referrals) {
            if (r.measures() != 0) {
                groupOfMask.putIfAbsent(r.measures(), published + groupOfMask.size());
            }
        }
        this.measures = published + groupOfMask.size();
        this.outcomes = referrals.stream().mapToInt(Referral::measures).filter(m -> m != 0).distinct().toArray();
        int all = published >= 31 ? -1 : (1 << published) - 1;
        for (int mask : outcomes) {
            all &= mask;
        }
        this.everyone = all;
        buildPeriods(referrals);
    }

    // --- periods and tables ----------------------------------------------------------------------------------------

    private void buildPeriods(List<Referral> referrals) {
        YearMonth first = referrals.stream().map(Referral::month).min(YearMonth::compareTo).orElse(null);
        YearMonth last = referrals.stream().map(Referral::month).max(YearMonth::compareTo).orElse(null);
        if (first == null) {
            return;
        }
        // A witness may move a referral up to a year either way: those months' periods exist too.
        for (YearMonth m = first.minusMonths(12); !m.isAfter(last.plusMonths(12)); m = m.plusMonths(1)) {
            periodsOfMonth.put(m, new int[] {
                    period(ReportingPeriod.month(m), Kind.MONTH),
                    period(ReportingPeriod.quarter(m.getYear(), (m.getMonthValue() - 1) / 3 + 1), Kind.QUARTER),
                    period(ReportingPeriod.reportingYear(m.getMonthValue() >= 9 ? m.getYear() : m.getYear() - 1), Kind.YEAR),
                    period(ReportingPeriod.statisticalYear(m.getMonthValue() >= 4 ? m.getYear() : m.getYear() - 1), Kind.YEAR) });
        }
    }

    private int period(ReportingPeriod period, Kind kind) {
        return periodIndex.computeIfAbsent(key(period), k -> {
            periods.add(period);
            kinds.add(kind);
            return periods.size() - 1;
        });
    }

    /** The index of a reader's period, or null when no referral (nor witness) falls in it. */
    Integer indexOf(ReportingPeriod period) {
        return periodIndex.get(key(period));
    }

    ReportingPeriod period(int index) {
        return periods.get(index);
    }

    Kind kind(int period) {
        return kinds.get(period);
    }

    /** The periods of a month (month, quarter, two kinds of year), or null outside the months witnesses may use. */
    int[] periodsOf(YearMonth month) {
        return periodsOfMonth.get(month);
    }

    boolean inPeriod(YearMonth month, int period) {
        int[] ofMonth = periodsOfMonth.get(month);
        return ofMonth != null && Arrays.stream(ofMonth).anyMatch(p -> p == period);
    }

    private static String key(ReportingPeriod period) {
        return period.kind() + ":" + period.from();
    }

    static Kind kindOf(ReportingPeriod period) {
        return switch (period.kind()) {
            case "month" -> Kind.MONTH;
            case "quarter" -> Kind.QUARTER;
            default -> Kind.YEAR;
        };
    }

    /** Months carry totals only, quarters totals and breakdowns, years every table. */
    boolean tableFits(Kind kind, int table) {
        return switch (kind) {
            case MONTH -> table == 0;
            case QUARTER -> !isCrossing(table);
            case YEAR -> true;
        };
    }

    boolean isCrossing(int table) {
        return tables.get(table).length == 2;
    }

    /** The dimensions a table breaks down by: none for the total, one, or two for a crossing. */
    int[] dimensionsOf(int table) {
        return tables.get(table);
    }

    /** The table of a crossing of two dimensions, or -1 when it is not published. */
    int crossingOf(int first, int second) {
        for (int t = 1 + dimensions; t < tables.size(); t++) {
            int[] dims = tables.get(t);
            if (dims[0] == first && dims[1] == second) {
                return t;
            }
        }
        return -1;
    }

    int published() {
        return published;
    }

    int[] outcomes() {
        return outcomes;
    }

    // --- the cells a referral counts in ----------------------------------------------------------------------------

    List<CellId> cellsOf(Referral r) {
        List<CellId> cells = new ArrayList<>();
        addCells(r, cells, -1);
        return cells;
    }

    /** The referral's cells; only of the tables that involve {@code dimension} when it is not -1. */
    void addCells(Referral r, List<CellId> cells, int dimension) {
        int[] ofMonth = periodsOfMonth.get(r.month());
        if (ofMonth == null || r.measures() == 0) {
            return;
        }
        for (int m = 0; m < measures; m++) {
            if (!counts(m, r)) {
                continue;
            }
            for (int p : ofMonth) {
                Kind kind = kinds.get(p);
                for (int t = 0; t < tables.size(); t++) {
                    int[] dims = tables.get(t);
                    if (!tableFits(kind, t) || (dimension >= 0 && Arrays.stream(dims).noneMatch(d -> d == dimension))) {
                        continue;
                    }
                    cells.add(new CellId(m, p, t, dims.length > 0 ? r.values()[dims[0]] : -1,
                            dims.length > 1 ? r.values()[dims[1]] : -1));
                }
            }
        }
    }

    boolean counts(int measure, Referral r) {
        if (measure < published) {
            return (r.measures() & (1 << measure)) != 0;
        }
        Integer group = groupOfMask.get(r.measures());
        return group != null && group == measure;
    }

    boolean inCell(CellId cell, Referral r) {
        if (!counts(cell.measure(), r) || !inPeriod(r.month(), cell.period())) {
            return false;
        }
        int[] dims = tables.get(cell.table());
        return (dims.length < 1 || r.values()[dims[0]] == cell.key1())
                && (dims.length < 2 || r.values()[dims[1]] == cell.key2());
    }

    // --- what hiding a figure costs --------------------------------------------------------------------------------

    /**
     * What hiding a figure costs its readers: a total more than a breakdown's cell, a year's more than a month's, and
     * the total of the referrals received (which every outcome is part of, the headline) most. Only the total: were its
     * breakdowns dearer too, witnesses would hide the outcomes' totals rather than move a referral across a key.
     */
    int weight(CellId cell) {
        boolean headline = tables.get(cell.table()).length == 0 && (everyone & (1 << cell.measure())) != 0;
        return shapeWeight(cell) * (headline ? 10 : 1);
    }

    int shapeWeight(CellId cell) {
        if (cell.measure() >= published) {
            return 0;
        }
        int[] dims = tables.get(cell.table());
        int table = dims.length == 0 ? 9 : dims.length == 1 ? 3 : 1;
        int period = switch (kinds.get(cell.period())) {
            case MONTH -> 1;
            case QUARTER -> 2;
            case YEAR -> 8;
        };
        return table * period;
    }
}
