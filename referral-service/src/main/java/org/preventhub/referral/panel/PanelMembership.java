package org.preventhub.referral.panel;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The caller as panels know them: the user id to list them by, and the panels they sit on.")
public record PanelMembership(
        @Schema(maxLength = 200, description = "The caller's user id (the token subject): what a panel's members and chair are listed by.")
        String userId,
        @Schema(maxLength = 200) String name,
        @Schema(maxLength = 100) String agency,
        @Schema(description = "The panels the caller sits on, earliest first.") List<UUID> panels) {
}
