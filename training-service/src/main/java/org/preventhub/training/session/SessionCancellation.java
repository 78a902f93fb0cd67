package org.preventhub.training.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Why a session is cancelled. Kept in the training service; events do not carry it.")
public record SessionCancellation(
        @NotBlank @Size(max = 500) @Schema(example = "Venue closed: COVID-19 restrictions") String reason) {
}
