package org.preventhub.referral.plan;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Intervention providers and actions with owners and dates.")
public record SupportPlan(
        @Size(max = 10) @Schema(example = "[\"Home Office intervention provider\", \"Youth mentor\"]") List<@NotBlank @Size(max = 200) String> providers,
        @Size(max = 50) List<@Valid @NotNull PlanAction> actions) {
}
