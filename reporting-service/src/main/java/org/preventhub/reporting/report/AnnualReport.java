package org.preventhub.reporting.report;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.reporting.action.ActionDtos.ActionView;
import org.preventhub.reporting.indicator.Figures.IndicatorValues;
import org.preventhub.reporting.indicator.Figures.Series;
import org.preventhub.reporting.indicator.ReportingPeriod;

/** The annual report, organised as the seed report is: one section per priority, figures, then actions. */
@Schema(description = "The annual report for a period.")
public record AnnualReport(@Schema(maxLength = 300) String title, ReportingPeriod period, Instant generatedAt,
        @Schema(description = "Small counts about people referred are hidden ([c]) in this copy.") boolean disclosureControlled,
        @Schema(maxItems = 6) List<Section> sections) {

    public record Section(int number, @Schema(maxLength = 40) String priority, @Schema(maxLength = 300) String title,
            @Schema(maxLength = 500) String aim, List<IndicatorValues> indicators,
            @Schema(description = "Cross-tabulations of the section's indicators (the first each indicator lists).")
            List<IndicatorValues> crossTabulations,
            Series trend, List<ActionView> actions) {
    }
}
