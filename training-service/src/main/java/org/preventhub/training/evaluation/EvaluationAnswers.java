package org.preventhub.training.evaluation;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The post-course form. From the attendee, with the booking's secret; from staff (paper forms), with the
 * attendance it belongs to.
 */
@Schema(description = "A post-course evaluation.")
public record EvaluationAnswers(
        @Schema(description = "Staff entering a paper form: the attendance it belongs to.") UUID attendanceId,
        @Size(max = 100) @Schema(description = "The attendee: the booking's secret.") String secret,
        @NotNull @Schema(description = "\"I understand how to share a concern about someone who may be vulnerable to radicalisation\"",
                example = "true") Boolean understandsHowToShareConcern,
        @NotNull @Min(1) @Max(5) @Schema(description = "Confidence before the course, 1 to 5.", example = "2") Integer confidenceBefore,
        @NotNull @Min(1) @Max(5) @Schema(description = "Confidence after the course, 1 to 5.", example = "4") Integer confidenceAfter,
        @NotNull @Min(1) @Max(5) @Schema(description = "How useful the course was, 1 to 5.", example = "5") Integer usefulness,
        @Size(max = 2000) @Schema(description = "Free comments (never published in events).") String comments) {
}
