package org.preventhub.reporting.support;

import static org.preventhub.reporting.support.ReportingApi.as;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

import io.restassured.path.json.JsonPath;

/**
 * An attacker of the disclosure control, in the test: reads through the API, with a reader's token, every figure
 * about people referred that such a reader can have for a set of years (totals of every month, quarter, reporting
 * and statistical year; every breakdown of quarters and years; every cross-tabulation of years; the monthly series),
 * writes down every linear relation between them (a breakdown adds up to its total, a cross-tabulation to its
 * breakdowns, the Home Office's categories to the local ones they gather, periods to the months, quarters and
 * parts of quarters they are made of, measures to those they contain or that, the attacker has reason to believe,
 * partition them), adds that counts are not negative, and for each figure it was not shown computes by linear
 * programming the smallest and the largest value consistent with all of it. A hidden figure of 1 to 4 people is
 * protected only if that interval reaches 0 and 5.
 *
 * <p>Where periods meet unevenly, it reasons with the pieces no figure names: a reporting year (September to August)
 * is September, the last quarter, the first two quarters and July-August of the next year; its breakdowns and
 * cross-tabulations are sums of unknown breakdowns of those pieces, which add up to the pieces' totals.
 */
public final class DisclosureAuditor {

    /** A measure that is the sum of others (received = screened out + discussed, where every referral was screened). */
    public record Partition(String whole, List<String> parts) {
    }

    /** Measure {@code part} counts some of the referrals {@code whole} counts. */
    public record Subset(String part, String whole) {
    }

    /** A dimension in the Home Office's categories, the local one it gathers, and how a local key maps. */
    public record Recode(String homeOffice, String local, Function<String, String> map) {
    }

    /** What the audit found: every small figure hidden from the reader, with the interval the reader can bound it by. */
    public record Finding(String figure, int value, double low, double high, boolean shown) {
        public boolean protectedEnough() {
            return !shown && low <= 1e-6 && high >= 5 - 1e-6;
        }
    }

    private final String role;
    private final List<String> indicators;
    private final List<Integer> years;
    private final List<Recode> recodes;
    private final List<Partition> partitions;
    private final List<Subset> subsets;

    /** The unknowns (hidden figures and pieces) and the relations between them, with what is known as constants. */
    private final Map<String, Integer> unknowns = new LinkedHashMap<>();
    private final List<Map<String, Double>> equalities = new ArrayList<>();
    private final List<Double> equalTo = new ArrayList<>();
    private final List<Map<String, Double>> atMost = new ArrayList<>();
    private final Map<String, Double> known = new HashMap<>();
    private final Map<String, Integer> truth = new HashMap<>();
    private final Set<String> hiddenFigures = new LinkedHashSet<>();
    private final Map<String, Set<String>> keysOf = new HashMap<>();
    /** The relations of each cross-tabulation with hidden cells (period|by), attacked table by table. */
    private final Map<String, List<Map<String, Double>>> crossingSums = new HashMap<>();
    /** The (period, breakdown) pairs the reader was given. */
    private final Set<String> given = new LinkedHashSet<>();
    private int requests;
    private int largestProgramme;

    public DisclosureAuditor(String role, List<String> indicators, List<Integer> years, List<Partition> partitions,
            List<Subset> subsets, List<Recode> recodes) {
        this.role = role;
        this.indicators = indicators;
        this.years = years;
        this.partitions = partitions;
        this.subsets = subsets;
        this.recodes = recodes;
    }

    public int requests() {
        return requests;
    }

    /** The most unknowns one linear programme had. */
    public int largestProgramme() {
        return largestProgramme;
    }

    /** Reads everything, as the reader and (for the true values of what was hidden) as the Prevent lead, and audits. */
    public List<Finding> audit(String lead) {
        for (String indicator : indicators) {
            JsonPath definition = as(lead).get("/indicators/" + indicator).then().statusCode(200).extract().jsonPath();
            List<String> breakdowns = definition.getList("breakdowns", String.class);
            readAll(indicator, breakdowns, role, false);
            readAll(indicator, breakdowns, lead, true);
        }
        relate();
        presolve();
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, Integer> figure : truth.entrySet()) {
            int value = figure.getValue();
            if (value <= 0 || value >= 5) {
                continue;
            }
            if (!hiddenFigures.contains(figure.getKey())) {
                if (known.containsKey(figure.getKey())) {
                    findings.add(new Finding(figure.getKey(), value, value, value, true));
                }
                continue;
            }
            double[] bounds = !unknowns.containsKey(figure.getKey())
                    ? new double[] { known.get(figure.getKey()), known.get(figure.getKey()) }
                    : isCrossing(figure.getKey()) ? crossingBounds(figure.getKey()) : bounds(figure.getKey());
            findings.add(new Finding(figure.getKey(), value, bounds[0], bounds[1], false));
        }
        return findings;
    }

    // --- reading ---------------------------------------------------------------------------------------------------

    private void readAll(String indicator, List<String> breakdowns, String who, boolean lead) {
        for (YearMonth month : months()) {
            read(indicator, "month=" + month, null, who, lead);
        }
        for (int year = years.get(0) - 1; year <= years.get(years.size() - 1) + 1; year++) {
            for (int q = 1; q <= 4; q++) {
                String period = "quarter=" + year + "-Q" + q;
                read(indicator, period, null, who, lead);
                for (String by : breakdowns) {
                    if (!by.contains(",")) {
                        read(indicator, period, by, who, lead);
                    }
                }
            }
        }
        for (int year : years) {
            for (String calendar : List.of("reporting", "statistical")) {
                String period = "year=" + year + "&calendar=" + calendar;
                read(indicator, period, null, who, lead);
                for (String by : breakdowns) {
                    read(indicator, period, by, who, lead);
                }
            }
            if (!lead) {
                JsonPath series = as(who).get("/indicators/" + indicator + "/series?year=" + year).then().statusCode(200)
                        .extract().jsonPath();
                requests++;
                for (Map<String, Object> point : series.<Map<String, Object>>getList("points")) {
                    record(figure(indicator, "month=" + point.get("month"), "", ""), point.get("figure"), false);
                }
            }
        }
    }

    private void read(String indicator, String period, String by, String who, boolean lead) {
        var response = as(who).get("/indicators/" + indicator + "/values?" + period + (by == null ? "" : "&by=" + by));
        requests++;
        if (response.statusCode() == 403 && !lead) {
            return; // not released to the reader: nothing to learn from it
        }
        JsonPath values = response.then().statusCode(200).extract().jsonPath();
        if (!lead && by != null) {
            given.add(period + "|" + by);
        }
        record(figure(indicator, period, "", ""), values.get("figure"), lead);
        if (by == null) {
            return;
        }
        for (Map<String, Object> cell : values.<Map<String, Object>>getList("breakdown.cells")) {
            String key = (String) cell.get("key");
            record(figure(indicator, period, by, key), cell.get("figure"), lead);
            @SuppressWarnings("unchecked")
            List<String> keys = cell.get("keys") == null ? List.of(key.split(",")) : (List<String>) cell.get("keys");
            for (int i = 0; i < keys.size(); i++) {
                keysOf.computeIfAbsent(by.split(",")[i], k -> new TreeSet<>()).add(keys.get(i));
            }
        }
    }

    private void record(String name, Object figure, boolean lead) {
        @SuppressWarnings("unchecked")
        Map<String, Object> f = (Map<String, Object>) figure;
        Object value = f.get("value");
        if (lead) {
            truth.put(name, value == null ? 0 : ((Number) value).intValue());
        } else if (Boolean.TRUE.equals(f.get("suppressed"))) {
            hiddenFigures.add(name);
            unknown(name);
        } else {
            known.put(name, value == null ? 0 : ((Number) value).doubleValue());
        }
    }

    // --- relations -------------------------------------------------------------------------------------------------

    private List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.of(years.get(0) - 1, 1); !m.isAfter(YearMonth.of(years.get(years.size() - 1) + 1, 12));
                m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** The pieces time is cut into by the breakdowns' periods: quarters, with July-August apart from September. */
    private static List<String> piecesOf(String period) {
        List<String> pieces = new ArrayList<>();
        if (period.startsWith("quarter=")) {
            int year = Integer.parseInt(period.substring(8, 12));
            int q = period.charAt(14) - '0';
            if (q == 3) {
                pieces.add(year + "-JA");
                pieces.add(year + "-S");
            } else {
                pieces.add(year + "-Q" + q);
            }
            return pieces;
        }
        int year = Integer.parseInt(period.substring(5, 9));
        if (period.endsWith("reporting")) {
            pieces.addAll(List.of(year + "-S", year + "-Q4", (year + 1) + "-Q1", (year + 1) + "-Q2", (year + 1) + "-JA"));
        } else {
            pieces.addAll(List.of(year + "-Q2", year + "-JA", year + "-S", year + "-Q4", (year + 1) + "-Q1"));
        }
        return pieces;
    }

    private static List<String> monthsOfPiece(String piece) {
        int year = Integer.parseInt(piece.substring(0, 4));
        String part = piece.substring(5);
        List<Integer> months = switch (part) {
            case "Q1" -> List.of(1, 2, 3);
            case "Q2" -> List.of(4, 5, 6);
            case "JA" -> List.of(7, 8);
            case "S" -> List.of(9);
            default -> List.of(10, 11, 12);
        };
        return months.stream().map(m -> "month=" + YearMonth.of(year, m)).toList();
    }

    private void relate() {
        Set<String> periods = new LinkedHashSet<>();
        Set<String> bys = new LinkedHashSet<>();
        for (String f : truth.keySet()) {
            String[] parts = f.split("\\|", -1);
            periods.add(parts[1]);
            if (!parts[2].isEmpty()) {
                bys.add(parts[2]);
            }
        }
        for (String indicator : indicators) {
            // Totals: every period is its months.
            for (String period : periods) {
                if (period.startsWith("month=")) {
                    continue;
                }
                Map<String, Double> sum = new HashMap<>();
                add(sum, figure(indicator, period, "", ""), 1);
                for (String piece : piecesOf(period)) {
                    for (String month : monthsOfPiece(piece)) {
                        add(sum, figure(indicator, month, "", ""), -1);
                    }
                }
                equal(sum, 0);
            }
            for (String by : bys) {
                String[] dims = by.split(",");
                if (dims.length == 1) {
                    relateBreakdown(indicator, by, periods);
                } else {
                    relateCrossing(indicator, dims, periods);
                }
            }
        }
        for (Recode recode : recodes) {
            relateRecode(recode);
        }
        // Cross-tabulations' cells are related between measures in their own programmes (crossingBounds).
        for (Partition p : partitions) {
            for (String name : new ArrayList<>(allNamesOf(p.whole()))) {
                if (isCrossing(name)) {
                    continue;
                }
                Map<String, Double> sum = new HashMap<>();
                add(sum, name, 1);
                for (String part : p.parts()) {
                    add(sum, sameFor(name, part), -1);
                }
                equal(sum, 0);
            }
        }
        for (Subset s : subsets) {
            for (String name : new ArrayList<>(allNamesOf(s.whole()))) {
                if (isCrossing(name)) {
                    continue;
                }
                Map<String, Double> difference = new HashMap<>();
                add(difference, sameFor(name, s.part()), 1);
                add(difference, name, -1);
                atMost.add(difference);
            }
        }
    }

    /** Every figure and piece of an indicator the relations name. */
    private Set<String> allNamesOf(String indicator) {
        Set<String> names = new LinkedHashSet<>();
        for (String f : truth.keySet()) {
            if (f.startsWith(indicator + "|")) {
                names.add(f);
            }
        }
        for (String u : new ArrayList<>(unknowns.keySet())) {
            if (u.startsWith(indicator + "|") || u.startsWith("piece:" + indicator + "|")) {
                names.add(u);
            }
        }
        return names;
    }

    /** The same figure or piece of another indicator. */
    private String sameFor(String name, String indicator) {
        String rest = name.substring(name.indexOf('|'));
        if (name.startsWith("piece:")) {
            String piece = "piece:" + indicator + rest;
            unknown(piece);
            return piece;
        }
        return indicator + rest;
    }

    /** Breakdowns add up to their totals; over time, they are the unknown breakdowns of the pieces of the period. */
    private void relateBreakdown(String indicator, String by, Set<String> periods) {
        Set<String> keys = keysOf.getOrDefault(by, Set.of());
        Set<String> pieces = new TreeSet<>();
        for (String period : periods) {
            if (!given.contains(period + "|" + by)) {
                continue;
            }
            Map<String, Double> total = new HashMap<>();
            add(total, figure(indicator, period, "", ""), -1);
            for (String key : keys) {
                add(total, figure(indicator, period, by, key), 1);
                Map<String, Double> made = new HashMap<>();
                add(made, figure(indicator, period, by, key), 1);
                for (String piece : piecesOf(period)) {
                    add(made, piece(indicator, piece, by, key), -1);
                    pieces.add(piece);
                }
                equal(made, 0);
            }
            equal(total, 0);
        }
        for (String piece : pieces) {
            Map<String, Double> sum = new HashMap<>();
            for (String key : keys) {
                add(sum, piece(indicator, piece, by, key), 1);
            }
            for (String month : monthsOfPiece(piece)) {
                add(sum, figure(indicator, month, "", ""), -1);
            }
            equal(sum, 0);
        }
    }

    /**
     * Cross-tabulations add up to their breakdowns of the same year, row by row and column by column. A table with
     * every cell shown says that much about its breakdowns, and joins the main programme; one with hidden cells says
     * nothing about them that counts being non-negative does not (any breakdowns with equal totals fill such a table),
     * and is attacked on its own, with its breakdowns bounded by the main programme ({@link #crossingBounds}).
     */
    private void relateCrossing(String indicator, String[] dims, Set<String> periods) {
        String by = dims[0] + "," + dims[1];
        Set<String> rows = keysOf.getOrDefault(dims[0], Set.of());
        Set<String> columns = keysOf.getOrDefault(dims[1], Set.of());
        for (String period : periods) {
            if (!given.contains(period + "|" + by)) {
                continue;
            }
            boolean allShown = true;
            for (String row : rows) {
                for (String column : columns) {
                    allShown &= !unknowns.containsKey(figure(indicator, period, by, row + "," + column));
                }
            }
            List<Map<String, Double>> sums = new ArrayList<>();
            for (String row : rows) {
                Map<String, Double> sum = new HashMap<>();
                for (String column : columns) {
                    add(sum, figure(indicator, period, by, row + "," + column), 1);
                }
                add(sum, figure(indicator, period, dims[0], row), -1);
                sums.add(sum);
            }
            for (String column : columns) {
                Map<String, Double> sum = new HashMap<>();
                for (String row : rows) {
                    add(sum, figure(indicator, period, by, row + "," + column), 1);
                }
                add(sum, figure(indicator, period, dims[1], column), -1);
                sums.add(sum);
            }
            if (allShown) {
                sums.forEach(sum -> equal(sum, 0));
            } else {
                crossingSums.computeIfAbsent(period + "|" + by, k -> new ArrayList<>()).addAll(sums);
            }
        }
    }

    /** A breakdown in the Home Office's categories gathers the local keys that map to each of its keys. */
    private void relateRecode(Recode recode) {
        for (String name : new ArrayList<>(unknowns.keySet())) {
            String[] parts = name.split("\\|", -1);
            if (!parts[0].startsWith("piece:") || !parts[3].equals(recode.homeOffice())) {
                continue;
            }
            Map<String, Double> sum = new HashMap<>();
            add(sum, name, 1);
            for (String key : keysOf.getOrDefault(recode.local(), Set.of())) {
                if (parts[4].equals(recode.map().apply(key))) {
                    add(sum, String.join("|", parts[0], parts[1], parts[2], recode.local(), key), -1);
                }
            }
            equal(sum, 0);
        }
    }

    private static String figure(String indicator, String period, String by, String key) {
        return indicator + "|" + period + "|" + by + "|" + key;
    }

    private String piece(String indicator, String piece, String by, String key) {
        String name = String.join("|", "piece:" + indicator, piece, "", by, key);
        unknown(name);
        return name;
    }

    private void unknown(String name) {
        unknowns.putIfAbsent(name, unknowns.size());
    }

    /**
     * A term of a relation: a figure read (its value when shown, 0 when a breakdown did not list its key) or an
     * unknown.
     */
    private void add(Map<String, Double> sum, String name, double coefficient) {
        sum.merge(name, coefficient, Double::sum);
    }

    private void equal(Map<String, Double> sum, double value) {
        equalities.add(sum);
        equalTo.add(value);
    }

    // --- bounds ----------------------------------------------------------------------------------------------------

    private static boolean isCrossing(String figure) {
        return figure.split("\\|", -1)[2].contains(",");
    }

    private final Map<String, double[]> marginBounds = new HashMap<>();

    /** The bounds of a figure another programme takes as given (computed once: its own programme may need others). */
    private double[] marginOf(String name) {
        double[] known = marginBounds.get(name);
        if (known == null) {
            known = bounds(name);
            marginBounds.put(name, known);
        }
        return known;
    }

    /**
     * A hidden cell of a cross-tabulation: the programme of its table in every measure (the relations between
     * measures hold cell by cell), with each hidden breakdown cell it adds up to within the bounds the main programme
     * gives it.
     */
    private double[] crossingBounds(String target) {
        String[] parts = target.split("\\|", -1);
        String table = parts[1] + "|" + parts[2];
        List<Map<String, Double>> sums = crossingSums.getOrDefault(table, List.of());
        Map<String, Integer> index = new LinkedHashMap<>();
        for (Map<String, Double> sum : sums) {
            for (String name : sum.keySet()) {
                if (unknowns.containsKey(name)) {
                    index.putIfAbsent(name, index.size());
                }
            }
        }
        List<LinearConstraint> constraints = new ArrayList<>();
        for (Map<String, Double> sum : sums) {
            constraints.add(constraint(sum, index, Relationship.EQ, 0));
        }
        for (String name : new ArrayList<>(index.keySet())) {
            if (!isCrossing(name)) {
                double[] range = marginOf(name);
                double[] row = new double[index.size()];
                row[index.get(name)] = 1;
                constraints.add(new LinearConstraint(row, Relationship.GEQ, range[0]));
                if (range[1] < Double.POSITIVE_INFINITY) {
                    constraints.add(new LinearConstraint(row.clone(), Relationship.LEQ, range[1]));
                }
            }
        }
        for (Partition p : partitions) {
            for (String name : new ArrayList<>(index.keySet())) {
                if (name.startsWith(p.whole() + "|") && isCrossing(name)) {
                    Map<String, Double> sum = new HashMap<>();
                    add(sum, name, 1);
                    p.parts().forEach(part -> add(sum, sameFor(name, part), -1));
                    constraints.add(constraint(sum, index, Relationship.EQ, 0));
                }
            }
        }
        for (Subset sub : subsets) {
            for (String name : new ArrayList<>(index.keySet())) {
                if (name.startsWith(sub.whole() + "|") && isCrossing(name)) {
                    Map<String, Double> difference = new HashMap<>();
                    add(difference, sameFor(name, sub.part()), 1);
                    add(difference, name, -1);
                    constraints.add(constraint(difference, index, Relationship.LEQ, 0));
                }
            }
        }
        largestProgramme = Math.max(largestProgramme, index.size());
        double[] objective = new double[index.size()];
        objective[index.get(target)] = 1;
        return new double[] { optimum(objective, constraints, GoalType.MINIMIZE),
                optimum(objective, constraints, GoalType.MAXIMIZE) };
    }

    /** A relation over the unknowns of {@code index}; known terms move to the right-hand side. */
    private LinearConstraint constraint(Map<String, Double> terms, Map<String, Integer> index, Relationship relationship,
            double value) {
        double[] row = new double[index.size()];
        double constant = value;
        for (Map.Entry<String, Double> term : terms.entrySet()) {
            Integer i = index.get(term.getKey());
            if (i != null) {
                row[i] += term.getValue();
            } else {
                Double known = valueOf(term.getKey());
                constant -= term.getValue() * (known == null ? 0 : known);
            }
        }
        return new LinearConstraint(row, relationship, constant);
    }

    /**
     * What the relations settle on their own, before any linear programme: a sum of unknowns with positive weights
     * equal to 0 makes each 0 (counts are not negative), and a relation with one unknown left gives its value. Each
     * is then known; repeated until nothing more follows.
     */
    private void presolve() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int e = 0; e < equalities.size(); e++) {
                double constant = equalTo.get(e);
                List<Map.Entry<String, Double>> open = new ArrayList<>();
                for (Map.Entry<String, Double> term : equalities.get(e).entrySet()) {
                    Double value = valueOf(term.getKey());
                    if (value != null) {
                        constant -= term.getValue() * value;
                    } else if (Math.abs(term.getValue()) > 1e-12) {
                        open.add(term);
                    }
                }
                if (open.isEmpty()) {
                    continue;
                }
                boolean allPositive = open.stream().allMatch(t -> t.getValue() > 0);
                boolean allNegative = open.stream().allMatch(t -> t.getValue() < 0);
                if ((allPositive || allNegative) && Math.abs(constant) < 1e-9) {
                    open.forEach(t -> settle(t.getKey(), 0.0));
                    changed = true;
                } else if (open.size() == 1) {
                    settle(open.get(0).getKey(), constant / open.get(0).getValue());
                    changed = true;
                }
            }
        }
    }

    /** An unknown the relations determine: known from now on, as if shown (it is not a hidden figure's protection). */
    private void settle(String name, double value) {
        unknowns.remove(name);
        known.put(name, value);
    }

    /**
     * The smallest and largest value the figure can have, given every relation of its family and what is shown. A
     * family is the totals, or one dimension with its Home Office recode (with the totals), across measures and
     * periods: solved exactly within itself; other dimensions reach it only through the totals, which it takes within
     * the bounds the totals' own programme gives them. (One programme for everything would be exact but too large for
     * the solver at hand.)
     */
    private double[] bounds(String target) {
        Set<String> family = familyOf(target);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String name : component(target, family)) {
            index.put(name, index.size());
        }
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int e = 0; e < equalities.size(); e++) {
            if (within(equalities.get(e), family)) {
                addIfTouching(constraints, equalities.get(e), index, Relationship.EQ, equalTo.get(e));
            }
        }
        for (Map<String, Double> difference : atMost) {
            if (within(difference, family)) {
                addIfTouching(constraints, difference, index, Relationship.LEQ, 0);
            }
        }
        if (!family.equals(Set.of(""))) {
            for (String name : new ArrayList<>(index.keySet())) {
                if (dimensionOf(name).isEmpty()) {
                    double[] range = marginOf(name);
                    double[] row = new double[index.size()];
                    row[index.get(name)] = 1;
                    constraints.add(new LinearConstraint(row, Relationship.GEQ, range[0]));
                    if (range[1] < Double.POSITIVE_INFINITY) {
                        constraints.add(new LinearConstraint(row.clone(), Relationship.LEQ, range[1]));
                    }
                }
            }
        }
        largestProgramme = Math.max(largestProgramme, index.size());
        double[] objective = new double[index.size()];
        objective[index.get(target)] = 1;
        return new double[] { optimum(objective, constraints, GoalType.MINIMIZE),
                optimum(objective, constraints, GoalType.MAXIMIZE) };
    }

    private void addIfTouching(List<LinearConstraint> constraints, Map<String, Double> terms, Map<String, Integer> index,
            Relationship relationship, double value) {
        if (terms.keySet().stream().anyMatch(index::containsKey)) {
            constraints.add(constraint(terms, index, relationship, value));
        }
    }

    /** The dimension a figure or piece breaks down by ("" for a total). */
    private static String dimensionOf(String name) {
        String[] parts = name.split("\\|", -1);
        return name.startsWith("piece:") ? parts[3] : parts[2];
    }

    /** The dimensions a figure's programme takes in: its own, its Home Office recode's, and the totals. */
    private Set<String> familyOf(String name) {
        String dimension = dimensionOf(name);
        Set<String> family = new java.util.HashSet<>(List.of("", dimension));
        for (Recode recode : recodes) {
            if (recode.homeOffice().equals(dimension)) {
                family.add(recode.local());
            }
            if (recode.local().equals(dimension)) {
                family.add(recode.homeOffice());
            }
        }
        return family;
    }

    /** Whether every unknown of a relation is of the family. */
    private boolean within(Map<String, Double> terms, Set<String> family) {
        for (String name : terms.keySet()) {
            if (unknowns.containsKey(name) && !family.contains(dimensionOf(name))) {
                return false;
            }
        }
        return true;
    }

    /** A figure's value when the reader knows it: shown, or a breakdown cell not listed (nobody under that key). */
    private Double valueOf(String name) {
        if (known.containsKey(name)) {
            return known.get(name);
        }
        if (unknowns.containsKey(name)) {
            return null;
        }
        return 0.0; // a figure never listed: nobody under that key (or a period the reader was not given: 0 is then
                    // what the attacker would assume at worst, which only helps them)
    }

    /** The unknowns of the family linked to the target through the family's relations. */
    private Set<String> component(String target, Set<String> family) {
        Map<String, List<Integer>> relationsOf = new HashMap<>();
        List<Map<String, Double>> all = new ArrayList<>(equalities);
        all.addAll(atMost);
        for (int r = 0; r < all.size(); r++) {
            if (!within(all.get(r), family)) {
                continue;
            }
            for (String name : all.get(r).keySet()) {
                if (unknowns.containsKey(name)) {
                    relationsOf.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
                }
            }
        }
        Set<String> reached = new LinkedHashSet<>();
        List<String> queue = new ArrayList<>(List.of(target));
        reached.add(target);
        while (!queue.isEmpty()) {
            String name = queue.remove(queue.size() - 1);
            for (int r : relationsOf.getOrDefault(name, List.of())) {
                for (String other : all.get(r).keySet()) {
                    if (unknowns.containsKey(other) && reached.add(other)) {
                        queue.add(other);
                    }
                }
            }
        }
        return reached;
    }

    private static double optimum(double[] objective, List<LinearConstraint> constraints, GoalType goal) {
        try {
            PointValuePair solution = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(200_000),
                    new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(constraints), goal,
                    new NonNegativeConstraint(true));
            return solution.getValue();
        } catch (UnboundedSolutionException e) {
            return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        } catch (NoFeasibleSolutionException e) {
            throw new AssertionError("The figures read are inconsistent with each other", e);
        } catch (TooManyIterationsException e) {
            throw new AssertionError("The linear programme did not converge", e);
        }
    }
}
