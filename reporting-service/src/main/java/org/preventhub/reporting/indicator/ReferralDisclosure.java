package org.preventhub.reporting.indicator;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which figures about people referred a reader other than the Prevent lead may see, decided for everything such a
 * reader can ask for at once: every releasable measure (a count of the referrals received in a period, by what has
 * happened to them since), every month (totals), quarter (totals and breakdowns), reporting year and statistical year
 * (totals, breakdowns and cross-tabulations). Every figure is a sum of referrals; a figure of 1 to 4 people is
 * protected.
 *
 * <p>A protected figure is hidden, and so is every figure that its two <em>witnesses</em> change. A witness is
 * another set of referrals, made from the real ones by relabelling a few (another value of one attribute, another
 * month, another outcome; with a second referral relabelled the other way where that keeps more figures as they are),
 * by leaving one out or by adding one nobody made, such that every figure still shown is unchanged, and the protected
 * figure counts nobody in one witness and at least the threshold in the other. Whoever reads every shown figure, and
 * however they combine them (totals less cells, periods that nest, measures that add up to another), cannot tell the
 * real referrals from either witness: the figure could be 0 and could be 5 or more. Groups that no figure names but
 * that differences of figures would (the referrals received and not yet screened, say) are protected the same way, as
 * figures never shown. Hiding more never spoils a witness, so one pass over the protected figures suffices.
 *
 * <p>A cross-tabulation with a small cell has all its cells hidden from the start (its margins are the breakdowns,
 * protected in their own right): with a few hundred referrals a year most of its cells are small anyway, and its
 * witnesses are then found at no further cost.
 */
final class ReferralDisclosure {

    /** A referral as the protection sees it: its month of receipt, which measures count it, its attributes. */
    record Referral(YearMonth month, int measures, int[] values) {

        Referral withMonth(YearMonth newMonth) {
            return new Referral(newMonth, measures, values);
        }

        Referral withMeasures(int newMeasures) {
            return new Referral(month, newMeasures, values);
        }

        Referral withValue(int dimension, int value) {
            int[] changed = values.clone();
            changed[dimension] = value;
            return new Referral(month, measures, changed);
        }
    }

    /** A figure: a measure, a period, a table (0 the total, then one per dimension, then the crossings), its keys. */
    record CellId(int measure, int period, int table, int key1, int key2) {
    }

    private final DisclosureCells cells;
    private final List<List<String>> vocabularies;
    private final Map<CellId, Integer> values = new HashMap<>();
    private final Set<CellId> hidden = new HashSet<>();
    private final int protectedFigures;

    /**
     * @param referrals the referrals, with which of the {@code published} measures count each (bit i for measure i)
     * @param vocabularies per dimension, the values it takes (a referral's values index into them)
     * @param crossings pairs of dimensions published as cross-tabulations
     */
    ReferralDisclosure(List<Referral> referrals, int published, List<List<String>> vocabularies, List<int[]> crossings,
            int threshold) {
        this(referrals, published, vocabularies, crossings, independent(vocabularies.size()), threshold);
    }

    private static int[] independent(int dimensions) {
        int[] none = new int[dimensions];
        Arrays.fill(none, -1);
        return none;
    }

    /**
     * @param derivedFrom per dimension, the dimension it is a function of (a Home Office category of a local code), or
     *            -1: a witness never changes one without the other, as a reader knows one follows from the other
     */
    ReferralDisclosure(List<Referral> referrals, int published, List<List<String>> vocabularies, List<int[]> crossings,
            int[] derivedFrom, int threshold) {
        List<Referral> all = List.copyOf(referrals);
        this.vocabularies = vocabularies;
        this.cells = new DisclosureCells(all, published, vocabularies.size(), crossings);
        for (Referral r : all) {
            for (CellId cell : cells.cellsOf(r)) {
                values.merge(cell, 1, Integer::sum);
            }
        }
        List<CellId> small = new ArrayList<>();
        Set<List<Integer>> crossingsWithSmallCells = new HashSet<>();
        values.forEach((cell, value) -> {
            if (cell.measure() >= published) {
                hidden.add(cell);
            }
            if (value < threshold) {
                small.add(cell);
                if (cells.isCrossing(cell.table())) {
                    crossingsWithSmallCells.add(List.of(cell.measure(), cell.period(), cell.table()));
                }
            }
        });
        values.keySet().stream()
                .filter(c -> crossingsWithSmallCells.contains(List.of(c.measure(), c.period(), c.table())))
                .forEach(hidden::add);
        // Totals first: their witnesses hide most, and later figures find their cells hidden already.
        small.sort((a, b) -> Integer.compare(cells.shapeWeight(b), cells.shapeWeight(a)));
        Witnesses witnesses = new Witnesses(cells,
                new Relabellings(cells, all, vocabularies, derivedFrom), all, values, hidden,
                threshold);
        for (CellId cell : small) {
            witnesses.protect(cell);
        }
        this.protectedFigures = small.size();
    }

    // --- what readers ask ------------------------------------------------------------------------------------------

    int value(int measure, ReportingPeriod period, int table, int key1, int key2) {
        Integer p = cells.indexOf(period);
        return p == null ? 0 : values.getOrDefault(new CellId(measure, p, table, key1, key2), 0);
    }

    boolean hidden(int measure, ReportingPeriod period, int table, int key1, int key2) {
        Integer p = cells.indexOf(period);
        return p != null && hidden.contains(new CellId(measure, p, table, key1, key2));
    }

    /** Whether this table is published for this kind of period (see the class comment). */
    boolean publishes(ReportingPeriod period, int table) {
        return cells.tableFits(DisclosureCells.kindOf(period), table);
    }

    int tableOf(int dimension) {
        return 1 + dimension;
    }

    /** The table of a crossing of two dimensions (in either order), or -1 when it is not published. */
    int tableOf(int first, int second) {
        return cells.crossingOf(first, second);
    }

    List<String> vocabulary(int dimension) {
        return vocabularies.get(dimension);
    }

    /** Figures of 1 to 4 people, shown or named by differences of shown ones. */
    int protectedFigures() {
        return protectedFigures;
    }

    /** Published figures hidden: what the Prevent lead sees that others do not. */
    long hiddenFigures() {
        return hidden.stream().filter(c -> c.measure() < cells.published() && values.getOrDefault(c, 0) > 0).count();
    }

    /** Published figures with someone in them. */
    long figures() {
        return values.entrySet().stream().filter(e -> e.getKey().measure() < cells.published() && e.getValue() > 0).count();
    }
}
