package org.preventhub.reporting.indicator;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.preventhub.reporting.indicator.ReferralDisclosure.CellId;
import org.preventhub.reporting.indicator.ReferralDisclosure.Referral;

/**
 * Finds a protected figure's two witnesses (sets of referrals that leave every shown figure as it is, one where the
 * figure counts nobody and one where it counts the threshold) at the least cost in figures hidden, and hides what
 * they change. See {@link ReferralDisclosure}.
 */
final class Witnesses {

    private final DisclosureCells cells;
    private final Relabellings relabellings;
    private final List<Referral> referrals;
    private final Map<CellId, Integer> values;
    /** Shared with {@link ReferralDisclosure}: what is hidden so far, which witnesses may change at no cost. */
    private final Set<CellId> hidden;
    private final int threshold;

    Witnesses(DisclosureCells cells, Relabellings relabellings, List<Referral> referrals, Map<CellId, Integer> values,
            Set<CellId> hidden, int threshold) {
        this.cells = cells;
        this.relabellings = relabellings;
        this.referrals = referrals;
        this.values = values;
        this.hidden = hidden;
        this.threshold = threshold;
    }

    /** Hides what the cell's two witnesses change: one where it counts nobody, one where it counts the threshold. */
    void protect(CellId cell) {
        List<Referral> world = new ArrayList<>(referrals);
        Witness down = new Witness();
        for (int i = 0; i < world.size(); i++) {
            if (cells.inCell(cell, world.get(i))) {
                down.apply(cheapest(cell, i, world, down, false), world);
            }
        }
        world = new ArrayList<>(referrals);
        Witness up = new Witness();
        for (int n = values.getOrDefault(cell, 0); n < threshold; n++) {
            up.apply(cheapestEntry(cell, world, up), world);
        }
        hidden.add(cell);
        down.hideWhatChanged();
        up.hideWhatChanged();
    }

    /** The referrals a witness relabels, and the net change of every figure. */
    private final class Witness {
        final Map<CellId, Integer> delta = new HashMap<>();
        final Set<Integer> used = new HashSet<>();

        void apply(Move move, List<Referral> world) {
            move.changes.forEach((c, v) -> delta.merge(c, v, Integer::sum));
            move.to.forEach((i, r) -> {
                used.add(i);
                world.set(i, r);
            });
            for (Referral r : move.added) {
                world.add(r);
                used.add(world.size() - 1);
            }
        }

        void hideWhatChanged() {
            delta.forEach((c, change) -> {
                if (change != 0) {
                    hidden.add(c);
                }
            });
        }

        /** Figures shown now that the move would change too: weighted, the cost of taking it. */
        long cost(Map<CellId, Integer> changes) {
            long cost = 0;
            for (Map.Entry<CellId, Integer> e : changes.entrySet()) {
                int before = delta.getOrDefault(e.getKey(), 0);
                if (e.getValue() != 0 && before == 0 && !hidden.contains(e.getKey())) {
                    cost += cells.weight(e.getKey());
                }
            }
            return cost;
        }
    }

    /** Some referrals in their new form (a removed one counts nowhere), some added, and what that changes. */
    private record Move(Map<Integer, Referral> to, List<Referral> added, Map<CellId, Integer> changes, long cost) {
    }

    /** The cheapest way to take referral {@code i} out of the cell (or, with {@code into}, into it). */
    private Move cheapest(CellId cell, int i, List<Referral> world, Witness witness, boolean into) {
        Referral r = world.get(i);
        // Leaving the cell can always be done by leaving the referrals altogether; entering it has no such fallback.
        Move best = into ? null : move(witness, Map.of(i, new Referral[] { r, new Referral(r.month(), 0, r.values()) }), List.of());
        List<Referral> candidates = relabellings.alternatives(r, cell);
        if (into) {
            candidates.addAll(relabellings.relocations(r, cell));
        }
        for (Referral changed : candidates) {
            if (cells.inCell(cell, changed) != into) {
                continue;
            }
            for (int j : relabellings.partners(world, r, changed, witness.used, i)) {
                Referral partner = world.get(j);
                Referral back = Relabellings.swapped(partner, changed, r);
                if (cells.inCell(cell, partner) != cells.inCell(cell, back)) {
                    continue; // the partner would undo what the move does to the cell
                }
                best = cheaper(best, move(witness, Map.of(i, new Referral[] { r, changed }, j,
                        new Referral[] { partner, back }), List.of()));
                if (best.cost() == 0) {
                    return best;
                }
            }
            best = cheaper(best, move(witness, Map.of(i, new Referral[] { r, changed }), List.of()));
            if (best.cost() == 0) {
                return best;
            }
        }
        return best;
    }

    /** The cheapest way to bring one more referral into the cell: one relabelled, or one nobody made. */
    private Move cheapestEntry(CellId cell, List<Referral> world, Witness witness) {
        Move best = null;
        Referral phantom = phantom(cell, world);
        if (phantom != null) {
            best = move(witness, Map.of(), List.of(phantom));
            if (best.cost() == 0) {
                return best;
            }
        }
        int tried = 0;
        for (int i : candidatesFor(cell, world)) {
            if (witness.used.contains(i) || cells.inCell(cell, world.get(i))) {
                continue;
            }
            Move entry = cheapest(cell, i, world, witness, true);
            if (entry != null) {
                best = cheaper(best, entry);
                if (best.cost() == 0 || ++tried > 40) {
                    break;
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("no referral can enter " + cell);
        }
        return best;
    }

    /** Referrals received in the cell's period first (fewest changes to bring in), then the rest. */
    private List<Integer> candidatesFor(CellId cell, List<Referral> world) {
        List<Integer> near = new ArrayList<>();
        List<Integer> far = new ArrayList<>();
        for (int i = 0; i < world.size(); i++) {
            (cells.inPeriod(world.get(i).month(), cell.period()) ? near : far).add(i);
        }
        near.addAll(far);
        return near;
    }

    /** A referral nobody made, counted in the cell: like a real one counted by its measure, with the cell's keys. */
    private Referral phantom(CellId cell, List<Referral> world) {
        YearMonth month = YearMonth.from(cells.period(cell.period()).from());
        int[] dims = cells.dimensionsOf(cell.table());
        for (Referral r : world) {
            if (r.measures() != 0 && cells.counts(cell.measure(), r)) {
                int[] v = r.values().clone();
                if (dims.length > 0) {
                    v[dims[0]] = cell.key1();
                }
                if (dims.length > 1) {
                    v[dims[1]] = cell.key2();
                }
                return new Referral(month, r.measures(), v);
            }
        }
        return null;
    }

    private Move move(Witness witness, Map<Integer, Referral[]> relabelled, List<Referral> added) {
        Map<CellId, Integer> changes = new HashMap<>();
        Map<Integer, Referral> to = new LinkedHashMap<>();
        relabelled.forEach((i, fromTo) -> {
            diff(fromTo[0], fromTo[1], changes);
            to.put(i, fromTo[1]);
        });
        for (Referral r : added) {
            for (CellId c : cells.cellsOf(r)) {
                changes.merge(c, 1, Integer::sum);
            }
        }
        changes.values().removeIf(v -> v == 0);
        return new Move(to, added, changes, witness.cost(changes));
    }

    /** How the figures change when {@code from} becomes {@code to}: only the tables an attribute change touches. */
    private void diff(Referral from, Referral to, Map<CellId, Integer> changes) {
        int dimension = -1;
        if (from.month().equals(to.month()) && from.measures() == to.measures()) {
            for (int d = 0; d < from.values().length; d++) {
                if (from.values()[d] != to.values()[d]) {
                    dimension = dimension == -1 ? d : -2;
                }
            }
            if (dimension == -1) {
                return;
            }
        }
        List<CellId> before = new ArrayList<>();
        List<CellId> after = new ArrayList<>();
        cells.addCells(from, before, Math.max(dimension, -1));
        cells.addCells(to, after, Math.max(dimension, -1));
        for (CellId c : before) {
            changes.merge(c, -1, Integer::sum);
        }
        for (CellId c : after) {
            changes.merge(c, 1, Integer::sum);
        }
    }

    private static Move cheaper(Move best, Move candidate) {
        return best == null || candidate.cost() < best.cost() ? candidate : best;
    }
}
