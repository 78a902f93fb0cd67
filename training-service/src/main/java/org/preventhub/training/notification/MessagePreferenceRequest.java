package org.preventhub.training.notification;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What the person holding a booking wants to hear about, for all their bookings. Confirmations, "
        + "changes, cancellations and the evaluation form are always sent: they are needed to take part.")
public record MessagePreferenceRequest(
        @Size(max = 100) @Schema(description = "The booking's secret, given when it was made; staff may omit it.",
                example = "q3Vh1xYcTj2cW0m9aQ7sZg") String secret,
        @NotNull @Schema(description = "Whether to get a reminder the day before each session.", example = "false")
        Boolean reminders) {
}
