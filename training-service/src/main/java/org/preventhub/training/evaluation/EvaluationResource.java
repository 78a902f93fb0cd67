package org.preventhub.training.evaluation;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.Roles;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.idempotency.IdempotentRequests;

import io.quarkus.security.Authenticated;

/** A session's evaluations: paper forms entered by staff, the list, and the figures. */
@Path("/sessions")
@Tag(name = "Evaluations", description = "Post-course evaluations and their figures against the 95% target.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EvaluationResource {

    private final EvaluationService evaluations;
    private final IdempotentRequests idempotency;

    public EvaluationResource(EvaluationService evaluations, IdempotentRequests idempotency) {
        this.evaluations = evaluations;
        this.idempotency = idempotency;
    }

    @POST
    @Path("/{sessionId}/evaluations")
    @RolesAllowed({ Roles.TRAINER, Roles.PREVENT_LEAD })
    @Operation(summary = "Enter paper evaluation forms",
            description = "Each form names the attendance it belongs to. All are stored, or none. "
                    + "Each publishes `training.evaluation.submitted.v1` (without the comments).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, maxItems = 500, implementation = EvaluationAnswers.class),
            examples = @ExampleObject(name = "paper", value = Examples.PAPER_FORMS)))
    @APIResponse(responseCode = "201", description = "Recorded.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, maxItems = 500, implementation = EvaluationResponse.class),
            examples = @ExampleObject(name = "paper", value = Examples.EVALUATIONS)))
    public Response paperForms(@PathParam("sessionId") UUID sessionId,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotEmpty @Size(max = 500) List<@Valid @NotNull EvaluationAnswers> forms) {
        return idempotency.execute(key, "POST /sessions/" + sessionId + "/evaluations", forms, () ->
                Response.status(Response.Status.CREATED).entity(evaluations.submitPaperForms(sessionId, forms))
                        .location(URI.create("/sessions/" + sessionId + "/evaluations")).build());
    }

    @GET
    @Path("/{sessionId}/evaluations")
    @RolesAllowed({ Roles.TRAINER, Roles.PREVENT_LEAD })
    @Operation(summary = "A session's evaluations, with comments",
            description = "Staff only (comments are free text). Paged; sort by submittedAt, understandsHowToShareConcern or usefulness.")
    @APIResponse(responseCode = "200", description = "One page of evaluations.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvaluationPage.class), examples = @ExampleObject(name = "evaluations", value = Examples.EVALUATION_PAGE)))
    public Page<EvaluationResponse> list(@PathParam("sessionId") UUID sessionId, @Valid @BeanParam PageParams page) {
        return evaluations.list(sessionId, page).orElseThrow(() -> ProblemException.notFound("Session " + sessionId));
    }

    @GET
    @Path("/{sessionId}/evaluation-summary")
    @Authenticated
    @Operation(summary = "A session's evaluation figures",
            description = "Responses, response rate, % who understand how to share a concern against the target, averages.")
    @APIResponse(responseCode = "200", description = "The figures.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvaluationSummary.class),
            examples = @ExampleObject(name = "figures", value = Examples.SUMMARY)))
    public EvaluationSummary sessionSummary(@PathParam("sessionId") UUID sessionId) {
        return evaluations.sessionSummary(sessionId).orElseThrow(() -> ProblemException.notFound("Session " + sessionId));
    }
}
