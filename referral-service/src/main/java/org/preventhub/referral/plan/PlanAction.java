package org.preventhub.referral.plan;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.platform.validation.PlausibleDate;
import org.preventhub.platform.validation.PlausibleDate.Kind;

public record PlanAction(
        @NotBlank @Size(max = 500) @Schema(example = "Weekly mentoring sessions") String description,
        @NotBlank @Size(max = 200) @Schema(example = "Youth mentor") String owner,
        @NotNull @PlausibleDate(Kind.RECORD) @Schema(example = "2020-06-30") LocalDate due) {
}
