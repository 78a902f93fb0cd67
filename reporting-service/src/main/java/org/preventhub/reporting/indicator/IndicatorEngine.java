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

import jakarta.enterprise.context.ApplicationScoped;

import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.reference.ReferenceDataConfig;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.security.Roles;
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
 * the active projection, for a period, its previous period, a breakdown or a cross-tabulation, and a monthly series.
 *
 * <p>Figures about people referred are disclosure-controlled for everyone but the Prevent lead: they come from
 * {@link ReferralFigures}, which protects every figure such a reader can ask for at once.
 */
@ApplicationScoped
public class IndicatorEngine {

    private static final String PERIOD_END = "<period-end";

    private final AgroalDataSource dataSource;
    private final Generations generations;
    private final CurrentUser user;
    private final ReferenceDataConfig reference;
    private final ReferralFigures referrals;

    public IndicatorEngine(AgroalDataSource dataSource, Generations generations, CurrentUser user,
            ReferenceDataConfig reference, ReferralFigures referrals) {
        this.dataSource = dataSource;
        this.generations = generations;
        this.user = user;
        this.reference = reference;
        this.referrals = referrals;
    }

    public boolean seesSmallNumbers() {
        return user.hasRole(Roles.PREVENT_LEAD);
    }

    /** Whether the caller gets this indicator's figures suppressed where small. */
    public boolean controlled(IndicatorDefinition d) {
        return d.countsPeopleReferred() && !seesSmallNumbers();
    }

    /** Whether the caller may have this indicator's total for this period (see {@link ReferralFigures}). */
    public boolean answerable(IndicatorDefinition d, ReportingPeriod period) {
        return !controlled(d) || (period.standard() && ReferralFigures.releasable(d));
    }

    /** Whether the caller may have this breakdown or cross-tabulation of the indicator for this period. */
    public boolean answerable(IndicatorDefinition d, ReportingPeriod period, String by) {
        if (!answerable(d, period)) {
            return false;
        }
        if (!controlled(d) || by == null) {
            return true;
        }
        return by.contains(",") ? period.kind().endsWith("year") : !period.kind().equals("month");
    }

    public IndicatorValues values(IndicatorDefinition d, ReportingPeriod period, String by) {
        Facts.Fact fact = Facts.of(d.fact());
        List<String> dimensions = breakdownOf(d, fact, by);
        if (controlled(d)) {
            referrals.requireReleasable(d, period, dimensions);
            return referrals.values(d, period, dimensions, this::meetsTarget);
        }
        Figure current = figure(d, fact, period);
        Figure previous = figure(d, fact, period.previous());
        Breakdown breakdown = dimensions.isEmpty() ? null : breakdown(d, fact, period, dimensions, current);
        return new IndicatorValues(d, period, current, comparison(period, previous, current), meetsTarget(d, current),
                breakdown, false);
    }

    /**
     * The dimensions of {@code by}: none, one, or two for a cross-tabulation ({@code a,b}), each one the indicator
     * lists (a cross-tabulation as such); 400 for anything else, before anything is computed.
     */
    static List<String> breakdownOf(IndicatorDefinition d, Facts.Fact fact, String by) {
        if (by == null || by.isBlank()) {
            return List.of();
        }
        List<String> dimensions = List.of(by.split(",", -1));
        if (dimensions.size() > 2) {
            throw ProblemException.invalidField("by", "one dimension, or two separated by a comma for a cross-tabulation");
        }
        if (!d.breakdowns().contains(by)) {
            throw ProblemException.invalidField("by", "this indicator breaks down by " + String.join(", ", d.breakdowns()
                    .stream().filter(b -> !b.contains(",")).toList()) + (d.breakdowns().stream().anyMatch(b -> b.contains(","))
                    ? " and cross-tabulates by " + String.join("; ", d.breakdowns().stream().filter(b -> b.contains(",")).toList())
                    : ""));
        }
        dimensions.forEach(fact::breakdown);
        return dimensions;
    }

    /**
     * The values every reader but the Prevent lead gets, whoever asks: what a published report freezes for its
     * readers, computed once, at publication, with the same disclosure control as an analyst's request.
     */
    public IndicatorValues readerValues(IndicatorDefinition d, ReportingPeriod period, String by) {
        if (!d.countsPeopleReferred()) {
            return values(d, period, by);
        }
        boolean total = period.standard() && ReferralFigures.releasable(d);
        boolean breakdown = by == null || (by.contains(",") ? period.kind().endsWith("year") : !period.kind().equals("month"));
        if (!total || !breakdown) {
            return withheld(d, period);
        }
        List<String> dimensions = breakdownOf(d, Facts.of(d.fact()), by);
        referrals.requireReleasable(d, period, dimensions);
        return referrals.values(d, period, dimensions, this::meetsTarget);
    }

    /** Every figure withheld: what a report shows a non-lead of a controlled indicator it may not have. */
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
            referrals.requireReleasable(d, period, List.of());
            for (YearMonth month = YearMonth.from(period.from()); !month.isAfter(YearMonth.from(period.to())); month = month.plusMonths(1)) {
                points.add(new SeriesPoint(month.toString(), referrals.total(d, ReportingPeriod.month(month))));
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
        for (String by : d.breakdowns()) {
            String[] dimensions = by.split(",", -1);
            if (dimensions.length > 2) {
                throw ProblemException.invalidField("breakdowns", "a breakdown is one dimension, or two for a cross-tabulation");
            }
            for (String dimension : dimensions) {
                fact.breakdown(dimension);
            }
        }
        if (fact.aboutPeopleReferred() && Boolean.FALSE.equals(d.aboutPeopleReferred())) {
            throw ProblemException.invalidField("aboutPeopleReferred",
                    "every indicator over " + fact.name() + " counts people referred; leave it out or set it to true");
        }
    }

    private static Comparison comparison(ReportingPeriod period, Figure previous, Figure current) {
        BigDecimal change = current.value() == null || previous.value() == null ? null : current.value().subtract(previous.value());
        return new Comparison(period.previous(), previous, change);
    }

    /** A count over time, month by month; not a snapshot at the end of the period. */
    private static boolean overTime(IndicatorDefinition d) {
        return d.dateColumn() != null && !d.filters().containsValue(PERIOD_END)
                && (d.denominatorFilters() == null || !d.denominatorFilters().containsValue(PERIOD_END));
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

    private Breakdown breakdown(IndicatorDefinition d, Facts.Fact fact, ReportingPeriod period, List<String> dimensions,
            Figure total) {
        List<String> groups = new ArrayList<>();
        for (String dimension : dimensions) {
            String expression = fact.breakdown(dimension);
            groups.add(expression.equals(Facts.UNNEST_CONCERNS) ? "d.k" : "f." + expression);
        }
        List<Cell> cells = new ArrayList<>();
        run(query(d, fact, period, groups), (keys, figure) -> cells.add(Cell.of(
                java.util.Arrays.stream(keys).map(k -> k == null ? "unknown" : k).toList(), figure)));
        return new Breakdown(String.join(",", dimensions), dimensions, cells, total);
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
            if (IndicatorFilters.KNOWN.equals(value)) {
                conditions.add(column + " IS NOT NULL");
            } else if (PERIOD_END.equals(value)) {
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
