package org.preventhub.reporting.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.preventhub.reporting.action.ActionService;
import org.preventhub.reporting.action.ActionsInPeriod;
import org.preventhub.reporting.indicator.Figures.IndicatorValues;
import org.preventhub.reporting.indicator.Figures.Series;
import org.preventhub.reporting.indicator.IndicatorDefinition;
import org.preventhub.reporting.indicator.IndicatorEngine;
import org.preventhub.reporting.indicator.IndicatorRepository;
import org.preventhub.reporting.indicator.ReportingPeriod;
import org.preventhub.reporting.projection.Generations;

import io.agroal.api.AgroalDataSource;

/** Assembles the annual report from the indicators and the action plan, priority by priority. */
@ApplicationScoped
public class AnnualReportService {

    private final AgroalDataSource dataSource;
    private final IndicatorRepository indicators;
    private final IndicatorEngine engine;
    private final ActionService actions;
    private final Generations generations;

    public AnnualReportService(AgroalDataSource dataSource, IndicatorRepository indicators, IndicatorEngine engine,
            ActionService actions, Generations generations) {
        this.generations = generations;
        this.dataSource = dataSource;
        this.indicators = indicators;
        this.engine = engine;
        this.actions = actions;
    }

    public AnnualReport build(ReportingPeriod period) {
        List<AnnualReport.Section> sections = new ArrayList<>();
        boolean controlled = false;
        for (String[] priority : priorities()) {
            List<IndicatorValues> values = new ArrayList<>();
            List<IndicatorValues> crossed = new ArrayList<>();
            Series trend = null;
            for (IndicatorDefinition definition : indicators.forPriority(priority[1])) {
                String by = definition.breakdowns().stream().filter(b -> !b.contains(",")).findFirst().orElse(null);
                String crossing = definition.breakdowns().stream().filter(b -> b.contains(",")).findFirst().orElse(null);
                boolean answerable = engine.answerable(definition, period);
                if (!engine.answerable(definition, period, by)) {
                    by = null;
                }
                if (crossing != null && engine.answerable(definition, period, crossing)) {
                    IndicatorValues table = engine.values(definition, period, crossing);
                    controlled |= table.disclosureControlled();
                    crossed.add(table);
                }
                // Figures about people referred are not given to non-leads for arbitrary ranges: withheld here.
                IndicatorValues value = answerable ? engine.values(definition, period, by) : engine.withheld(definition, period);
                controlled |= value.disclosureControlled();
                values.add(value);
                if (trend == null && answerable && definition.dateColumn() != null && !definition.isPercentage()
                        && !definition.filters().containsValue("<period-end")) {
                    trend = engine.series(definition, period);
                }
            }
            sections.add(new AnnualReport.Section(Integer.parseInt(priority[0]), priority[1], priority[2], priority[3],
                    values, crossed, trend, ActionsInPeriod.of(actions.forPriority(priority[1]), period)));
        }
        return new AnnualReport("Prevent annual report", period, Instant.now(), controlled, sections, labels());
    }

    /** Titles for the codes bars and tables show: courses by their code, priorities by theirs. */
    private Map<String, Map<String, String>> labels() {
        Map<String, Map<String, String>> labels = new HashMap<>();
        labels.put("course", titles("SELECT code, title FROM " + generations.active() + ".course_dim WHERE title IS NOT NULL"));
        labels.put("priority", titles("SELECT code, title FROM priority"));
        return labels;
    }

    private Map<String, String> titles(String sql) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(sql);
                ResultSet rs = select.executeQuery()) {
            Map<String, String> titles = new HashMap<>();
            while (rs.next()) {
                titles.put(rs.getString(1), rs.getString(2));
            }
            return titles;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** number, code, title, aim, in the plan's order. */
    private List<String[]> priorities() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT number, code, title, aim FROM priority ORDER BY number");
                ResultSet rs = select.executeQuery()) {
            List<String[]> list = new ArrayList<>();
            while (rs.next()) {
                list.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) });
            }
            return list;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
