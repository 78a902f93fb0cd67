package org.preventhub.platform.reminder;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.platform.idempotency.IdempotentRequests;
import org.preventhub.platform.problem.ProblemException;

/**
 * A member of staff's own reminder choice. A service with reminders declares {@code
 * @Path("/me/reminder-preferences") class XReminderPreferenceResource extends ReminderPreferenceResource {}} and
 * {@code hub.reminders.roles}.
 */
@Tag(name = "Work reminders", description = "E-mail reminders of work falling due (a reference and a link, never "
        + "a name): each member of staff chooses a daily digest, immediate messages or none, for themself.")
// Each operation names its requirement and its roles: Quarkus derives them from @RolesAllowed for a class's own
// methods only, not for those a subclass inherits (InheritedOperationRolesTest keeps the two alike).
@Produces(MediaType.APPLICATION_JSON)
public abstract class ReminderPreferenceResource {

    private static final String EXAMPLE = "{\"delivery\": \"DAILY_DIGEST\", \"email\": \"panel-wcc@demo.prevent-hub.org\", "
            + "\"updatedAt\": \"2026-12-07T09:00:00Z\"}";

    @Schema(description = "How to send the caller's work reminders.")
    public record PreferenceRequest(@NotNull @Schema(description = "DAILY_DIGEST: one e-mail a day with everything "
            + "due; IMMEDIATE: an e-mail as soon as something falls due; OFF: none.", required = true) Delivery delivery) {
    }

    @Schema(description = "The caller's choice and the address reminders go to (their own, from their token).")
    public record PreferenceView(Delivery delivery, @Schema(maxLength = 254, example = "panel-wcc@demo.prevent-hub.org")
            String email, Instant updatedAt) {

        static PreferenceView of(ReminderPreferences.Choice choice) {
            return new PreferenceView(choice.delivery(), choice.email(), choice.updatedAt());
        }
    }

    @Inject
    ReminderPreferences preferences;

    @Inject
    IdempotentRequests idempotency;

    @SecurityRequirement(name = "bearer", scopes = "${hub.reminders.roles}")
    @GET
    @RolesAllowed("${hub.reminders.roles}")
    @Operation(summary = "My work reminders", description = "The caller's choice; 404 until they make one (until "
            + "then they get no reminders: the service knows no address for them).")
    @APIResponse(responseCode = "200", description = "The caller's choice.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreferenceView.class),
            examples = @ExampleObject(name = "digest", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "The caller has made no choice: no reminders.")
    public PreferenceView get() {
        return preferences.current().map(PreferenceView::of)
                .orElseThrow(() -> ProblemException.notFound("Reminder preferences"));
    }

    @SecurityRequirement(name = "bearer", scopes = "${hub.reminders.roles}")
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("${hub.reminders.roles}")
    @Operation(summary = "Choose how I get work reminders",
            description = "For the caller only: reminders go to the e-mail address of their token, for the roles "
                    + "it holds now (set it again after a change of roles or address). OFF also drops what waited "
                    + "for the next digest. Send an `Idempotency-Key` to retry safely.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PreferenceRequest.class),
            examples = @ExampleObject(name = "digest", value = "{\"delivery\": \"DAILY_DIGEST\"}")))
    @APIResponse(responseCode = "200", description = "The choice, as stored.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreferenceView.class),
            examples = @ExampleObject(name = "digest", value = EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The caller's token carries no e-mail address (`no-email-address`).")
    public Response put(@HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull PreferenceRequest request) {
        return idempotency.execute(key, "PUT /me/reminder-preferences", request,
                () -> Response.ok(PreferenceView.of(preferences.set(request.delivery()))).build());
    }
}
