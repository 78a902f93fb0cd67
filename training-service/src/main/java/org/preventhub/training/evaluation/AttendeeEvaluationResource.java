package org.preventhub.training.evaluation;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.HeaderParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.preventhub.training.api.Examples;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.preventhub.platform.security.Roles;
import org.preventhub.training.booking.BookingSecrets;
import org.preventhub.platform.idempotency.IdempotentRequests;

/** The attendee's own evaluation, made with the booking's reference and secret. */
@Path("/bookings")
@Tag(name = "Evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AttendeeEvaluationResource {

    private final EvaluationService evaluations;
    private final IdempotentRequests idempotency;

    public AttendeeEvaluationResource(EvaluationService evaluations, IdempotentRequests idempotency) {
        this.evaluations = evaluations;
        this.idempotency = idempotency;
    }

    @POST
    @Path("/{reference}/evaluation")
    @RolesAllowed({ Roles.BOOKING, Roles.TRAINER, Roles.PREVENT_LEAD })
    @Operation(summary = "The attendee evaluates the session they attended",
            description = "With the booking's secret. One evaluation per attendance; a no-show cannot evaluate. "
                    + "Publishes `training.evaluation.submitted.v1` (without the comments).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvaluationAnswers.class),
            examples = @ExampleObject(name = "form", value = Examples.ATTENDEE_EVALUATION)))
    @APIResponse(responseCode = "201", description = "Recorded.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvaluationResponse.class), examples = @ExampleObject(name = "form", value = Examples.EVALUATION)))
    @APIResponse(responseCode = "404", description = "No booking has this reference, or the secret is not its secret: "
            + "the two are answered alike.")
    @APIResponse(responseCode = "403", description = "The caller's role does not allow this operation; or, for staff, "
            + "the secret is not the booking's.")
    public Response byAttendee(@PathParam("reference") String reference,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull EvaluationAnswers answers) {
        return idempotency.execute(key, "POST /bookings/" + reference + "/evaluation", answers, () -> {
            EvaluationResponse saved = evaluations.submitByAttendee(reference, answers)
                    .orElseThrow(BookingSecrets::noSuchBooking);
            return Response.created(URI.create("/sessions/" + saved.sessionId() + "/evaluations")).entity(saved).build();
        });
    }
}
