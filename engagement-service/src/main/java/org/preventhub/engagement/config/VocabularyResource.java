package org.preventhub.engagement.config;

import jakarta.validation.constraints.Size;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.engagement.api.Examples;
import org.preventhub.platform.security.Roles;

@Path("/vocabulary")
@Tag(name = "Vocabulary", description = "The codes this deployment accepts.")
@Produces(MediaType.APPLICATION_JSON)
public class VocabularyResource {

    @Schema(description = "The codes this deployment accepts, including its own organisation and event types.")
    public record Codes(
            @Schema(maxItems = Vocabulary.MAX_CODES, example = "[\"FAITH_GROUP\", \"VOLUNTARY_SECTOR\", \"SCHOOL\"]")
            List<@Size(max = Vocabulary.MAX_CODE_LENGTH) String> organisationTypes,
            @Schema(maxItems = Vocabulary.MAX_CODES, example = "[\"PUBLIC_MEETING\", \"WORKSHOP\", \"SCHOOL_PROJECT\"]")
            List<@Size(max = Vocabulary.MAX_CODE_LENGTH) String> eventTypes,
            @Schema(maxItems = Vocabulary.MAX_CODES) List<@Size(max = Vocabulary.MAX_CODE_LENGTH) String> audiences,
            @Schema(maxItems = Vocabulary.MAX_CODES) List<@Size(max = Vocabulary.MAX_CODE_LENGTH) String> channels,
            @Schema(maxItems = Vocabulary.MAX_CODES) List<@Size(max = Vocabulary.MAX_CODE_LENGTH) String> attendanceCountedBy,
            @Schema(maxItems = Vocabulary.MAX_CODES) List<@Size(max = Vocabulary.MAX_CODE_LENGTH) String> partnerRoles,
            @Schema(maxItems = Vocabulary.MAX_CODES) List<@Size(max = Vocabulary.MAX_CODE_LENGTH) String> eventStatuses) {
    }

    private final Vocabulary vocabulary;

    public VocabularyResource(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    @GET
    @RolesAllowed({ Roles.ENGAGEMENT_OFFICER, Roles.PREVENT_LEAD, Roles.ANALYST, Roles.TRAINER, Roles.CHANNEL_PANEL,
            Roles.REFERRER })
    @Operation(summary = "The codes accepted for types, audiences, channels, counting methods and partner roles",
            description = "Including the deployment's own organisation and event types.")
    @APIResponse(responseCode = "200", description = "The codes.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = Codes.class),
            examples = @ExampleObject(name = "warwickshire", value = Examples.VOCABULARY)))
    public Codes codes() {
        return new Codes(vocabulary.organisationTypes(), vocabulary.eventTypes(), Vocabulary.AUDIENCES, Vocabulary.CHANNELS,
                Vocabulary.COUNTED_BY, Vocabulary.PARTNER_ROLES, List.of("PLANNED", "HELD", "POSTPONED", "CANCELLED"));
    }
}
