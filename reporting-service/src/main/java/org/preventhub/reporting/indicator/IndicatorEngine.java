package org.preventhub.reporting.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.reference.ReferenceDataConfig;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.security.Roles;
import org.preventhub.reporting.config.ReportingConfig;
import org.preventhub.reporting.indicator.Figures.Breakdown;
import org.preventhub.reporting.indicator.Figures.Cell;
import org.preventhub.reporting.indicator.Figures.Comparison;
import org.preventhub.reporting.indicator.Figures.Figure;
import org.preventhub.reporting.indicator.Figures.IndicatorValues;
import org.preventhub.reporting.indicator.Figures.Series;
import org.preventhub.reporting.indicator.Figures.SeriesPoint;
import org.preventhub.reporting.projection.Generations;

import io.agroal.api.AgroalDataSource;

/**
 * Computes indicators from their definitions: SQL built only from the names a {@link Facts} entry allows, over
 * the active projection, for a period, its previous period, a breakdown and a monthly series.
 *
 * <p>Figures about people referred are disclosure-controlled for everyone but the Prevent lead: only for standard
 * periods (months, quarters, reporting and statistical years; any other range could be set against them to
 * work out a small number), and computed from counts month by month over all the data, protected together by
 * {@link ProtectedCounts} so that no combination of the figures a caller can ask for reveals a hidden one.
 * A percentage is shown only when its numerator, its denominator and their difference would each be shown, and
 * its counts are never given when it is not.
 */
@ApplicationScoped
public class IndicatorEngine {

    private static final String PERIOD_END = "<period-end";

    private final AgroalDataSource dataSource;
    private final Generations generations;
    private final ReportingConfig config;
    private final CurrentUser user;
    private final ReferenceDataConfig reference;

    public IndicatorEngine(AgroalDataSource dataSource, Generations generations, ReportingConfig config, CurrentUser user,
            ReferenceDataConfig reference) {
        this.dataSource = dataSource;
        this.generations = generations;
        this.config = config;
        this.user = user;
        this.reference = reference;
    }

    public boolean seesSmallNumbers() {
        return user.hasRole(Roles.PREVENT_LEAD);
    }

    /** Whether the caller gets this indicator's figures suppressed where small. */
    public boolean controlled(IndicatorDefinition d) {
        return d.countsPeopleReferred() && !seesSmallNumbers();
    }

    /** Whether the caller may have this indicator for this period (see {@link #values}). */
    public boolean answerable(IndicatorDefinition d, ReportingPeriod period) {
        return !controlled(d) || period.standard();
    }

    public IndicatorValues values(IndicatorDefinition d, ReportingPeriod period, String by) {
        Facts.Fact fact = Facts.of(d.fact());
        if (by != null && !d.breakdowns().contains(by)) {
            throw ProblemException.invalidField("by", "this indicator breaks down by " + String.join(", ", d.breakdowns()));
        }
        if (!controlled(d)) {
            Figure current = figure(d, fact, period);
            Figure previous = figure(d, fact, period.previous());
            Breakdown breakdown = by == null ? null : breakdown(d, fact, period, by, current);
            return new IndicatorValues(d, period, current, comparison(period, previous, current), meetsTarget(d, current),
                    breakdown, false);
        }
        requireStandard(period);
        Protected now;
        Protected before;
        if (overTime(d)) {
            now = protect(d, fact, by, null);
            before = now;
        } else {
            now = protect(d, fact, by, period);
            before = protect(d, fact, null, period.previous());
        }
        Figure current = now.total(period);
        Figure previous = before.total(period.previous());
        Breakdown breakdown = by == null ? null : new Breakdown(by, now.cells(period), current);
        boolean controlled = current.suppressed() || previous.suppressed()
                || (breakdown != null && breakdown.cells().stream().anyMatch(c -> c.figure().suppressed()));
        return new IndicatorValues(d, period, current, comparison(period, previous, current), meetsTarget(d, current),
                breakdown, controlled);
    }

    /** Every figure withheld: what a report for a non-standard period shows a non-lead of a controlled indicator. */
    public IndicatorValues withheld(IndicatorDefinition d, ReportingPeriod period) {
        Figure hidden = Figure.of(null, null, null).suppress();
        return new IndicatorValues(d, period, hidden, new Comparison(period.previous(), hidden, null), null, null, true);
    }

    public Series series(IndicatorDefinition d, ReportingPeriod period) {
        Facts.Fact fact = Facts.of(d.fact());
        if (!overTime(d)) {
            throw ProblemException.unprocessable("no-series", "This indicator is a count at the end of a period; it has no monthly series.");
        }
        List<SeriesPoint> points = new ArrayList<>();
        if (controlled(d)) {
            requireStandard(period);
            Protected counts = protect(d, fact, null, null);
            for (YearMonth month = YearMonth.from(period.from()); !month.isAfter(YearMonth.from(period.to())); month = month.plusMonths(1)) {
                points.add(new SeriesPoint(month.toString(), counts.total(ReportingPeriod.month(month))));
            }
            return new Series(d, period, points);
        }
        Map<String, Figure> byMonth = new LinkedHashMap<>();
        run(query(d, fact, period, List.of(monthOf(fact, d))), (keys, figure) -> byMonth.put(keys[0], figure));
        for (YearMonth month = YearMonth.from(period.from()); !month.isAfter(YearMonth.from(period.to())); month = month.plusMonths(1)) {
            points.add(new SeriesPoint(month.toString(), byMonth.getOrDefault(month.toString(), value(d, 0L, d.isPercentage() ? 0L : null))));
        }
        return new Series(d, period, points);
    }

    public Boolean meetsTarget(IndicatorDefinition d, Figure figure) {
        if (d.target() == null || figure.value() == null || d.targetComparison() == null) {
            return null;
        }
        int comparison = figure.value().compareTo(d.target());
        return d.targetComparison().equals(">=") ? comparison >= 0 : comparison <= 0;
    }

    /** Checks a definition against the fact catalogue before it is stored. */
    public void validate(IndicatorDefinition d) {
        Facts.Fact fact = Facts.of(d.fact());
        if (d.dateColumn() != null) {
            column(fact, d.dateColumn());
        }
        measure(fact, d.measure());
        d.filters().keySet().forEach(c -> column(fact, c));
        if (d.denominatorMeasure() != null) {
            measure(fact, d.denominatorMeasure());
            if (d.denominatorFilters() != null) {
                d.denominatorFilters().keySet().forEach(c -> column(fact, c));
            }
        }
        d.breakdowns().forEach(fact::breakdown);
        if (fact.aboutPeopleReferred() && Boolean.FALSE.equals(d.aboutPeopleReferred())) {
            throw ProblemException.invalidField("aboutPeopleReferred",
                    "every indicator over " + fact.name() + " counts people referred; leave it out or set it to true");
        }
    }

    private static Comparison comparison(ReportingPeriod period, Figure previous, Figure current) {
        BigDecimal change = current.value() == null || previous.value() == null ? null : current.value().subtract(previous.value());
        return new Comparison(period.previous(), previous, change);
    }

    private static void requireStandard(ReportingPeriod period) {
        if (!period.standard()) {
            throw ProblemException.forbidden("Figures about people referred are given to your role for months, quarters, "
                    + "reporting years and statistical years only: other ranges could be set against them to work out "
                    + "a small number.");
        }
    }

    /** A count over time, month by month; not a snapshot at the end of the period. */
    private static boolean overTime(IndicatorDefinition d) {
        return d.dateColumn() != null && !d.filters().containsValue(PERIOD_END)
                && (d.denominatorFilters() == null || !d.denominatorFilters().containsValue(PERIOD_END));
    }

    // --- disclosure control ------------------------------------------------------------------------------------

    /** The protected counts of a controlled indicator: numerator, and for a percentage denominator and difference. */
    private record Protected(IndicatorDefinition d, ProtectedCounts numerator, ProtectedCounts denominator,
            ProtectedCounts complement) {

        Figure total(ReportingPeriod period) {
            boolean hidden = numerator.totalHidden(period) || (d.isPercentage()
                    && (denominator.totalHidden(period) || complement.totalHidden(period)));
            Figure figure = value(d, numerator.total(period), d.isPercentage() ? denominator.total(period) : null);
            return hidden ? figure.suppress() : figure;
        }

        List<Cell> cells(ReportingPeriod period) {
            List<Cell> cells = new ArrayList<>();
            List<String> keys = numerator.keys();
            for (int k = 0; k < keys.size(); k++) {
                long n = numerator.cell(k, period);
                Long den = d.isPercentage() ? denominator.cell(k, period) : null;
                if (n == 0 && (den == null || den == 0)) {
                    continue; // nobody under this key in this period, as a breakdown by SQL would show
                }
                boolean hidden = numerator.cellHidden(k, period) || (d.isPercentage()
                        && (denominator.cellHidden(k, period) || complement.cellHidden(k, period)));
                Figure figure = value(d, n, den);
                cells.add(new Cell(keys.get(k), hidden ? figure.suppress() : figure));
            }
            return cells;
        }
    }

    /**
     * Counts month by month over all the data ({@code snapshot} null), or the counts at the end of one period, by
     * the breakdown's keys, each figure a caller may ask for protected with the rest.
     */
    private Protected protect(IndicatorDefinition d, Facts.Fact fact, String by, ReportingPeriod snapshot) {
        List<String> slotBy = snapshot == null ? List.of(monthOf(fact, d)) : List.of();
        Map<String, long[]> totals = new TreeMap<>();
        run(query(d, fact, snapshot, slotBy), (keys, f) -> {
            if (snapshot != null || keys[0] != null) {
                totals.put(snapshot == null ? keys[0] : "", new long[] { f.numerator(), f.denominator() == null ? 0 : f.denominator() });
            }
        });
        Map<String, Map<String, long[]>> cells = new TreeMap<>();
        if (by != null) {
            String expression = fact.breakdown(by);
            List<String> groups = new ArrayList<>();
            groups.add(expression.equals(Facts.UNNEST_CONCERNS) ? "d.k" : "f." + expression);
            groups.addAll(slotBy);
            run(query(d, fact, snapshot, groups), (keys, f) -> {
                if (snapshot != null || keys[1] != null) {
                    cells.computeIfAbsent(keys[0] == null ? "unknown" : keys[0], k -> new TreeMap<>())
                            .put(snapshot == null ? keys[1] : "", new long[] { f.numerator(), f.denominator() == null ? 0 : f.denominator() });
                }
            });
        }
        ProtectedCounts.Timeline timeline;
        if (snapshot != null) {
            timeline = ProtectedCounts.Timeline.snapshot(snapshot);
        } else if (totals.isEmpty()) {
            timeline = ProtectedCounts.Timeline.months(YearMonth.of(2000, 1), YearMonth.of(2000, 1));
        } else {
            TreeSet<String> months = new TreeSet<>(totals.keySet());
            cells.values().forEach(m -> months.addAll(m.keySet()));
            timeline = ProtectedCounts.Timeline.months(YearMonth.parse(months.first()), YearMonth.parse(months.last()));
        }
        List<String> keys = new ArrayList<>(cells.keySet());
        // Cells are protected as if they added up to the total even where one referral can have several concern
        // types: the total less the other cells bounds a hidden one all the same.
        boolean partition = by != null;
        int threshold = config.suppressBelow();
        ProtectedCounts numerator = counts(timeline, snapshot, totals, keys, cells, 0, partition, threshold);
        if (!d.isPercentage()) {
            return new Protected(d, numerator, null, null);
        }
        return new Protected(d, numerator, counts(timeline, snapshot, totals, keys, cells, 1, partition, threshold),
                counts(timeline, snapshot, totals, keys, cells, 2, partition, threshold));
    }

    /** @param measure 0 the numerator, 1 the denominator, 2 the denominator less the numerator */
    private static ProtectedCounts counts(ProtectedCounts.Timeline timeline, ReportingPeriod snapshot,
            Map<String, long[]> totals, List<String> keys, Map<String, Map<String, long[]>> cells, int measure,
            boolean partition, int threshold) {
        long[] total = new long[timeline.slots];
        totals.forEach((slot, v) -> total[slotOf(timeline, snapshot, slot)] += pick(v, measure));
        long[][] byKey = new long[keys.size()][timeline.slots];
        for (int k = 0; k < keys.size(); k++) {
            long[] row = byKey[k];
            cells.get(keys.get(k)).forEach((slot, v) -> row[slotOf(timeline, snapshot, slot)] += pick(v, measure));
        }
        return ProtectedCounts.of(timeline, total, keys, byKey, partition, threshold);
    }

    private static int slotOf(ProtectedCounts.Timeline timeline, ReportingPeriod snapshot, String slot) {
        return snapshot != null ? 0 : timeline.slot(YearMonth.parse(slot));
    }

    private static long pick(long[] v, int measure) {
        return switch (measure) {
            case 0 -> v[0];
            case 1 -> v[1];
            default -> v[1] - v[0];
        };
    }

    // --- SQL -------------------------------------------------------------------------------------------------------

    private record Query(String sql, List<Object> params, IndicatorDefinition definition, int keys) {
    }

    private static String monthOf(Facts.Fact fact, IndicatorDefinition d) {
        return "to_char(date_trunc('month', f." + column(fact, d.dateColumn()) + "), 'YYYY-MM')";
    }

    private Figure figure(IndicatorDefinition d, Facts.Fact fact, ReportingPeriod period) {
        Figure[] result = { value(d, 0L, d.isPercentage() ? 0L : null) };
        run(query(d, fact, period, List.of()), (keys, figure) -> result[0] = figure);
        return result[0];
    }

    private Breakdown breakdown(IndicatorDefinition d, Facts.Fact fact, ReportingPeriod period, String by, Figure total) {
        String expression = fact.breakdown(by);
        List<Cell> cells = new ArrayList<>();
        run(query(d, fact, period, List.of(expression.equals(Facts.UNNEST_CONCERNS) ? "d.k" : "f." + expression)),
                (keys, figure) -> cells.add(new Cell(keys[0] == null ? "unknown" : keys[0], figure)));
        return new Breakdown(by, cells, total);
    }

    /**
     * @param period the days to count, or null for all of them
     * @param groupBy expressions to group by, in order (each row's keys come back in that order)
     */
    private Query query(IndicatorDefinition d, Facts.Fact fact, ReportingPeriod period, List<String> groupBy) {
        List<Object> params = new ArrayList<>();
        String table = fact.projected() ? generations.active() + "." + fact.name() : fact.name();
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < groupBy.size(); i++) {
            sql.append(groupBy.get(i)).append(" AS k").append(i).append(", ");
        }
        String numeratorFilter = d.isPercentage() ? conditions(fact, d.filters(), period, params) : null;
        sql.append(aggregate(fact, d.measure(), numeratorFilter));
        if (d.isPercentage()) {
            String denominatorFilter = conditions(fact, d.denominatorFilters() == null ? Map.of() : d.denominatorFilters(),
                    period, params);
            sql.append(", ").append(aggregate(fact, d.denominatorMeasure(), denominatorFilter));
        } else {
            sql.append(", NULL");
        }
        sql.append(" FROM ").append(table).append(" f");
        if (groupBy.contains("d.k")) {
            sql.append(" CROSS JOIN LATERAL unnest(f.concern_types) AS d(k)");
        }
        List<String> where = new ArrayList<>();
        if (d.dateColumn() != null && period != null) {
            where.add("f." + column(fact, d.dateColumn()) + " BETWEEN ? AND ?");
            params.add(Date.valueOf(period.from()));
            params.add(Date.valueOf(period.to()));
        }
        if (!d.isPercentage()) {
            String filter = conditions(fact, d.filters(), period, params);
            if (filter != null) {
                where.add(filter);
            }
        }
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        if (!groupBy.isEmpty()) {
            StringBuilder keys = new StringBuilder();
            for (int i = 0; i < groupBy.size(); i++) {
                keys.append(i == 0 ? "" : ", ").append("k").append(i);
            }
            sql.append(" GROUP BY ").append(keys).append(" ORDER BY ").append(keys);
        }
        // Parameters were collected in the order their placeholders appear: FILTER clauses, then WHERE.
        return new Query(sql.toString(), params, d, groupBy.size());
    }

    private static String aggregate(Facts.Fact fact, String measure, String filter) {
        String expression = measure(fact, measure);
        return filter == null ? expression : expression + " FILTER (WHERE " + filter + ")";
    }

    private static String measure(Facts.Fact fact, String measure) {
        if (measure.equals("count")) {
            return "count(*)";
        }
        if (measure.startsWith("sum:") && fact.sums().contains(measure.substring(4))) {
            return "coalesce(sum(f." + measure.substring(4) + "), 0)";
        }
        throw ProblemException.invalidField("measure", "count, or sum: of " + String.join(", ", fact.sums()));
    }

    private static String column(Facts.Fact fact, String column) {
        if (!fact.columns().contains(column)) {
            throw ProblemException.invalidField("filters", "unknown column '" + column + "' of " + fact.name());
        }
        return column;
    }

    private String conditions(Facts.Fact fact, Map<String, Object> filters, ReportingPeriod period, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        for (Map.Entry<String, Object> filter : filters.entrySet()) {
            String column = "f." + column(fact, filter.getKey());
            Object value = filter.getValue();
            if (PERIOD_END.equals(value)) {
                // Due before the end of the period, or before today while the period is not over: what is
                // due later has not been missed yet.
                LocalDate today = LocalDate.now(reference.timezone());
                LocalDate end = period.to().plusDays(1);
                conditions.add(column + " < ?");
                params.add(Date.valueOf(end.isBefore(today) ? end : today));
            } else if (value instanceof List<?> values) {
                conditions.add(column + "::text = ANY(?)");
                params.add(values.stream().map(String::valueOf).toArray(String[]::new));
            } else if (value == null) {
                conditions.add(column + " IS NULL");
            } else {
                conditions.add(column + "::text = ?");
                params.add(String.valueOf(value));
            }
        }
        return conditions.isEmpty() ? null : String.join(" AND ", conditions);
    }

    private interface RowSink {
        void accept(String[] keys, Figure figure);
    }

    private void run(Query query, RowSink sink) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(query.sql())) {
            for (int i = 0; i < query.params().size(); i++) {
                Object param = query.params().get(i);
                if (param instanceof String[] values) {
                    statement.setArray(i + 1, c.createArrayOf("text", values));
                } else {
                    statement.setObject(i + 1, param);
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String[] keys = new String[query.keys()];
                    for (int i = 0; i < keys.length; i++) {
                        keys[i] = rs.getString(i + 1);
                    }
                    long numerator = rs.getLong(query.keys() + 1);
                    Long denominator = rs.getObject(query.keys() + 2) == null ? null : rs.getLong(query.keys() + 2);
                    sink.accept(keys, value(query.definition(), numerator, denominator));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Indicator " + query.definition().id() + " could not be computed", e);
        }
    }

    private static Figure value(IndicatorDefinition d, long numerator, Long denominator) {
        if (!d.isPercentage()) {
            return Figure.of(BigDecimal.valueOf(numerator), numerator, null);
        }
        if (denominator == null || denominator == 0) {
            return Figure.of(null, numerator, denominator);
        }
        return Figure.of(BigDecimal.valueOf(numerator * 100.0 / denominator).setScale(1, RoundingMode.HALF_UP),
                numerator, denominator);
    }
}
