package org.preventhub.training.evaluation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Evaluation figures of a session or a course.")
public record EvaluationSummary(
        @Schema(description = "People who attended (booked or walk-in).", example = "60") long attended,
        @Schema(description = "Evaluations received.", example = "57") long responses,
        @Schema(description = "responses / attended, in %.", example = "95.0") Double responseRatePercent,
        @Schema(description = "Share of responses answering yes to the key question, in %.", example = "98.2") Double understandsPercent,
        @Schema(description = "The local target for understandsPercent.", example = "95.0") double targetPercent,
        @Schema(description = "Whether understandsPercent reaches the target (null without responses).") Boolean meetsTarget,
        @Schema(example = "2.4") Double averageConfidenceBefore,
        @Schema(example = "4.3") Double averageConfidenceAfter,
        @Schema(example = "4.6") Double averageUsefulness) {
}
