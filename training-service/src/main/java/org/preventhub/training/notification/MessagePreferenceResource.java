package org.preventhub.training.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.platform.idempotency.IdempotentRequests;
import org.preventhub.platform.security.Roles;
import org.preventhub.training.booking.BookingSecrets;

/** A person declines (or takes back) optional messages, proving with their booking's secret that they hold it. */
@Path("/bookings")
@Tag(name = "Messages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MessagePreferenceResource {

    private final MessagePreferences preferences;
    private final IdempotentRequests idempotency;

    public MessagePreferenceResource(MessagePreferences preferences, IdempotentRequests idempotency) {
        this.preferences = preferences;
        this.idempotency = idempotency;
    }

    @PUT
    @Path("/{reference}/message-preferences")
    @RolesAllowed({ Roles.BOOKING, Roles.TRAINER, Roles.PREVENT_LEAD })
    @Operation(summary = "Decline or accept optional messages",
            description = "Sets whether the person holding this booking gets reminders the day before their sessions, "
                    + "for all their bookings (by their e-mail address). Every message says why it was sent and links "
                    + "here. The attendee (through the booking website) proves the booking is theirs with its secret; "
                    + "staff of the agency running its session need none.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MessagePreferenceRequest.class),
            examples = @ExampleObject(name = "no reminders", value = "{\"secret\": \"q3Vh1xYcTj2cW0m9aQ7sZg\", \"reminders\": false}")))
    @APIResponse(responseCode = "200", description = "The preferences now in force.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessagePreferenceResponse.class),
            examples = @ExampleObject(name = "no reminders", value = "{\"reminders\": false}")))
    @APIResponse(responseCode = "404", description = "No booking has this reference, or the secret is not its secret: "
            + "the two are answered alike.")
    public Response set(@PathParam("reference") String reference,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull MessagePreferenceRequest request) {
        return idempotency.execute(key, "PUT /bookings/" + reference + "/message-preferences", request,
                () -> Response.ok(new MessagePreferenceResponse(preferences.setForBooking(reference, request.secret(),
                        request.reminders()).orElseThrow(BookingSecrets::noSuchBooking))).build());
    }
}
