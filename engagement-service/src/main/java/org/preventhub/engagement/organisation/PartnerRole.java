package org.preventhub.engagement.organisation;

import jakarta.validation.constraints.Size;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner organisation's role in an event or a communication. */
@Schema(description = "A partner organisation's role in an event or a communication; an organisation may hold several "
        + "roles, each once.")
public record PartnerRole(
        @NotNull @Schema(example = "3f1c9a7e-2b4d-4c8e-9a51-6d0e8b7f2a10") UUID organisationId,
        @Size(max = 20) @NotBlank @Schema(description = "ORGANISER, PARTNER or FUNDER.", example = "ORGANISER") String role) {
}
