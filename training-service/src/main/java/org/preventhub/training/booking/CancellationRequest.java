package org.preventhub.training.booking;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Proof that the caller holds the booking: the secret given when it was made. Staff may omit it.")
public record CancellationRequest(
        @Size(max = 100) @Schema(example = "q3Vh1xYcTj2cW0m9aQ7sZg") String secret) {
}
