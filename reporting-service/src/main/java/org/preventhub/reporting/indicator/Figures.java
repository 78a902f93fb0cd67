package org.preventhub.reporting.indicator;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The results the indicator engine gives. A suppressed figure has no value, and says so. */
public final class Figures {

    public static final String SUPPRESSED_MARK = "[c]";

    private Figures() {
    }

    @Schema(description = "A figure. When suppressed (a small count about people referred), value is null and display is [c].")
    public record Figure(BigDecimal value, Long numerator, Long denominator, boolean suppressed,
            @Schema(maxLength = 40, example = "147") String display) {

        public static Figure of(BigDecimal value, Long numerator, Long denominator) {
            return new Figure(value, numerator, denominator, false, value == null ? "–" : value.toPlainString());
        }

        public Figure suppress() {
            return new Figure(null, null, null, true, SUPPRESSED_MARK);
        }
    }

    @Schema(description = "A cell of a breakdown or a cross-tabulation.")
    public record Cell(
            @Schema(maxLength = 200, description = "The cell's keys, joined by commas for a cross-tabulation.",
                    example = "rugby") String key,
            @Schema(maxItems = 2, description = "The cell's key in each dimension, in the order of the breakdown's.")
            List<@Size(max = 200) String> keys,
            Figure figure) {

        public static Cell of(List<String> keys, Figure figure) {
            return new Cell(String.join(",", keys), List.copyOf(keys), figure);
        }
    }

    @Schema(description = "A breakdown by one dimension, or a cross-tabulation by two.")
    public record Breakdown(@Schema(maxLength = 130, example = "concern_type,age_band") String by,
            @Schema(maxItems = 2) List<@Size(max = 60) String> dimensions, List<Cell> cells, Figure total) {
    }

    public record Comparison(ReportingPeriod period, Figure figure,
            @Schema(description = "This period's value minus the previous one's; null if either is suppressed.") BigDecimal change) {
    }

    @Schema(description = "An indicator's figure for a period, with the previous period, the target and a breakdown.")
    public record IndicatorValues(IndicatorDefinition indicator, ReportingPeriod period, Figure figure,
            Comparison previous,
            @Schema(description = "Whether the target is met (null without a target or a figure).") Boolean meetsTarget,
            Breakdown breakdown,
            @Schema(description = "Small counts hidden: true when some figure here is suppressed.") boolean disclosureControlled) {
    }

    public record SeriesPoint(@Schema(maxLength = 7, example = "2020-03") String month, Figure figure) {
    }

    public record Series(IndicatorDefinition indicator, ReportingPeriod period, List<SeriesPoint> points) {
    }
}
