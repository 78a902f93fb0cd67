package org.preventhub.reporting.report;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.reporting.indicator.IndicatorDefinition;
import org.preventhub.reporting.indicator.IndicatorEngine;
import org.preventhub.reporting.indicator.IndicatorRepository;
import org.preventhub.reporting.indicator.Figures.IndicatorValues;
import org.preventhub.reporting.indicator.ReportingPeriod;

/**
 * The partnership's figures in the shape of the Home Office's release "Individuals referred to and supported through
 * the Prevent Programme" for one statistical year (April to March): referrals, those discussed at a Channel panel and
 * those adopted as cases, each in total, by the Home Office's type of concern and age group, gender, referring sector
 * and area, and crossed by type of concern. Every figure comes from the indicators, so a reader other than the Prevent
 * lead gets it disclosure-controlled exactly as in every other answer.
 */
@ApplicationScoped
public class HomeOfficeReturn {

    static final List<String> MEASURES = List.of("referrals.received", "referrals.discussed-at-panel", "referrals.adopted");
    static final List<String> TABLES = List.of("", "ho_concern_type", "ho_age_band", "gender", "referrer_sector", "area",
            "ho_concern_type,ho_age_band", "ho_concern_type,gender", "ho_concern_type,referrer_sector");

    private final IndicatorRepository indicators;
    private final IndicatorEngine engine;

    public HomeOfficeReturn(IndicatorRepository indicators, IndicatorEngine engine) {
        this.indicators = indicators;
        this.engine = engine;
    }

    @Schema(description = "The tables of the Home Office's Prevent statistics for a statistical year.")
    public record Return(ReportingPeriod period,
            @Schema(description = "Small counts, and figures that would reveal them, hidden ([c]) in this copy.")
            boolean disclosureControlled,
            @Schema(maxItems = 27) List<IndicatorValues> tables) {
    }

    public Return of(int year) {
        ReportingPeriod period = ReportingPeriod.statisticalYear(year);
        List<IndicatorValues> tables = new ArrayList<>();
        boolean controlled = false;
        for (String id : MEASURES) {
            IndicatorDefinition definition = indicators.find(id).orElse(null);
            if (definition == null) {
                continue; // a deployment that removed the indicator publishes without it
            }
            for (String by : TABLES) {
                if (!by.isEmpty() && !definition.breakdowns().contains(by)) {
                    continue;
                }
                IndicatorValues values = engine.values(definition, period, by.isEmpty() ? null : by);
                controlled |= values.disclosureControlled();
                tables.add(values);
            }
        }
        return new Return(period, controlled, tables);
    }
}
