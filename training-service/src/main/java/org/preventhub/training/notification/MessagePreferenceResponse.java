package org.preventhub.training.notification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The preferences now in force for the person holding the booking (for all their bookings).")
public record MessagePreferenceResponse(@Schema(example = "false") boolean reminders) {
}
