package org.preventhub.reporting.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Secondary suppression against every way of combining the figures a non-lead can ask for. An independent
 * attacker (exact elimination modulo a large prime, over every cell of every month) takes all shown figures as
 * equations and checks that no hidden small figure follows from them.
 */
class ProtectedCountsTest {

    private static final int THRESHOLD = 5;
    private static final YearMonth START = YearMonth.of(2019, 9);

    @Test
    void aSmallMonthCannotBeWorkedOutFromItsQuarterOrItsYearLessTheOtherMonths() {
        long[] totals = new long[12]; // September 2019 to August 2020
        totals[4] = 3; // January
        totals[5] = 10;
        totals[6] = 12;
        for (int m : new int[] { 0, 1, 2, 3, 7, 8, 9, 10, 11 }) {
            totals[m] = 20 + m;
        }
        ProtectedCounts.Timeline timeline = ProtectedCounts.Timeline.months(START, START.plusMonths(11));
        ProtectedCounts counts = new ProtectedCounts(timeline, totals, List.of(), new long[0][], true, THRESHOLD);

        assertThat(counts.totalHidden(ReportingPeriod.month(YearMonth.of(2020, 1)))).isTrue();
        long hiddenInQuarter = List.of(1, 2, 3).stream()
                .filter(m -> counts.totalHidden(ReportingPeriod.month(YearMonth.of(2020, m)))).count();
        assertThat(hiddenInQuarter).as("January has a companion in its quarter").isGreaterThanOrEqualTo(2);
        assertThat(counts.totalHidden(ReportingPeriod.reportingYear(2019))).isFalse();
        assertThat(counts.totalHidden(ReportingPeriod.quarter(2020, 1))).isFalse();
        assertNothingSmallFollows(timeline, totals, List.of(), new long[0][], counts, true);
    }

    @Test
    void aSmallCellHasACompanionSoTheTotalRevealsNothingAndTheTotalStaysShown() {
        ProtectedCounts.Timeline timeline = ProtectedCounts.Timeline.months(YearMonth.of(2035, 10), YearMonth.of(2035, 10));
        long[][] cells = { { 3 }, { 7 }, { 6 } };
        ProtectedCounts counts = new ProtectedCounts(timeline, new long[] { 16 }, List.of("a", "b", "c"), cells, true, THRESHOLD);
        ReportingPeriod year = ReportingPeriod.reportingYear(2035);

        assertThat(counts.cellHidden(0, year)).isTrue();
        assertThat(counts.cellHidden(2, year)).as("the smallest other cell").isTrue();
        assertThat(counts.cellHidden(1, year)).isFalse();
        assertThat(counts.totalHidden(year)).isFalse();
        assertNothingSmallFollows(timeline, new long[] { 16 }, List.of("a", "b", "c"), cells, counts, true);
    }

    @Test
    void noHiddenSmallFigureFollowsFromTheShownOnesInRandomYearsOfReferrals() {
        Random random = new Random(20191);
        for (int run = 0; run < 40; run++) {
            int months = 6 + random.nextInt(30);
            int keys = 1 + random.nextInt(5);
            long[][] cells = new long[keys][months];
            long[] totals = new long[months];
            for (int k = 0; k < keys; k++) {
                for (int m = 0; m < months; m++) {
                    int draw = random.nextInt(10);
                    cells[k][m] = draw < 4 ? 0 : draw < 8 ? 1 + random.nextInt(4) : 5 + random.nextInt(20);
                    totals[m] += cells[k][m];
                }
            }
            List<String> names = new ArrayList<>();
            for (int k = 0; k < keys; k++) {
                names.add("k" + k);
            }
            YearMonth first = START.plusMonths(random.nextInt(12));
            ProtectedCounts.Timeline timeline = ProtectedCounts.Timeline.months(first, first.plusMonths(months - 1));
            ProtectedCounts counts = new ProtectedCounts(timeline, totals, names, cells, true, THRESHOLD);
            assertNothingSmallFollows(timeline, totals, names, cells, counts, true);
        }
    }

    @Test
    void aSnapshotBreakdownHidesACompanionAndKeepsItsTotal() {
        ReportingPeriod year = ReportingPeriod.reportingYear(2030);
        ProtectedCounts.Timeline timeline = ProtectedCounts.Timeline.snapshot(year);
        long[][] cells = { { 2 }, { 9 }, { 30 } };
        ProtectedCounts counts = new ProtectedCounts(timeline, new long[] { 41 }, List.of("a", "b", "c"), cells, true, THRESHOLD);
        assertThat(counts.cellHidden(0, year)).isTrue();
        assertThat(counts.cellHidden(1, year)).isTrue();
        assertThat(counts.cellHidden(2, year)).isFalse();
        assertThat(counts.totalHidden(year)).isFalse();
    }

    // --- the attacker --------------------------------------------------------------------------------------------

    private static final long P = 1_000_000_007L;

    private static void assertNothingSmallFollows(ProtectedCounts.Timeline timeline, long[] totals, List<String> keys,
            long[][] cells, ProtectedCounts counts, boolean partition) {
        int slots = timeline.slots;
        int unknowns = keys.isEmpty() ? slots : keys.size() * slots;
        List<long[]> shown = new ArrayList<>();
        List<long[]> hiddenSmall = new ArrayList<>();
        for (int p = 0; p < timeline.periods.size(); p++) {
            int[] period = timeline.periods.get(p);
            long[] total = new long[unknowns];
            long value = 0;
            for (int m = period[0]; m <= period[1]; m++) {
                value += totals[m];
                if (keys.isEmpty()) {
                    total[m] = 1;
                } else {
                    for (int k = 0; k < keys.size(); k++) {
                        total[k * slots + m] = 1;
                    }
                }
            }
            boolean totalHidden = hidden(counts, -1, timeline, p);
            assertThat(!totalHidden && value > 0 && value < THRESHOLD).as("a small total is shown").isFalse();
            if (keys.isEmpty() || partition) {
                (totalHidden ? (value > 0 && value < THRESHOLD ? hiddenSmall : new ArrayList<long[]>()) : shown).add(total);
            }
            for (int k = 0; k < keys.size(); k++) {
                long[] cell = new long[unknowns];
                long cellValue = 0;
                for (int m = period[0]; m <= period[1]; m++) {
                    cell[k * slots + m] = 1;
                    cellValue += cells[k][m];
                }
                boolean cellHidden = hidden(counts, k, timeline, p);
                assertThat(!cellHidden && cellValue > 0 && cellValue < THRESHOLD).as("a small cell is shown").isFalse();
                if (cellHidden) {
                    if (cellValue > 0 && cellValue < THRESHOLD) {
                        hiddenSmall.add(cell);
                    }
                } else {
                    shown.add(cell);
                }
            }
        }
        List<long[]> basis = new ArrayList<>();
        List<Integer> pivots = new ArrayList<>();
        for (long[] row : shown) {
            long[] reduced = reduce(row.clone(), basis, pivots);
            int pivot = firstNonZero(reduced);
            if (pivot >= 0) {
                long inverse = inverse(reduced[pivot]);
                for (int i = 0; i < reduced.length; i++) {
                    reduced[i] = reduced[i] * inverse % P;
                }
                basis.add(reduced);
                pivots.add(pivot);
            }
        }
        for (long[] secret : hiddenSmall) {
            assertThat(firstNonZero(reduce(secret.clone(), basis, pivots))).as("a hidden small figure follows from the shown ones")
                    .isNotNegative();
        }
    }

    private static boolean hidden(ProtectedCounts counts, int key, ProtectedCounts.Timeline timeline, int period) {
        // The period at this index: find a ReportingPeriod that maps to it.
        ReportingPeriod found = periodAt(timeline, period);
        return key < 0 ? counts.totalHidden(found) : counts.cellHidden(key, found);
    }

    private static ReportingPeriod periodAt(ProtectedCounts.Timeline timeline, int index) {
        for (int year = 2000; year <= 2060; year++) {
            List<ReportingPeriod> candidates = new ArrayList<>(List.of(ReportingPeriod.reportingYear(year),
                    ReportingPeriod.statisticalYear(year)));
            for (int q = 1; q <= 4; q++) {
                candidates.add(ReportingPeriod.quarter(year, q));
            }
            for (int m = 1; m <= 12; m++) {
                candidates.add(ReportingPeriod.month(YearMonth.of(year, m)));
            }
            for (ReportingPeriod candidate : candidates) {
                if (timeline.period(candidate).isPresent() && timeline.period(candidate).getAsInt() == index) {
                    return candidate;
                }
            }
        }
        throw new AssertionError("no period " + index);
    }

    private static long[] reduce(long[] vector, List<long[]> basis, List<Integer> pivots) {
        for (int b = 0; b < basis.size(); b++) {
            long factor = vector[pivots.get(b)] % P;
            if (factor != 0) {
                long[] row = basis.get(b);
                for (int i = 0; i < vector.length; i++) {
                    vector[i] = Math.floorMod(vector[i] - factor * row[i] % P, P);
                }
            }
        }
        return vector;
    }

    private static int firstNonZero(long[] vector) {
        for (int i = 0; i < vector.length; i++) {
            if (vector[i] % P != 0) {
                return i;
            }
        }
        return -1;
    }

    private static long inverse(long value) {
        return java.math.BigInteger.valueOf(value).modInverse(java.math.BigInteger.valueOf(P)).longValue();
    }
}
