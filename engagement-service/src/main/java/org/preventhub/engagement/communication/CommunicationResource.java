package org.preventhub.engagement.communication;

import java.net.URI;
import java.util.UUID;
import java.util.List;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.engagement.communication.CommunicationDtos.CommunicationRequest;
import org.preventhub.engagement.communication.CommunicationDtos.CommunicationView;
import org.preventhub.engagement.api.Examples;
import org.preventhub.platform.idempotency.IdempotentRequests;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.Roles;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.Versions;

@Path("/communications")
@Tag(name = "Communications", description = "Newsletters, bulletins, social posts, web updates and press responses.")
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
    @Operation(summary = "Record a communication", description = "With the organisations it was issued with, as "
            + "organisers, partners or funders. Publishes `engagement.communication.published.v1` (with their types, not "
            + "who they are). Send an `Idempotency-Key` to retry safely.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CommunicationRequest.class), examples = @ExampleObject(name = "newsletter", value = Examples.COMMUNICATION_REQUEST)))
    @APIResponse(responseCode = "201", description = "Recorded; `Location` is its address.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CommunicationView.class), examples = @ExampleObject(name = "newsletter", value = Examples.COMMUNICATION)))
    public Response publish(
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = "Makes retries safe: a retry with the same "
                    + "key gets the first answer.") String key,
            @Valid @NotNull CommunicationRequest request) {
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
    @APIResponse(responseCode = "200", description = "One page of communications.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CommunicationPage.class), examples = @ExampleObject(name = "newsletters", value = Examples.COMMUNICATION_PAGE)))
    public Page<CommunicationView> list(@Valid @BeanParam CommunicationFilter filter, @Valid @BeanParam PageParams page) {
        return communications.list(filter, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ENGAGEMENT_OFFICER, Roles.PREVENT_LEAD, Roles.ANALYST, Roles.TRAINER, Roles.CHANNEL_PANEL,
            Roles.REFERRER })
    @Operation(summary = "Read a communication", description = "With its reach and partner organisations.")
    @APIResponse(responseCode = "200", description = "The communication.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CommunicationView.class), examples = @ExampleObject(name = "newsletter", value = Examples.COMMUNICATION)))
    public CommunicationView get(@PathParam("id") UUID id) {
        return communications.get(id).orElseThrow(() -> ProblemException.notFound("Communication " + id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.ENGAGEMENT_OFFICER, Roles.PREVENT_LEAD })
    @Operation(summary = "Correct a communication", description = "Replaces its details and partner organisations; "
            + "publishes the corrected record again, same id.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CommunicationRequest.class), examples = @ExampleObject(name = "newsletter", value = Examples.COMMUNICATION_REQUEST)))
    @APIResponse(responseCode = "200", description = "The corrected communication.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CommunicationView.class), examples = @ExampleObject(name = "newsletter", value = Examples.COMMUNICATION)))
    @APIResponse(responseCode = "412", description = "`If-Match` names an older version.")
    public Response update(@PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "The ETag you read; 412 if it changed since.") String ifMatch,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull CommunicationRequest request) {
        return idempotency.execute(key, "PUT /communications/" + id, request, () -> {
            CommunicationView view = communications.update(id, request, Versions.fromIfMatch(ifMatch))
                    .orElseThrow(() -> ProblemException.notFound("Communication " + id));
            return Response.ok(view).tag(Versions.etag(view.version())).build();
        });
    }
}
