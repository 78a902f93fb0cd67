package org.preventhub.training.course;

import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.contracts.DeliveryMode;
import org.preventhub.contracts.Priority;

@Schema(description = "A course of the training catalogue.")
public record CourseRequest(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9][A-Z0-9-]*", message = "capital letters, digits and dashes")
        @Schema(example = "WRAP") String code,
        @NotBlank @Size(max = 200)
        @Schema(example = "Workshop to Raise Awareness of Prevent") String title,
        @Size(max = 4000)
        @Schema(example = "Home Office scripted awareness session for frontline staff.") String description,
        @NotNull @Schema(example = "AWARENESS_LEARNING") Priority priority,
        @NotBlank @Size(max = 200) @Schema(example = "Frontline staff of all sectors") String audience,
        @NotNull @Min(15) @Max(2880) @Schema(example = "90") Integer durationMinutes,
        @Size(max = 3) @NotEmpty @Schema(example = "[\"IN_PERSON\", \"ONLINE\"]") Set<@NotNull DeliveryMode> modes,
        @Schema(description = "Whether new sessions can be scheduled; defaults to true.", example = "true") Boolean active) {
}
