package org.preventhub.reporting.indicator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Chooses which cells of a set of published figures to hide so that no small count can be worked out from the
 * rest, whatever sums and differences a reader takes.
 *
 * <p>The figures are sums of atoms (for an indicator: the count of one key in one month). Every atom is itself
 * published (a month), and so are aggregates of them (quarters, years, totals across keys). Primary suppression
 * hides every figure from 1 to below the threshold. A hidden figure is disclosed when the shown figures, as linear
 * equations in the hidden atoms, determine it; this is tested exactly (Gaussian elimination), so a month cannot be
 * recovered from its quarter less its other months, nor from a reporting year less a statistical year, nor from
 * any longer chain. While some small figure is disclosed, the cheapest figure in the combination that discloses it
 * is hidden too (complementary suppression), preferring small counts so totals stay shown.
 *
 * <p>Figures marked fixed have their visibility decided elsewhere (totals, when the cells of a breakdown are
 * protected after the totals were); they are never hidden here but are protected like the others. If a small
 * figure cannot be protected without hiding a fixed one, every figure that is not fixed is hidden.
 */
final class CellSuppression {

    private static final double EPSILON = 1e-9;

    /** A published figure: the sum of its atoms. */
    static final class Item {
        final int[] atoms;
        final long value;
        final boolean fixed;
        boolean hidden;
        int index;

        Item(int[] atoms, long value, boolean fixed, boolean hidden) {
            this.atoms = atoms;
            this.value = value;
            this.fixed = fixed;
            this.hidden = hidden;
        }

        boolean isAtom() {
            return atoms.length == 1;
        }
    }

    private final List<Item> items;
    private final Item[] atomItems;
    private final int threshold;

    /**
     * @param items every published figure; for each atom index there must be exactly one single-atom item whose
     *            visibility says whether that atom is known
     */
    private CellSuppression(List<Item> items, int atoms, int threshold) {
        this.items = items;
        this.threshold = threshold;
        this.atomItems = new Item[atoms];
        for (int i = 0; i < items.size(); i++) {
            items.get(i).index = i;
        }
        for (Item item : items) {
            if (item.isAtom() && atomItems[item.atoms[0]] == null) {
                atomItems[item.atoms[0]] = item;
            }
        }
        for (int a = 0; a < atoms; a++) {
            if (atomItems[a] == null) {
                throw new IllegalArgumentException("atom " + a + " is not published on its own");
            }
        }
    }

    /** Sets {@code hidden} on the items: primary, then complementary suppression. */
    static void protect(List<Item> items, int atoms, int threshold) {
        new CellSuppression(items, atoms, threshold).run();
    }

    /** Whether this is the atom's own figure (another one-atom figure, e.g. a quarter cut to one month, is an equation). */
    private boolean own(Item item) {
        return item.isAtom() && atomItems[item.atoms[0]] == item;
    }

    boolean small(Item item) {
        return item.value > 0 && item.value < threshold;
    }

    private void run() {
        for (Item item : items) {
            if (!item.fixed && small(item)) {
                item.hidden = true;
            }
        }
        // Each round hides at least one more figure, so this ends.
        for (int round = 0; round <= items.size(); round++) {
            List<Disclosure> disclosures = new Equations().disclosed();
            if (disclosures.isEmpty()) {
                return;
            }
            // One complement per disclosing combination, and none for a combination a complement of this round
            // already touches (it may be broken already; the next round sees).
            BitSet touched = new BitSet();
            for (Disclosure disclosure : disclosures) {
                if (touches(disclosure, touched)) {
                    continue;
                }
                Item complement = complement(disclosure);
                if (complement == null) {
                    hideEverythingHideable();
                    return;
                }
                complement.hidden = true;
                touched.set(complement.index);
            }
        }
        hideEverythingHideable();
    }

    private boolean touches(Disclosure disclosure, BitSet touched) {
        for (int row : disclosure.witness()) {
            Item item = disclosure.rows().get(row);
            if (touched.get(index(item))) {
                return true;
            }
            for (int atom : item.atoms) {
                if (touched.get(index(atomItems[atom]))) {
                    return true;
                }
            }
        }
        return false;
    }

    private int index(Item item) {
        return item.index;
    }

    private void hideEverythingHideable() {
        for (Item item : items) {
            if (!item.fixed) {
                item.hidden = true;
            }
        }
    }

    /** The smallest figure that takes part in the disclosing combination, or null if none can be hidden. */
    private Item complement(Disclosure disclosure) {
        Item best = null;
        for (int row : disclosure.witness()) {
            Item item = disclosure.rows().get(row);
            if (!item.fixed && better(item, best)) {
                best = item;
            }
            for (int atom : item.atoms) {
                Item cell = atomItems[atom];
                if (!cell.hidden && cell.value > 0 && better(cell, best)) {
                    best = cell;
                }
            }
        }
        return best;
    }

    /** Smaller first; between equals, a single cell rather than an aggregate. */
    private static boolean better(Item candidate, Item best) {
        if (best == null) {
            return true;
        }
        if (candidate.value != best.value) {
            return candidate.value < best.value;
        }
        return candidate.isAtom() && !best.isAtom();
    }

    private record Disclosure(Item item, List<Item> rows, int[] witness) {
    }

    /** The shown aggregates as equations in the hidden atoms, in echelon form, remembering how each row was made. */
    private final class Equations {
        private final int[] column = new int[atomItems.length];
        private final int columns;
        private final List<Item> rows = new ArrayList<>();
        private final List<double[]> basis = new ArrayList<>();
        private final List<double[]> made = new ArrayList<>();
        private final List<Integer> pivots = new ArrayList<>();

        Equations() {
            int n = 0;
            for (int a = 0; a < atomItems.length; a++) {
                column[a] = atomItems[a].hidden ? n++ : -1;
            }
            columns = n;
            for (Item item : items) {
                if (!item.hidden && !own(item) && unknowns(item) > 0) {
                    rows.add(item);
                }
            }
            for (int r = 0; r < rows.size(); r++) {
                double[] combination = new double[rows.size()];
                combination[r] = 1;
                double[] vector = reduce(vector(rows.get(r)), combination);
                int pivot = largest(vector);
                if (Math.abs(vector[pivot]) > EPSILON) {
                    double scale = vector[pivot];
                    for (int i = 0; i < vector.length; i++) {
                        vector[i] /= scale;
                    }
                    for (int i = 0; i < combination.length; i++) {
                        combination[i] /= scale;
                    }
                    basis.add(vector);
                    made.add(combination);
                    pivots.add(pivot);
                }
            }
        }

        private int unknowns(Item item) {
            int count = 0;
            for (int atom : item.atoms) {
                if (column[atom] >= 0) {
                    count++;
                }
            }
            return count;
        }

        private double[] vector(Item item) {
            double[] vector = new double[columns];
            for (int atom : item.atoms) {
                if (column[atom] >= 0) {
                    vector[column[atom]] += 1;
                }
            }
            return vector;
        }

        private double[] reduce(double[] vector, double[] combination) {
            for (int b = 0; b < basis.size(); b++) {
                double factor = vector[pivots.get(b)];
                if (Math.abs(factor) > EPSILON) {
                    double[] row = basis.get(b);
                    for (int i = 0; i < vector.length; i++) {
                        vector[i] -= factor * row[i];
                    }
                    double[] how = made.get(b);
                    for (int i = 0; i < combination.length; i++) {
                        combination[i] -= factor * how[i];
                    }
                }
            }
            return vector;
        }

        private static int largest(double[] vector) {
            int best = 0;
            for (int i = 1; i < vector.length; i++) {
                if (Math.abs(vector[i]) > Math.abs(vector[best])) {
                    best = i;
                }
            }
            return best;
        }

        /** Every small hidden figure that the shown ones determine, with the rows that determine it. */
        List<Disclosure> disclosed() {
            List<Disclosure> found = new ArrayList<>();
            if (columns == 0) {
                return found;
            }
            for (Item item : items) {
                if (!item.hidden || !small(item)) {
                    continue;
                }
                double[] combination = new double[rows.size()];
                double[] rest = reduce(vector(item), combination);
                if (Arrays.stream(rest).allMatch(v -> Math.abs(v) < 1e-7)) {
                    BitSet used = new BitSet();
                    for (int r = 0; r < combination.length; r++) {
                        if (Math.abs(combination[r]) > 1e-7) {
                            used.set(r);
                        }
                    }
                    found.add(new Disclosure(item, rows, used.stream().toArray()));
                }
            }
            return found;
        }
    }
}
