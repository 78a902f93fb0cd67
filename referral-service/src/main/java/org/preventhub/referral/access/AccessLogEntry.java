package org.preventhub.referral.access;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One access to a referral.")
public record AccessLogEntry(long id, Instant at, String actorId, String actorName, String actorRoles,
        String actorAgency, UUID referralId, AccessAction action,
        @Schema(description = "Which fields were read or changed.", example = "person,prompt") String fields,
        @Schema(description = "The purpose the caller gave.", example = "Preparing the March Channel panel") String purpose,
        String requestId) {
}
