package org.preventhub.reporting.indicator;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.preventhub.reporting.indicator.ReferralDisclosure.CellId;
import org.preventhub.reporting.indicator.ReferralDisclosure.Referral;

/**
 * The ways a witness may change one referral (another value of an attribute, another outcome or month, a move into a
 * cell whole), keeping to values that referrals around it have, and the referrals that can be changed the other way
 * so that sums over the changed attributes stay as they were.
 */
final class Relabellings {

    private final DisclosureCells cells;
    private final List<Referral> referrals;
    private final int[] derivedFrom;
    /** Per derived dimension, the value each value of its source dimension gives (-1: not seen). */
    private final Map<Integer, int[]> derivation = new HashMap<>();
    private final Map<YearMonth, List<Integer>> byMonth = new HashMap<>();
    private final Map<List<Object>, int[]> valuesAround = new HashMap<>();

    /**
     * @param derivedFrom per dimension, the dimension it is a function of (a Home Office category of a local code), or
     *            -1: a witness never changes one without the other, as a reader knows one follows from the other
     */
    Relabellings(DisclosureCells cells, List<Referral> referrals, List<List<String>> vocabularies, int[] derivedFrom) {
        this.cells = cells;
        this.referrals = referrals;
        this.derivedFrom = derivedFrom;
        for (int d = 0; d < derivedFrom.length; d++) {
            if (derivedFrom[d] >= 0) {
                int[] map = new int[vocabularies.get(derivedFrom[d]).size()];
                Arrays.fill(map, -1);
                for (Referral r : referrals) {
                    map[r.values()[derivedFrom[d]]] = r.values()[d];
                }
                derivation.put(d, map);
            }
        }
        for (int i = 0; i < referrals.size(); i++) {
            byMonth.computeIfAbsent(referrals.get(i).month(), m -> new ArrayList<>()).add(i);
        }
    }

    /**
     * The referral with one thing changed: another value of one of the cell's dimensions, or of both for a
     * cross-tabulation (values that referrals of the year around it have, so witnesses stay near the data; a Home
     * Office category changes with the local code it follows from), another outcome or month.
     */
    List<Referral> alternatives(Referral r, CellId cell) {
        List<Referral> out = new ArrayList<>();
        int[] dims = cells.dimensionsOf(cell.table());
        List<List<Referral>> byDimension = new ArrayList<>();
        for (int d : dims) {
            List<Referral> changed = new ArrayList<>();
            int source = sourceOf(d);
            for (int v : valuesAround(r.month(), source)) {
                if (v != r.values()[source]) {
                    Referral relabelled = relabel(r, source, v);
                    if (relabelled != null) {
                        changed.add(relabelled);
                    }
                }
            }
            byDimension.add(changed);
            out.addAll(changed);
        }
        if (dims.length == 2 && sourceOf(dims[0]) != sourceOf(dims[1])) {
            for (Referral first : byDimension.get(0)) {
                for (Referral second : byDimension.get(1)) {
                    int[] both = first.values().clone();
                    for (int d = 0; d < both.length; d++) {
                        if (second.values()[d] != r.values()[d]) {
                            both[d] = second.values()[d];
                        }
                    }
                    out.add(new Referral(r.month(), r.measures(), both));
                }
            }
        }
        for (int mask : cells.outcomes()) {
            if (mask != r.measures()) {
                out.add(r.withMeasures(mask));
            }
        }
        for (int shift : new int[] { 1, -1, 2, -2, 3, -3, 6, -6, 12, -12 }) {
            YearMonth month = r.month().plusMonths(shift);
            if (cells.periodsOf(month) != null) {
                out.add(r.withMonth(month));
            }
        }
        return out;
    }

    private int sourceOf(int dimension) {
        return derivedFrom[dimension] >= 0 ? derivedFrom[dimension] : dimension;
    }

    /**
     * The referral moved into the cell whole: to the month of the cell's period nearest its own, with the cell's keys
     * (what it takes when one change alone cannot bring it in; still cheaper than a referral nobody made).
     */
    List<Referral> relocations(Referral r, CellId cell) {
        List<Referral> out = new ArrayList<>();
        ReportingPeriod period = cells.period(cell.period());
        YearMonth best = null;
        for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(YearMonth.from(period.to())); m = m.plusMonths(1)) {
            if (cells.periodsOf(m) != null && (best == null
                    || Math.abs(months(m, r.month())) < Math.abs(months(best, r.month())))) {
                best = m;
            }
        }
        if (best == null) {
            return out;
        }
        Referral moved = r.withMonth(best);
        int[] dims = cells.dimensionsOf(cell.table());
        int[] keys = { cell.key1(), cell.key2() };
        for (int k = 0; k < dims.length && moved != null; k++) {
            int d = dims[k];
            if (derivedFrom[d] < 0) {
                moved = relabel(moved, d, keys[k]);
            } else {
                // A Home Office category: any local code that gives it.
                int[] map = derivation.get(d);
                int source = -1;
                for (int v = 0; v < map.length && source < 0; v++) {
                    if (map[v] == keys[k]) {
                        source = v;
                    }
                }
                moved = source < 0 ? null : relabel(moved, derivedFrom[d], source);
            }
        }
        if (moved != null && !cells.counts(cell.measure(), moved)) {
            // With an outcome the cell's measure counts, the nearest to its own (fewest measures changed).
            Referral withOutcome = null;
            for (int mask : cells.outcomes()) {
                Referral candidate = moved.withMeasures(mask);
                if (cells.counts(cell.measure(), candidate) && (withOutcome == null
                        || Integer.bitCount(mask ^ r.measures()) < Integer.bitCount(withOutcome.measures() ^ r.measures()))) {
                    withOutcome = candidate;
                }
            }
            moved = withOutcome;
        }
        if (moved != null && cells.inCell(cell, moved)) {
            out.add(moved);
        }
        return out;
    }

    private static long months(YearMonth a, YearMonth b) {
        return (a.getYear() - b.getYear()) * 12L + a.getMonthValue() - b.getMonthValue();
    }

    /** The referral with a new value of a dimension, and of the dimensions that follow from it; null if unknown. */
    private Referral relabel(Referral r, int dimension, int value) {
        Referral changed = r.withValue(dimension, value);
        for (Map.Entry<Integer, int[]> derived : derivation.entrySet()) {
            if (derivedFrom[derived.getKey()] == dimension) {
                int follows = derived.getValue()[value];
                if (follows < 0) {
                    return null;
                }
                changed = changed.withValue(derived.getKey(), follows);
            }
        }
        return changed;
    }

    /** The values of a dimension among the referrals received within a year of the month. */
    private int[] valuesAround(YearMonth month, int dimension) {
        return valuesAround.computeIfAbsent(List.of(month, dimension), key -> {
            Set<Integer> found = new TreeSet<>();
            for (int shift = -12; shift <= 12; shift++) {
                for (int i : byMonth.getOrDefault(month.plusMonths(shift), List.of())) {
                    found.add(referrals.get(i).values()[dimension]);
                }
            }
            return found.stream().mapToInt(Integer::intValue).toArray();
        });
    }

    // --- partners: referrals changed the other way -----------------------------------------------------------------

    /**
     * Referrals that can be relabelled the other way so that sums over the changed attributes stay as they were: in
     * the same month with the same outcome, already holding the new values (or, for a change of month or outcome,
     * holding the new month or outcome and attributes of their own).
     */
    List<Integer> partners(List<Referral> world, Referral r, Referral changed, Set<Integer> used, int self) {
        List<Integer> out = new ArrayList<>();
        for (int j : byMonth.getOrDefault(changed.month(), List.of())) {
            if (out.size() >= 8) {
                break;
            }
            if (j != self && !used.contains(j) && j < world.size() && swappable(world.get(j), r, changed)) {
                out.add(j);
            }
        }
        return out;
    }

    private static boolean swappable(Referral q, Referral r, Referral changed) {
        if (!changed.month().equals(r.month())) {
            return q.month().equals(changed.month()) && q.measures() == r.measures() && !Arrays.equals(q.values(), r.values());
        }
        if (changed.measures() != r.measures()) {
            return q.measures() == changed.measures() && !Arrays.equals(q.values(), r.values());
        }
        if (q.measures() != r.measures() || Arrays.equals(q.values(), changed.values())) {
            return false;
        }
        for (int d = 0; d < r.values().length; d++) {
            if (r.values()[d] != changed.values()[d] && q.values()[d] != changed.values()[d]) {
                return false;
            }
        }
        return true;
    }

    /** The partner relabelled the way {@code r} came: every attribute that changed, back to {@code r}'s. */
    static Referral swapped(Referral q, Referral changed, Referral r) {
        if (!changed.month().equals(r.month())) {
            return q.withMonth(r.month());
        }
        if (changed.measures() != r.measures()) {
            return q.withMeasures(r.measures());
        }
        int[] back = q.values().clone();
        for (int d = 0; d < back.length; d++) {
            if (r.values()[d] != changed.values()[d]) {
                back[d] = r.values()[d];
            }
        }
        return new Referral(q.month(), q.measures(), back);
    }
}
