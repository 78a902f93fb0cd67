package org.preventhub.reporting.indicator;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The counts of one measure about people referred, month by month over all the data (or for one snapshot), by
 * key, and which of the figures a non-lead may ask for are shown: every standard period (month, quarter,
 * reporting year, statistical year), as a total and per key. Protected all at once by {@link CellSuppression},
 * so that whichever of these figures a reader combines, no hidden small count comes out.
 *
 * <p>Totals are protected first, on their own, so a total is shown or hidden the same way whatever breakdown is
 * asked for; then the cells of one breakdown, with the totals fixed.
 */
final class ProtectedCounts {

    /** The months (or the one snapshot) the counts are kept for, and the standard periods over them. */
    static final class Timeline {
        final int slots;
        final List<int[]> periods = new ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();
        private final YearMonth first;

        private Timeline(YearMonth first, int slots) {
            this.first = first;
            this.slots = slots;
        }

        /** Every month from {@code first} to {@code last}, and every standard period that touches them. */
        static Timeline months(YearMonth first, YearMonth last) {
            int slots = (int) (last.getYear() * 12L + last.getMonthValue() - (first.getYear() * 12L + first.getMonthValue())) + 1;
            Timeline timeline = new Timeline(first, slots);
            for (int m = 0; m < slots; m++) {
                timeline.add(ReportingPeriod.month(first.plusMonths(m)));
            }
            for (int year = first.getYear() - 1; year <= last.getYear(); year++) {
                for (int quarter = 1; quarter <= 4; quarter++) {
                    timeline.add(ReportingPeriod.quarter(year, quarter));
                }
                timeline.add(ReportingPeriod.reportingYear(year));
                timeline.add(ReportingPeriod.statisticalYear(year));
            }
            return timeline;
        }

        /** One figure at one moment (a count at the end of a period): nothing to add up over time. */
        static Timeline snapshot(ReportingPeriod period) {
            Timeline timeline = new Timeline(null, 1);
            timeline.periods.add(new int[] { 0, 0 });
            timeline.index.put(key(period), 0);
            return timeline;
        }

        int slot(YearMonth month) {
            return (int) (month.getYear() * 12L + month.getMonthValue() - (first.getYear() * 12L + first.getMonthValue()));
        }

        private void add(ReportingPeriod period) {
            int from = Math.max(0, slot(YearMonth.from(period.from())));
            int to = Math.min(slots - 1, slot(YearMonth.from(period.to())));
            if (from <= to && !index.containsKey(key(period))) {
                index.put(key(period), periods.size());
                periods.add(new int[] { from, to });
            }
        }

        /** The period's index, or none when it holds no data (its figures are all zero). */
        OptionalInt period(ReportingPeriod period) {
            Integer i = index.get(key(period));
            return i == null ? OptionalInt.empty() : OptionalInt.of(i);
        }

        private static String key(ReportingPeriod period) {
            LocalDate from = period.from();
            return period.kind() + ":" + from;
        }
    }

    /** Protection is a function of the counts alone: recent answers are kept, keyed by them, for repeated requests. */
    private static final int CACHED = 128;
    private static final Map<Inputs, ProtectedCounts> CACHE = Collections.synchronizedMap(
            new LinkedHashMap<>(CACHED, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Inputs, ProtectedCounts> eldest) {
                    return size() > CACHED;
                }
            });

    private record Inputs(String timeline, List<String> keys, long[] totals, long[][] cells, boolean partition, int threshold) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Inputs o && timeline.equals(o.timeline) && keys.equals(o.keys) && partition == o.partition
                    && threshold == o.threshold && Arrays.equals(totals, o.totals) && Arrays.deepEquals(cells, o.cells);
        }

        @Override
        public int hashCode() {
            return Objects.hash(timeline, keys, partition, threshold, Arrays.hashCode(totals),
                    Arrays.deepHashCode(cells));
        }
    }

    /** As the constructor, answered from the cache for months (snapshots are cheap, and keyed by their period). */
    static ProtectedCounts of(Timeline timeline, long[] totals, List<String> keys, long[][] cells, boolean partition, int threshold) {
        if (timeline.first == null) {
            return new ProtectedCounts(timeline, totals, keys, cells, partition, threshold);
        }
        Inputs inputs = new Inputs(timeline.first + "+" + timeline.slots, List.copyOf(keys), totals, cells, partition, threshold);
        ProtectedCounts cached = CACHE.get(inputs);
        if (cached == null) {
            cached = new ProtectedCounts(timeline, totals, keys, cells, partition, threshold);
            CACHE.put(inputs, cached);
        }
        return cached;
    }

    private final Timeline timeline;
    private final long[] totals;
    private final List<String> keys;
    private final long[][] cells;
    private final boolean[] totalHidden;
    private final boolean[][] cellHidden;

    /**
     * @param totals per slot
     * @param keys the breakdown's keys, empty for none
     * @param cells per key, per slot
     * @param partition whether the cells are to be protected against the total (they add up to it, or bound it)
     */
    ProtectedCounts(Timeline timeline, long[] totals, List<String> keys, long[][] cells, boolean partition, int threshold) {
        this.timeline = timeline;
        this.totals = totals;
        this.keys = keys;
        this.cells = cells;
        int periods = timeline.periods.size();
        this.totalHidden = new boolean[periods];
        this.cellHidden = new boolean[keys.size()][periods];

        List<CellSuppression.Item> totalItems = new ArrayList<>();
        for (int[] p : timeline.periods) {
            totalItems.add(new CellSuppression.Item(range(0, p), sum(totals, p), false, false));
        }
        CellSuppression.protect(totalItems, timeline.slots, threshold);
        for (int p = 0; p < periods; p++) {
            totalHidden[p] = totalItems.get(p).hidden;
        }
        if (keys.isEmpty()) {
            return;
        }
        List<CellSuppression.Item> cellItems = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            for (int[] p : timeline.periods) {
                cellItems.add(new CellSuppression.Item(range(k * timeline.slots, p), sum(cells[k], p), false, false));
            }
        }
        if (partition) {
            for (int p = 0; p < periods; p++) {
                int[] period = timeline.periods.get(p);
                int width = period[1] - period[0] + 1;
                int[] atoms = new int[width * keys.size()];
                for (int k = 0; k < keys.size(); k++) {
                    System.arraycopy(range(k * timeline.slots, period), 0, atoms, k * width, width);
                }
                cellItems.add(new CellSuppression.Item(atoms, sum(totals, period), true, totalHidden[p]));
            }
        }
        CellSuppression.protect(cellItems, keys.size() * timeline.slots, threshold);
        for (int k = 0; k < keys.size(); k++) {
            for (int p = 0; p < periods; p++) {
                cellHidden[k][p] = cellItems.get(k * periods + p).hidden;
            }
        }
    }

    List<String> keys() {
        return keys;
    }

    long total(ReportingPeriod period) {
        OptionalInt p = timeline.period(period);
        return p.isEmpty() ? 0 : sum(totals, timeline.periods.get(p.getAsInt()));
    }

    boolean totalHidden(ReportingPeriod period) {
        OptionalInt p = timeline.period(period);
        return p.isPresent() && totalHidden[p.getAsInt()];
    }

    long cell(int key, ReportingPeriod period) {
        OptionalInt p = timeline.period(period);
        return p.isEmpty() ? 0 : sum(cells[key], timeline.periods.get(p.getAsInt()));
    }

    boolean cellHidden(int key, ReportingPeriod period) {
        OptionalInt p = timeline.period(period);
        return p.isPresent() && cellHidden[key][p.getAsInt()];
    }

    private static int[] range(int offset, int[] period) {
        int[] atoms = new int[period[1] - period[0] + 1];
        for (int i = 0; i < atoms.length; i++) {
            atoms[i] = offset + period[0] + i;
        }
        return atoms;
    }

    private static long sum(long[] values, int[] period) {
        long sum = 0;
        for (int i = period[0]; i <= period[1]; i++) {
            sum += values[i];
        }
        return sum;
    }
}
