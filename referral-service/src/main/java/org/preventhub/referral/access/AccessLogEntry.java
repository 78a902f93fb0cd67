package org.preventhub.referral.access;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One access to a referral.")
public record AccessLogEntry(long id, Instant at,
        @Schema(maxLength = 200, description = "Who: their user id (the token subject), as panels list their members.")
        String userId,
        @Schema(maxLength = 200) String actorName, @Schema(maxLength = 300) String actorRoles,
        @Schema(maxLength = 100) String actorAgency, UUID referralId, AccessAction action,
        @Schema(maxLength = 500, description = "Which fields were read or changed.", example = "person,prompt") String fields,
        @Schema(maxLength = 200, description = "The purpose the caller gave.", example = "Preparing the March Channel panel") String purpose,
        @Schema(maxLength = 64) String requestId) {
}
