package org.preventhub.reporting.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An indicator, as data: a measure ({@code count} or {@code sum:<column>}) over a fact, with filters (column to a
 * value, a list of values, or {@code "<period-end"}), an optional denominator (making it a percentage), a unit, a
 * direction, a target, the breakdowns it offers, and whether it counts people referred (then small numbers are
 * suppressed for everyone but the Prevent lead). That last follows from the fact: any indicator over
 * {@code referral_fact} counts people referred, whatever a definition says or leaves out.
 */
@Schema(description = "An indicator, defined as data.")
public record IndicatorDefinition(
        @NotBlank @Size(max = 80) @Pattern(regexp = "[a-z0-9.-]+") @Schema(example = "training.understands-concern") String id,
        @NotBlank @Size(max = 300) @Schema(example = "Evaluated attendees who understand how to share a concern") String name,
        @Size(max = 40) @NotBlank @Schema(example = "AWARENESS_LEARNING") String priority,
        @Size(max = 1000) String description,
        @Size(max = 60) @NotBlank @Schema(example = "evaluation_fact") String fact,
        @Size(max = 60) @Schema(description = "The date column the period filters on; none for a count at the end of the period.",
                example = "session_on") String dateColumn,
        @Size(max = 60) @NotBlank @Pattern(regexp = "count|sum:[a-z_]+") @Schema(example = "count") String measure,
        @NotNull @Schema(example = "{\"understands\": true}") Map<String, Object> filters,
        @Size(max = 60) @Pattern(regexp = "count|sum:[a-z_]+") String denominatorMeasure,
        Map<String, Object> denominatorFilters,
        @NotBlank @Size(max = 20) @Schema(example = "percent") String unit,
        @Size(max = 10) @NotBlank @Pattern(regexp = "UP|DOWN") @Schema(description = "Which way is better.", example = "UP") String direction,
        @Schema(example = "95") BigDecimal target,
        @Size(max = 2) @Pattern(regexp = ">=|<=") @Schema(example = ">=") String targetComparison,
        @Schema(description = "The dimensions it breaks down by; \"a,b\" for a cross-tabulation of a by b.")
        @Size(max = 20) @NotNull List<@Size(max = 60) String> breakdowns,
        @Schema(description = "Whether it counts people referred: small numbers are then suppressed for all but the "
                + "Prevent lead. Always true for an indicator over referral_fact (and may be left out then); "
                + "false for such an indicator is refused.") Boolean aboutPeopleReferred,
        @Min(0) @Max(10000) int displayOrder,
        long version) {

    public boolean isPercentage() {
        return denominatorMeasure != null;
    }

    /** Whether small numbers are suppressed: stated so, or implied by the fact. */
    public boolean countsPeopleReferred() {
        return Boolean.TRUE.equals(aboutPeopleReferred) || Facts.of(fact).aboutPeopleReferred();
    }

    /** The definition as stored: the flag made explicit. */
    public IndicatorDefinition normalised() {
        return new IndicatorDefinition(id, name, priority, description, fact, dateColumn, measure, filters,
                denominatorMeasure, denominatorFilters, unit, direction, target, targetComparison, breakdowns,
                countsPeopleReferred(), displayOrder, version);
    }
}
