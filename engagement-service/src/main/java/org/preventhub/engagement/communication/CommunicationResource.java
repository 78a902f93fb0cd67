package org.preventhub.engagement.communication;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.engagement.communication.CommunicationDtos.CommunicationRequest;
import org.preventhub.engagement.communication.CommunicationDtos.CommunicationView;
import org.preventhub.platform.idempotency.IdempotentRequests;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.Roles;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.Versions;

@Path("/communications")
@Tag(name = "Communications", description = "Newsletters, bulletins, social posts, web updates and press responses.")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CommunicationResource {

    private final CommunicationService communications;
    private final IdempotentRequests idempotency;

    public CommunicationResource(CommunicationService communications, IdempotentRequests idempotency) {
        this.communications = communications;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({ Roles.ENGAGEMENT_OFFICER, Roles.PREVENT_LEAD })
    @Operation(summary = "Record a communication", description = "Publishes `engagement.communication.published.v1`.")
    @APIResponse(responseCode = "201", description = "Recorded.")
    public Response publish(@HeaderParam(IdempotentRequests.HEADER) String key, @Valid @NotNull CommunicationRequest request) {
        return idempotency.execute(key, "POST /communications", request, () -> {
            CommunicationView created = communications.publish(request);
            return Response.created(URI.create("/communications/" + created.id())).entity(created)
                    .tag(Versions.etag(created.version())).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.ENGAGEMENT_OFFICER, Roles.PREVENT_LEAD, Roles.ANALYST, Roles.TRAINER, Roles.CHANNEL_PANEL,
            Roles.REFERRER })
    @Operation(summary = "List communications",
            description = "By channel, priority, audience, incident response, partner and days published; paged, oldest first.")
    public Page<CommunicationView> list(@BeanParam CommunicationFilter filter, @Valid @BeanParam PageParams page) {
        return communications.list(filter, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ENGAGEMENT_OFFICER, Roles.PREVENT_LEAD, Roles.ANALYST, Roles.TRAINER, Roles.CHANNEL_PANEL,
            Roles.REFERRER })
    @Operation(summary = "Read a communication")
    public CommunicationView get(@PathParam("id") UUID id) {
        return communications.get(id).orElseThrow(() -> ProblemException.notFound("Communication " + id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.ENGAGEMENT_OFFICER, Roles.PREVENT_LEAD })
    @Operation(summary = "Correct a communication", description = "Publishes the corrected record again, same id.")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CommunicationRequest request) {
        CommunicationView view = communications.update(id, request, Versions.fromIfMatch(ifMatch))
                .orElseThrow(() -> ProblemException.notFound("Communication " + id));
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }
}
