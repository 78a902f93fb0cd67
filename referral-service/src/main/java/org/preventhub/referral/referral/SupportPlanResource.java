package org.preventhub.referral.referral;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.Roles;
import org.preventhub.platform.web.Versions;
import org.preventhub.referral.access.AccessLog;
import org.preventhub.platform.idempotency.IdempotentRequests;

@Path("/referrals")
@Tag(name = "Support plans", description = "A Channel case's intervention providers and actions, revision by revision.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SupportPlanResource {

    private final SupportPlanService plans;
    private final IdempotentRequests idempotency;

    public SupportPlanResource(SupportPlanService plans, IdempotentRequests idempotency) {
        this.plans = plans;
        this.idempotency = idempotency;
    }

    @GET
    @Path("/{id}/support-plan")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.CHANNEL_PANEL })
    @Operation(summary = "A case's support plan, with every revision",
            description = "For the Prevent lead, and for the members of the case's panel while it is open. Needs "
                    + "`X-Access-Purpose`; logged. 404 when there is no plan yet.")
    @APIResponse(responseCode = "200", description = "The plan; its `ETag` is the referral's version.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SupportPlanView.class)))
    public Response read(@PathParam("id") UUID id,
            @HeaderParam(AccessLog.PURPOSE_HEADER) @Parameter(description = "Why you read it; never personal data.",
                    required = true) String purpose) {
        SupportPlanView plan = plans.read(id, purpose)
                .orElseThrow(() -> ProblemException.notFound("A support plan of referral " + id));
        return Response.ok(plan).tag(Versions.etag(plan.version())).build();
    }

    @PUT
    @Path("/{id}/support-plan")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Revise a case's support plan",
            description = "While the case is in support (409 otherwise). The previous revisions are kept; the revision "
                    + "is recorded in the history with who, when and why, and logged. With `If-Match` (the referral's "
                    + "ETag), a revision on a stale read is 412; of two at once, one wins and the other is 409.")
    @APIResponse(responseCode = "200", description = "The revision recorded.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SupportPlanView.Change.class)))
    public Response revise(@PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "The referral's ETag you read; 412 if it changed since.") String ifMatch,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull SupportPlanRevision revision) {
        return idempotency.execute(key, "PUT /referrals/" + id + "/support-plan", revision, () -> {
            SupportPlanView.Change change = plans.revise(id, revision, Versions.fromIfMatch(ifMatch))
                    .orElseThrow(() -> ProblemException.notFound("Referral " + id));
            return Response.ok(change).tag(Versions.etag(change.version())).build();
        });
    }
}
