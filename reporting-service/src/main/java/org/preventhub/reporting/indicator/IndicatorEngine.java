package org.preventhub.reporting.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.preventhub.platform.problem.ProblemException;
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
 * the active projection, for a period, its previous period, a breakdown and a monthly series; then disclosure
 * control for figures about people referred, unless the caller is the Prevent lead.
 */
@ApplicationScoped
public class IndicatorEngine {

    private final AgroalDataSource dataSource;
    private final Generations generations;
    private final ReportingConfig config;
    private final CurrentUser user;

    public IndicatorEngine(AgroalDataSource dataSource, Generations generations, ReportingConfig config, CurrentUser user) {
        this.dataSource = dataSource;
        this.generations = generations;
        this.config = config;
        this.user = user;
    }

    public boolean seesSmallNumbers() {
        return user.hasRole(Roles.PREVENT_LEAD);
    }

    public IndicatorValues values(IndicatorDefinition d, ReportingPeriod period, String by) {
        Facts.Fact fact = Facts.of(d.fact());
        boolean control = d.aboutPeopleReferred() && !seesSmallNumbers();
        Figure current = figure(d, fact, period);
        Figure previous = figure(d, fact, period.previous());
        Breakdown breakdown = by == null ? null : breakdown(d, fact, period, by, current);
        if (control) {
            current = Disclosure.figure(current, config.suppressBelow());
            previous = Disclosure.figure(previous, config.suppressBelow());
            if (breakdown != null) {
                breakdown = Disclosure.breakdown(by, breakdown.cells(), current, config.suppressBelow());
                current = breakdown.total();
            }
        }
        BigDecimal change = current.value() == null || previous.value() == null ? null
                : current.value().subtract(previous.value());
        boolean controlled = current.suppressed() || previous.suppressed()
                || (breakdown != null && breakdown.cells().stream().anyMatch(c -> c.figure().suppressed()));
        return new IndicatorValues(d, period, current, new Comparison(period.previous(), previous, change),
                meetsTarget(d, current), breakdown, controlled);
    }

    public Series series(IndicatorDefinition d, ReportingPeriod period) {
        Facts.Fact fact = Facts.of(d.fact());
        if (d.dateColumn() == null) {
            throw ProblemException.unprocessable("no-series", "This indicator is a count at the end of a period; it has no monthly series.");
        }
        Query query = query(d, fact, period, "to_char(date_trunc('month', f." + column(fact, d.dateColumn()) + "), 'YYYY-MM')");
        Map<String, Figure> byMonth = new LinkedHashMap<>();
        run(query, (key, figure) -> byMonth.put(key, figure));
        boolean control = d.aboutPeopleReferred() && !seesSmallNumbers();
        List<SeriesPoint> points = new ArrayList<>();
        for (YearMonth month = YearMonth.from(period.from()); !month.isAfter(YearMonth.from(period.to())); month = month.plusMonths(1)) {
            Figure figure = byMonth.getOrDefault(month.toString(), value(d, 0L, d.isPercentage() ? 0L : null));
            points.add(new SeriesPoint(month.toString(), control ? Disclosure.figure(figure, config.suppressBelow()) : figure));
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
    }

    // --- SQL -------------------------------------------------------------------------------------------------------

    private record Query(String sql, List<Object> params, IndicatorDefinition definition) {
    }

    private Figure figure(IndicatorDefinition d, Facts.Fact fact, ReportingPeriod period) {
        Figure[] result = { value(d, 0L, d.isPercentage() ? 0L : null) };
        run(query(d, fact, period, null), (key, figure) -> result[0] = figure);
        return result[0];
    }

    private Breakdown breakdown(IndicatorDefinition d, Facts.Fact fact, ReportingPeriod period, String by, Figure total) {
        if (!d.breakdowns().contains(by)) {
            throw ProblemException.invalidField("by", "this indicator breaks down by " + String.join(", ", d.breakdowns()));
        }
        String expression = fact.breakdown(by);
        List<Cell> cells = new ArrayList<>();
        run(query(d, fact, period, expression.equals(Facts.UNNEST_CONCERNS) ? "d.k" : "f." + expression),
                (key, figure) -> cells.add(new Cell(key == null ? "unknown" : key, figure)));
        return new Breakdown(by, cells, total);
    }

    private Query query(IndicatorDefinition d, Facts.Fact fact, ReportingPeriod period, String groupBy) {
        List<Object> params = new ArrayList<>();
        String table = fact.projected() ? generations.active() + "." + fact.name() : fact.name();
        StringBuilder sql = new StringBuilder("SELECT ").append(groupBy == null ? "NULL" : groupBy).append(" AS k, ");
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
        if (groupBy != null && groupBy.equals("d.k")) {
            sql.append(" CROSS JOIN LATERAL unnest(f.concern_types) AS d(k)");
        }
        List<String> where = new ArrayList<>();
        if (d.dateColumn() != null) {
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
        if (groupBy != null) {
            sql.append(" GROUP BY k ORDER BY k");
        }
        // Parameters were collected in the order their placeholders appear: FILTER clauses, then WHERE.
        return new Query(sql.toString(), params, d);
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

    private static String conditions(Facts.Fact fact, Map<String, Object> filters, ReportingPeriod period, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        for (Map.Entry<String, Object> filter : filters.entrySet()) {
            String column = "f." + column(fact, filter.getKey());
            Object value = filter.getValue();
            if ("<period-end".equals(value)) {
                conditions.add(column + " <= ?");
                params.add(Date.valueOf(period.to()));
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
        void accept(String key, Figure figure);
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
                    long numerator = rs.getLong(2);
                    Long denominator = rs.getObject(3) == null ? null : rs.getLong(3);
                    sink.accept(rs.getString(1), value(query.definition(), numerator, denominator));
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
