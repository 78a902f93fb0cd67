package org.preventhub.reporting.projection;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.platform.security.Roles;

@Path("/projections/rebuild")
@Tag(name = "Projections", description = "Rebuilding every projection from the topics.")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectionResource {

    private final RebuildService rebuilds;

    public ProjectionResource(RebuildService rebuilds) {
        this.rebuilds = rebuilds;
    }

    @POST
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Rebuild the projections from the topics",
            description = "The service keeps answering from the current projections until the new ones are complete.")
    @APIResponse(responseCode = "202", description = "Started; follow it at Location.")
    public Response rebuild() {
        return Response.accepted(rebuilds.start()).location(URI.create("/projections/rebuild")).build();
    }

    @GET
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ADMIN })
    @Operation(summary = "How the last rebuild went")
    public RebuildService.RebuildStatus status() {
        return rebuilds.status();
    }
}
