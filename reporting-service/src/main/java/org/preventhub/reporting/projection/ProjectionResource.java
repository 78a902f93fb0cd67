package org.preventhub.reporting.projection;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.HeaderParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.preventhub.platform.security.Roles;
import org.preventhub.platform.idempotency.IdempotentRequests;

@Path("/projections/rebuild")
@Tag(name = "Projections", description = "Rebuilding every projection from the topics.")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectionResource {

    private final RebuildService rebuilds;
    private final IdempotentRequests idempotency;

    public ProjectionResource(RebuildService rebuilds, IdempotentRequests idempotency) {
        this.rebuilds = rebuilds;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Rebuild the projections from the topics",
            description = "The service keeps answering from the current projections until the new ones are complete.")
    @APIResponse(responseCode = "202", description = "Started; follow it at Location.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RebuildService.RebuildStatus.class)))
    public Response rebuild(
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key) {
        // The rebuild runs on a thread and connections of its own, so the key is claimed apart from it.
        return idempotency.executeApart(key, "POST /projections/rebuild", null,
                () -> Response.accepted(rebuilds.start()).location(URI.create("/projections/rebuild")).build());
    }

    @GET
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ADMIN })
    @Operation(summary = "How the last rebuild went")
    public RebuildService.RebuildStatus status() {
        return rebuilds.status();
    }
}
