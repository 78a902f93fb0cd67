package org.preventhub.reporting.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The protection on its own, without Quarkus: which figures it hides for a few referrals. */
class ReferralDisclosureTest {

    private static final List<List<String>> VOCABULARIES = List.of(List.of("A", "B", "C"), List.of("ISLAMIST", "ERW"));
    private static final ReportingPeriod YEAR = ReportingPeriod.reportingYear(2035);

    /** Area A 3 (Islamist), B 7 and C 6 (extreme right-wing), all in October 2035, counted by one measure. */
    private static ReferralDisclosure sixteen() {
        List<ReferralDisclosure.Referral> referrals = new ArrayList<>();
        int[][] groups = { { 0, 0, 3 }, { 1, 1, 7 }, { 2, 1, 6 } };
        for (int[] g : groups) {
            for (int i = 0; i < g[2]; i++) {
                referrals.add(new ReferralDisclosure.Referral(YearMonth.of(2035, 10), 1, new int[] { g[0], g[1] }));
            }
        }
        return new ReferralDisclosure(referrals, 1, VOCABULARIES, List.of(new int[] { 1, 0 }), 5);
    }

    @Test
    void aSmallCellAndACompanionAreHiddenAndTheTotalsStayShown() {
        ReferralDisclosure cells = sixteen();
        assertThat(cells.hidden(0, YEAR, 0, -1, -1)).as("the year's total").isFalse();
        assertThat(cells.value(0, YEAR, 0, -1, -1)).isEqualTo(16);
        assertThat(cells.hidden(0, ReportingPeriod.month(YearMonth.of(2035, 10)), 0, -1, -1)).as("the month's").isFalse();
        int area = cells.tableOf(0);
        assertThat(cells.hidden(0, YEAR, area, 0, -1)).as("area A, 3").isTrue();
        assertThat(cells.hidden(0, YEAR, area, 1, -1) || cells.hidden(0, YEAR, area, 2, -1)).as("a companion").isTrue();
    }

    /**
     * A county's year: 300 referrals over twelve months, with four outcomes and eight attributes (two of them Home
     * Office categories of two others), three cross-tabulations. Its totals of years and quarters stay shown; what it
     * costs is printed.
     */
    @Test
    void aCountysYearOfReferralsKeepsItsTotalsShown() {
        Random random = new Random(7);
        List<List<String>> vocabularies = List.of(List.of("a", "b", "c", "d", "e"), List.of("s1", "s2", "s3", "s4"),
                List.of("x", "y", "z", "w"), List.of("M", "F"), List.of("r1", "r2", "r3", "r4", "r5"), List.of("u"),
                List.of("A", "B", "C", "D"), List.of("X", "Y", "Z"));
        int[] outcomes = { 1, 1 | 2, 1 | 4, 1 | 4 | 8 };
        List<ReferralDisclosure.Referral> referrals = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int[] v = new int[8];
            for (int d = 0; d < 8; d++) {
                v[d] = random.nextInt(vocabularies.get(d).size());
            }
            v[6] = Math.min(v[0], 3);
            v[7] = Math.min(v[2], 2);
            referrals.add(new ReferralDisclosure.Referral(YearMonth.of(2019, 9).plusMonths(random.nextInt(12)),
                    outcomes[random.nextInt(4)], v));
        }
        long started = System.nanoTime();
        ReferralDisclosure cells = new ReferralDisclosure(referrals, 4, vocabularies,
                List.of(new int[] { 0, 2 }, new int[] { 0, 3 }, new int[] { 6, 7 }), new int[] { -1, -1, -1, -1, -1, -1, 0, 2 }, 5);
        System.out.printf("A county's year: %d figures with someone in them, %d hidden, %d small ones protected, %d ms%n",
                cells.figures(), cells.hiddenFigures(), cells.protectedFigures(), (System.nanoTime() - started) / 1_000_000);
        assertThat(cells.hidden(0, ReportingPeriod.reportingYear(2019), 0, -1, -1)).isFalse();
        assertThat(cells.value(0, ReportingPeriod.reportingYear(2019), 0, -1, -1)).isEqualTo(300);
        for (int q = 1; q <= 4; q++) {
            assertThat(cells.hidden(0, ReportingPeriod.quarter(q == 4 ? 2019 : 2020, q), 0, -1, -1)).as("quarter %d", q).isFalse();
        }
    }
}
