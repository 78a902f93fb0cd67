package org.preventhub.reporting.indicator;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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

    private enum Kind {
        MONTH, QUARTER, YEAR
    }

    private final List<Referral> referrals;
    private final int[] derivedFrom;
    /** Per derived dimension, the value each value of its source dimension gives (-1: not seen). */
    private final Map<Integer, int[]> derivation = new HashMap<>();
    /** Measures 0 .. published-1 are shown; the rest are the groups their differences name, never shown. */
    private final int published;
    private final int measures;
    private final Map<Integer, Integer> groupOfMask = new LinkedHashMap<>();
    private final List<List<String>> vocabularies;
    private final List<int[]> tables = new ArrayList<>();
    private final int threshold;
    private final List<ReportingPeriod> periods = new ArrayList<>();
    private final List<Kind> kinds = new ArrayList<>();
    private final Map<String, Integer> periodIndex = new HashMap<>();
    private final Map<YearMonth, int[]> periodsOfMonth = new HashMap<>();
    private final Map<YearMonth, List<Integer>> byMonth = new HashMap<>();
    private final int[] outcomes;
    /** The measures that count every referral (bits). */
    private final int everyone;
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
        this.derivedFrom = derivedFrom;
        this.referrals = List.copyOf(referrals);
        this.published = published;
        this.vocabularies = vocabularies;
        this.threshold = threshold;
        tables.add(new int[0]);
        for (int d = 0; d < vocabularies.size(); d++) {
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
        buildPeriods();
        for (int d = 0; d < derivedFrom.length; d++) {
            if (derivedFrom[d] >= 0) {
                int[] map = new int[vocabularies.get(derivedFrom[d]).size()];
                Arrays.fill(map, -1);
                for (Referral r : this.referrals) {
                    map[r.values()[derivedFrom[d]]] = r.values()[d];
                }
                derivation.put(d, map);
            }
        }
        for (int i = 0; i < this.referrals.size(); i++) {
            byMonth.computeIfAbsent(this.referrals.get(i).month(), m -> new ArrayList<>()).add(i);
            for (CellId cell : cellsOf(this.referrals.get(i))) {
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
                if (isCrossing(cell.table())) {
                    crossingsWithSmallCells.add(List.of(cell.measure(), cell.period(), cell.table()));
                }
            }
        });
        values.keySet().stream()
                .filter(c -> crossingsWithSmallCells.contains(List.of(c.measure(), c.period(), c.table())))
                .forEach(hidden::add);
        // Totals first: their witnesses hide most, and later figures find their cells hidden already.
        small.sort((a, b) -> Integer.compare(shapeWeight(b), shapeWeight(a)));
        for (CellId cell : small) {
            protect(cell);
        }
        this.protectedFigures = small.size();
    }

    // --- what readers ask ------------------------------------------------------------------------------------------

    int value(int measure, ReportingPeriod period, int table, int key1, int key2) {
        Integer p = periodIndex.get(key(period));
        return p == null ? 0 : values.getOrDefault(new CellId(measure, p, table, key1, key2), 0);
    }

    boolean hidden(int measure, ReportingPeriod period, int table, int key1, int key2) {
        Integer p = periodIndex.get(key(period));
        return p != null && hidden.contains(new CellId(measure, p, table, key1, key2));
    }

    /** Whether this table is published for this kind of period (see the class comment). */
    boolean publishes(ReportingPeriod period, int table) {
        return tableFits(kindOf(period), table);
    }

    int tableOf(int dimension) {
        return 1 + dimension;
    }

    /** The table of a crossing of two dimensions (in either order), or -1 when it is not published. */
    int tableOf(int first, int second) {
        for (int t = 1 + vocabularies.size(); t < tables.size(); t++) {
            int[] dims = tables.get(t);
            if (dims[0] == first && dims[1] == second) {
                return t;
            }
        }
        return -1;
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
        return hidden.stream().filter(c -> c.measure() < published && values.getOrDefault(c, 0) > 0).count();
    }

    /** Published figures with someone in them. */
    long figures() {
        return values.entrySet().stream().filter(e -> e.getKey().measure() < published && e.getValue() > 0).count();
    }

    // --- periods and the cells a referral counts in ----------------------------------------------------------------

    private void buildPeriods() {
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

    private static String key(ReportingPeriod period) {
        return period.kind() + ":" + period.from();
    }

    private static Kind kindOf(ReportingPeriod period) {
        return switch (period.kind()) {
            case "month" -> Kind.MONTH;
            case "quarter" -> Kind.QUARTER;
            default -> Kind.YEAR;
        };
    }

    private boolean tableFits(Kind kind, int table) {
        return switch (kind) {
            case MONTH -> table == 0;
            case QUARTER -> !isCrossing(table);
            case YEAR -> true;
        };
    }

    private boolean isCrossing(int table) {
        return tables.get(table).length == 2;
    }

    private List<CellId> cellsOf(Referral r) {
        List<CellId> cells = new ArrayList<>();
        addCells(r, cells, -1);
        return cells;
    }

    /** The referral's cells; only of the tables that involve {@code dimension} when it is not -1. */
    private void addCells(Referral r, List<CellId> cells, int dimension) {
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

    private boolean counts(int measure, Referral r) {
        if (measure < published) {
            return (r.measures() & (1 << measure)) != 0;
        }
        Integer group = groupOfMask.get(r.measures());
        return group != null && group == measure;
    }

    private boolean inCell(CellId cell, Referral r) {
        if (!counts(cell.measure(), r)) {
            return false;
        }
        int[] ofMonth = periodsOfMonth.get(r.month());
        if (ofMonth == null || Arrays.stream(ofMonth).noneMatch(p -> p == cell.period())) {
            return false;
        }
        int[] dims = tables.get(cell.table());
        return (dims.length < 1 || r.values()[dims[0]] == cell.key1())
                && (dims.length < 2 || r.values()[dims[1]] == cell.key2());
    }

    // --- witnesses -------------------------------------------------------------------------------------------------

    /** Hides what the cell's two witnesses change: one where it counts nobody, one where it counts the threshold. */
    private void protect(CellId cell) {
        List<Referral> world = new ArrayList<>(referrals);
        Witness down = new Witness();
        for (int i = 0; i < world.size(); i++) {
            if (inCell(cell, world.get(i))) {
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
                    cost += weight(e.getKey());
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
        List<Referral> candidates = alternatives(r, cell);
        if (into) {
            candidates.addAll(relocations(r, cell));
        }
        for (Referral changed : candidates) {
            if (inCell(cell, changed) != into) {
                continue;
            }
            for (int j : partners(world, r, changed, witness.used, i)) {
                Referral partner = world.get(j);
                Referral back = swapped(partner, changed, r);
                if (inCell(cell, partner) != inCell(cell, back)) {
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
            if (witness.used.contains(i) || inCell(cell, world.get(i))) {
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
            Referral r = world.get(i);
            int[] ofMonth = periodsOfMonth.get(r.month());
            boolean inPeriod = ofMonth != null && Arrays.stream(ofMonth).anyMatch(p -> p == cell.period());
            (inPeriod ? near : far).add(i);
        }
        near.addAll(far);
        return near;
    }

    /** A referral nobody made, counted in the cell: like a real one counted by its measure, with the cell's keys. */
    private Referral phantom(CellId cell, List<Referral> world) {
        YearMonth month = YearMonth.from(periods.get(cell.period()).from());
        int[] dims = tables.get(cell.table());
        for (Referral r : world) {
            if (r.measures() != 0 && counts(cell.measure(), r)) {
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
            for (CellId c : cellsOf(r)) {
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
        addCells(from, before, Math.max(dimension, -1));
        addCells(to, after, Math.max(dimension, -1));
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

    /**
     * The referral with one thing changed: another value of one of the cell's dimensions, or of both for a
     * cross-tabulation (values that referrals of the year around it have, so witnesses stay near the data; a Home
     * Office category changes with the local code it follows from), another outcome or month.
     */
    private List<Referral> alternatives(Referral r, CellId cell) {
        List<Referral> out = new ArrayList<>();
        int[] dims = tables.get(cell.table());
        List<List<Referral>> byDimension = new ArrayList<>();
        for (int d : dims) {
            List<Referral> changed = new ArrayList<>();
            int source = derivedFrom[d] >= 0 ? derivedFrom[d] : d;
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
        if (dims.length == 2 && (derivedFrom[dims[0]] >= 0 ? derivedFrom[dims[0]] : dims[0])
                != (derivedFrom[dims[1]] >= 0 ? derivedFrom[dims[1]] : dims[1])) {
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
        for (int mask : outcomes) {
            if (mask != r.measures()) {
                out.add(r.withMeasures(mask));
            }
        }
        for (int shift : new int[] { 1, -1, 2, -2, 3, -3, 6, -6, 12, -12 }) {
            YearMonth month = r.month().plusMonths(shift);
            if (periodsOfMonth.containsKey(month)) {
                out.add(r.withMonth(month));
            }
        }
        return out;
    }

    /**
     * The referral moved into the cell whole: to the month of the cell's period nearest its own, with the cell's keys
     * (what it takes when one change alone cannot bring it in; still cheaper than a referral nobody made).
     */
    private List<Referral> relocations(Referral r, CellId cell) {
        List<Referral> out = new ArrayList<>();
        ReportingPeriod period = periods.get(cell.period());
        YearMonth best = null;
        for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(YearMonth.from(period.to())); m = m.plusMonths(1)) {
            if (periodsOfMonth.containsKey(m) && (best == null
                    || Math.abs(months(m, r.month())) < Math.abs(months(best, r.month())))) {
                best = m;
            }
        }
        if (best == null) {
            return out;
        }
        Referral moved = r.withMonth(best);
        int[] dims = tables.get(cell.table());
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
        if (moved != null && !counts(cell.measure(), moved)) {
            // With an outcome the cell's measure counts, the nearest to its own (fewest measures changed).
            Referral withOutcome = null;
            for (int mask : outcomes) {
                Referral candidate = moved.withMeasures(mask);
                if (counts(cell.measure(), candidate) && (withOutcome == null
                        || Integer.bitCount(mask ^ r.measures()) < Integer.bitCount(withOutcome.measures() ^ r.measures()))) {
                    withOutcome = candidate;
                }
            }
            moved = withOutcome;
        }
        if (moved != null && inCell(cell, moved)) {
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

    /**
     * Referrals that can be relabelled the other way so that sums over the changed attributes stay as they were: in
     * the same month with the same outcome, already holding the new values (or, for a change of month or outcome,
     * holding the new month or outcome and attributes of their own).
     */
    private List<Integer> partners(List<Referral> world, Referral r, Referral changed, Set<Integer> used, int self) {
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

    private final Map<List<Object>, int[]> valuesAround = new HashMap<>();

    /** The values of a dimension among the referrals received within a year of the month. */
    private int[] valuesAround(YearMonth month, int dimension) {
        return valuesAround.computeIfAbsent(List.of(month, dimension), key -> {
            Set<Integer> found = new java.util.TreeSet<>();
            for (int shift = -12; shift <= 12; shift++) {
                for (int i : byMonth.getOrDefault(month.plusMonths(shift), List.of())) {
                    found.add(referrals.get(i).values()[dimension]);
                }
            }
            return found.stream().mapToInt(Integer::intValue).toArray();
        });
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
    private static Referral swapped(Referral q, Referral changed, Referral r) {
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

    /**
     * What hiding a figure costs its readers: a total more than a breakdown's cell, a year's more than a month's, and
     * the total of the referrals received (which every outcome is part of, the headline) most. Only the total: were its
     * breakdowns dearer too, witnesses would hide the outcomes' totals rather than move a referral across a key.
     */
    private int weight(CellId cell) {
        boolean headline = tables.get(cell.table()).length == 0 && (everyone & (1 << cell.measure())) != 0;
        return shapeWeight(cell) * (headline ? 10 : 1);
    }

    private int shapeWeight(CellId cell) {
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
