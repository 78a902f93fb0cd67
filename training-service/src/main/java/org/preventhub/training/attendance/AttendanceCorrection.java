package org.preventhub.training.attendance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A correction of a delivered session's attendance, with the reason (kept, not published).")
public record AttendanceCorrection(
        @NotNull @Schema(example = "true") Boolean attended,
        @NotBlank @Size(max = 500) @Schema(example = "Signed the paper register late") String reason) {
}
