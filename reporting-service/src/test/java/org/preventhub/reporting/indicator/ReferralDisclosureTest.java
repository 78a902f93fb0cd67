package org.preventhub.reporting.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

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
}
