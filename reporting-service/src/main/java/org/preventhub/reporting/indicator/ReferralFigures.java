package org.preventhub.reporting.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.preventhub.platform.problem.ProblemException;
import org.preventhub.reporting.config.ReportingConfig;
import org.preventhub.reporting.indicator.Figures.Breakdown;
import org.preventhub.reporting.indicator.Figures.Cell;
import org.preventhub.reporting.indicator.Figures.Figure;
import org.preventhub.reporting.projection.Generations;

import io.agroal.api.AgroalDataSource;

/**
 * Figures about people referred for every reader but the Prevent lead, protected by {@link ReferralDisclosure} all
 * at once. What may leave the partnership this way: counts of the referrals received in a month (totals), a quarter
 * (totals and breakdowns) or a reporting or statistical year (and its cross-tabulations), by what has happened to
 * them since (the stages the indicators over {@code referral_fact} count by {@code received_on}). Other ranges, other
 * dates (exits, reviews) and counts at a moment are not released: they would be further equations on the same
 * people. The protection is recomputed when the referrals or the indicator definitions change, and kept meanwhile.
 */
@ApplicationScoped
public class ReferralFigures {

    /** The dimensions of a referral that breakdowns may name, in the order the cube keeps them. */
    static final List<String> DIMENSIONS = List.of("concern_type", "referrer_sector", "age_band", "gender", "area",
            "exit_outcome", "ho_concern_type", "ho_age_band");

    private final AgroalDataSource dataSource;
    private final Generations generations;
    private final ReportingConfig config;
    private final IndicatorRepository indicators;
    private volatile Cube cube;

    public ReferralFigures(AgroalDataSource dataSource, Generations generations, ReportingConfig config,
            IndicatorRepository indicators) {
        this.dataSource = dataSource;
        this.generations = generations;
        this.config = config;
        this.indicators = indicators;
    }

    /** The protected cells and the measures they were made for. */
    record Cube(String fingerprint, ReferralDisclosure disclosure, List<Map<String, Object>> measures) {

        int measure(Map<String, Object> filters) {
            return measures.indexOf(filters);
        }
    }

    /** Whether a reader other than the lead may have this indicator at all (a count by the day received). */
    static boolean releasable(IndicatorDefinition d) {
        return "received_on".equals(d.dateColumn()) && d.measure().equals("count") && !d.filters().containsValue(PERIOD_END)
                && (!d.isPercentage() || (d.denominatorMeasure().equals("count")
                        && (d.denominatorFilters() == null || !d.denominatorFilters().containsValue(PERIOD_END))));
    }

    static final String PERIOD_END = "<period-end";

    /** Refuses (403) what a reader other than the lead may not have; the lead asks the engine directly. */
    void requireReleasable(IndicatorDefinition d, ReportingPeriod period, List<String> by) {
        if (!releasable(d)) {
            throw ProblemException.forbidden("This figure about people referred is for the Prevent lead: only counts of the "
                    + "referrals received in a period, by what has happened to them since, are released to your role.");
        }
        if (!period.standard()) {
            throw ProblemException.forbidden("Figures about people referred are given to your role for months, quarters, "
                    + "reporting years and statistical years only: other ranges could be set against them to work out "
                    + "a small number.");
        }
        if (by.size() == 1 && period.kind().equals("month")) {
            throw ProblemException.forbidden("Breakdowns of figures about people referred are given to your role for "
                    + "quarters and years; a month has its total only.");
        }
        if (by.size() == 2 && !period.kind().endsWith("year")) {
            throw ProblemException.forbidden("Cross-tabulations of figures about people referred are given to your role "
                    + "for reporting and statistical years only.");
        }
    }

    /** The indicator's figure, its previous period's, and the breakdown, as a reader other than the lead sees them. */
    Figures.IndicatorValues values(IndicatorDefinition d, ReportingPeriod period, List<String> by,
            java.util.function.BiFunction<IndicatorDefinition, Figure, Boolean> target) {
        Cube c = current();
        Figure figure = figure(c, d, period, 0, -1, -1);
        Figure previous = figure(c, d, period.previous(), 0, -1, -1);
        Breakdown breakdown = by.isEmpty() ? null : breakdown(c, d, period, by, figure);
        boolean controlled = figure.suppressed() || previous.suppressed()
                || (breakdown != null && breakdown.cells().stream().anyMatch(x -> x.figure().suppressed()));
        java.math.BigDecimal change = figure.value() == null || previous.value() == null ? null
                : figure.value().subtract(previous.value());
        return new Figures.IndicatorValues(d, period, figure, new Figures.Comparison(period.previous(), previous, change),
                target.apply(d, figure), breakdown, controlled);
    }

    Figure total(IndicatorDefinition d, ReportingPeriod period) {
        return figure(current(), d, period, 0, -1, -1);
    }

    private Breakdown breakdown(Cube c, IndicatorDefinition d, ReportingPeriod period, List<String> by, Figure total) {
        ReferralDisclosure cells = c.disclosure();
        int first = DIMENSIONS.indexOf(by.get(0));
        int second = by.size() > 1 ? DIMENSIONS.indexOf(by.get(1)) : -1;
        int table = second < 0 ? cells.tableOf(first) : cells.tableOf(first, second);
        if (table < 0) {
            throw ProblemException.forbidden("This cross-tabulation of figures about people referred is not released "
                    + "to your role; the indicator lists those that are.");
        }
        List<Cell> out = new ArrayList<>();
        List<String> firstKeys = cells.vocabulary(first);
        List<String> secondKeys = second < 0 ? List.of("") : cells.vocabulary(second);
        for (int k1 = 0; k1 < firstKeys.size(); k1++) {
            for (int k2 = 0; k2 < secondKeys.size(); k2++) {
                Figure figure = figure(c, d, period, table, k1, second < 0 ? -1 : k2);
                boolean nobody = !figure.suppressed() && (figure.numerator() == null || figure.numerator() == 0)
                        && (figure.denominator() == null || figure.denominator() == 0);
                if (nobody) {
                    continue; // nobody under this key in this period, as a breakdown by SQL would show
                }
                List<String> keys = second < 0 ? List.of(firstKeys.get(k1)) : List.of(firstKeys.get(k1), secondKeys.get(k2));
                out.add(Cell.of(keys, figure));
            }
        }
        return new Breakdown(String.join(",", by), by, out, total);
    }

    private Figure figure(Cube c, IndicatorDefinition d, ReportingPeriod period, int table, int k1, int k2) {
        ReferralDisclosure cells = c.disclosure();
        int numerator = c.measure(d.filters());
        long n = cells.value(numerator, period, table, k1, k2);
        boolean hidden = cells.hidden(numerator, period, table, k1, k2);
        if (!d.isPercentage()) {
            Figure figure = Figure.of(BigDecimal.valueOf(n), n, null);
            return hidden ? figure.suppress() : figure;
        }
        int denominator = c.measure(denominatorFilters(d));
        long den = cells.value(denominator, period, table, k1, k2);
        hidden |= cells.hidden(denominator, period, table, k1, k2);
        Figure figure = den == 0 ? Figure.of(null, n, den)
                : Figure.of(BigDecimal.valueOf(n * 100.0 / den).setScale(1, RoundingMode.HALF_UP), n, den);
        return hidden ? figure.suppress() : figure;
    }

    private static Map<String, Object> denominatorFilters(IndicatorDefinition d) {
        return d.denominatorFilters() == null ? Map.of() : d.denominatorFilters();
    }

    // --- building the cube ---------------------------------------------------------------------------------------

    private Cube current() {
        List<IndicatorDefinition> releasable = indicators.all().stream()
                .filter(d -> Facts.of(d.fact()).aboutPeopleReferred() && releasable(d)).toList();
        String table = generations.active() + ".referral_fact";
        String fingerprint = fingerprint(table) + "|" + releasable.stream().map(d -> d.id() + ":" + d.version()).toList()
                + "|" + config.suppressBelow();
        Cube known = cube;
        if (known != null && known.fingerprint().equals(fingerprint)) {
            return known;
        }
        synchronized (this) {
            if (cube != null && cube.fingerprint().equals(fingerprint)) {
                return cube;
            }
            cube = build(fingerprint, table, releasable);
            return cube;
        }
    }

    private Cube build(String fingerprint, String table, List<IndicatorDefinition> releasable) {
        // The measures: every set of filters a releasable indicator counts (a percentage's numerator and denominator).
        // What is in a denominator and not its numerator is one of the groups the protection names.
        List<Map<String, Object>> measures = new ArrayList<>();
        for (IndicatorDefinition d : releasable) {
            add(measures, d.filters());
            if (d.isPercentage()) {
                add(measures, denominatorFilters(d));
            }
        }
        List<Map<String, Object>> rows = rows(table);
        List<TreeSet<String>> seen = new ArrayList<>();
        DIMENSIONS.forEach(x -> seen.add(new TreeSet<>()));
        List<String[]> values = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            String[] v = new String[DIMENSIONS.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = dimension(row, DIMENSIONS.get(i));
                seen.get(i).add(v[i]);
            }
            values.add(v);
        }
        List<List<String>> vocabularies = seen.stream().map(s -> (List<String>) new ArrayList<>(s)).toList();
        List<ReferralDisclosure.Referral> referrals = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Map<String, Object> row = rows.get(r);
            int mask = 0;
            for (int m = 0; m < measures.size(); m++) {
                if (IndicatorFilters.matches(measures.get(m), row)) {
                    mask |= 1 << m;
                }
            }
            int[] index = new int[DIMENSIONS.size()];
            for (int i = 0; i < index.length; i++) {
                index[i] = vocabularies.get(i).indexOf(values.get(r)[i]);
            }
            referrals.add(new ReferralDisclosure.Referral(YearMonth.from((LocalDate) row.get("received_on")), mask, index));
        }
        List<int[]> crossings = new ArrayList<>();
        for (IndicatorDefinition d : releasable) {
            for (String by : d.breakdowns()) {
                String[] pair = by.split(",");
                if (pair.length == 2 && DIMENSIONS.contains(pair[0]) && DIMENSIONS.contains(pair[1])) {
                    int[] dims = { DIMENSIONS.indexOf(pair[0]), DIMENSIONS.indexOf(pair[1]) };
                    if (crossings.stream().noneMatch(x -> x[0] == dims[0] && x[1] == dims[1])) {
                        crossings.add(dims);
                    }
                }
            }
        }
        long started = System.nanoTime();
        int[] derivedFrom = new int[DIMENSIONS.size()];
        java.util.Arrays.fill(derivedFrom, -1);
        // The Home Office's categories follow from the local codes: a reader knows one from the other.
        derivedFrom[DIMENSIONS.indexOf("ho_concern_type")] = DIMENSIONS.indexOf("concern_type");
        derivedFrom[DIMENSIONS.indexOf("ho_age_band")] = DIMENSIONS.indexOf("age_band");
        ReferralDisclosure disclosure = new ReferralDisclosure(referrals, measures.size(), vocabularies, crossings,
                derivedFrom, config.suppressBelow());
        LOG.infof("Disclosure control of %d referrals: %d figures with someone in them, %d hidden from readers other "
                + "than the Prevent lead, %d small figures protected, in %d ms", referrals.size(), disclosure.figures(),
                disclosure.hiddenFigures(), disclosure.protectedFigures(), (System.nanoTime() - started) / 1_000_000);
        return new Cube(fingerprint, disclosure, measures);
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ReferralFigures.class);

    private static void add(List<Map<String, Object>> measures, Map<String, Object> filters) {
        if (!measures.contains(filters)) {
            if (measures.size() >= 30) {
                throw new IllegalStateException("More than 30 releasable measures about people referred");
            }
            measures.add(filters);
        }
    }

    /** A referral's value of a dimension; the concern type is the first named, the one the referrer raised. */
    static String dimension(Map<String, Object> row, String name) {
        Object value = name.equals("concern_type") ? first(row.get("concern_types")) : row.get(name);
        return value == null ? "unknown" : value.toString();
    }

    private static Object first(Object concerns) {
        return concerns instanceof String[] list && list.length > 0 ? list[0] : null;
    }

    private String fingerprint(String table) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*), max(last_event_at)::text FROM " + table); ResultSet rs = s.executeQuery()) {
            rs.next();
            return table + ":" + rs.getLong(1) + ":" + Objects.toString(rs.getString(2));
        } catch (SQLException e) {
            throw new IllegalStateException("Referral figures could not be read", e);
        }
    }

    private List<Map<String, Object>> rows(String table) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT * FROM " + table + " ORDER BY received_on, pseudonym"); ResultSet rs = s.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    if (value instanceof java.sql.Date date) {
                        value = date.toLocalDate();
                    } else if (value instanceof Array array) {
                        value = (String[]) array.getArray();
                    }
                    row.put(meta.getColumnName(i), value);
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Referral figures could not be read", e);
        }
        return rows;
    }
}
