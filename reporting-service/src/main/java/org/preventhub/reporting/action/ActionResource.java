package org.preventhub.reporting.action;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.preventhub.platform.idempotency.IdempotentRequests;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.Roles;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.Versions;
import org.preventhub.reporting.action.ActionDtos.ActionRequest;
import org.preventhub.reporting.action.ActionDtos.ActionView;
import org.preventhub.reporting.action.ActionDtos.ProgressRequest;

@Path("/actions")
@Tag(name = "Action plan", description = "Recommended actions per priority, with RAG status, progress and full history.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActionResource {

    private final ActionService actions;
    private final IdempotentRequests idempotency;

    public ActionResource(ActionService actions, IdempotentRequests idempotency) {
        this.actions = actions;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Add a recommended action")
    @APIResponse(responseCode = "201", description = "Added; `Location` is its address.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ActionView.class)))
    public Response create(@HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key, @Valid @NotNull ActionRequest request) {
        return idempotency.execute(key, "POST /actions", request, () -> {
            ActionView created = actions.create(request);
            return Response.created(URI.create("/actions/" + created.id())).entity(created)
                    .tag(Versions.etag(created.version())).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ANALYST, Roles.ADMIN, Roles.TRAINER, Roles.ENGAGEMENT_OFFICER, Roles.CHANNEL_PANEL })
    @Operation(summary = "The action plan", description = "Filter by priority and status; paged, sorted by priority, "
            + "due date and title unless sort names priority, title, dueOn, status, rag, ownerOrganisation or updatedAt.")
    public Page<ActionView> list(@QueryParam("priority") String priority, @QueryParam("status") String status,
            @Valid @BeanParam PageParams page) {
        return actions.list(priority, status, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ANALYST, Roles.ADMIN, Roles.TRAINER, Roles.ENGAGEMENT_OFFICER, Roles.CHANNEL_PANEL })
    @Operation(summary = "An action with its progress and history")
    @APIResponse(responseCode = "200", description = "The action; its `ETag` is the version to send in `If-Match`.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionView.class)))
    public Response get(@PathParam("id") UUID id) {
        ActionView action = actions.get(id).orElseThrow(() -> ProblemException.notFound("Action " + id));
        return Response.ok(action).tag(Versions.etag(action.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Change an action", description = "The change is kept in its history, before and after.")
    @APIResponse(responseCode = "200", description = "The changed action.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ActionView.class)))
    public Response update(@PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "The ETag you read; 412 if it changed since.") String ifMatch,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull ActionRequest request) {
        return idempotency.execute(key, "PUT /actions/" + id, request, () -> {
            ActionView action = actions.update(id, request, Versions.fromIfMatch(ifMatch))
                    .orElseThrow(() -> ProblemException.notFound("Action " + id));
            return Response.ok(action).tag(Versions.etag(action.version())).build();
        });
    }

    @POST
    @Path("/{id}/progress")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Record progress", description = "A dated note, and optionally a new status or RAG rating. "
            + "With Idempotency-Key, a retry records the note once and returns the first answer.")
    @APIResponse(responseCode = "200", description = "The action with its progress.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ActionView.class)))
    public Response progress(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull ProgressRequest request) {
        return idempotency.execute(key, "POST /actions/" + id + "/progress", request, () -> {
            ActionView action = actions.progress(id, request).orElseThrow(() -> ProblemException.notFound("Action " + id));
            return Response.ok(action).tag(Versions.etag(action.version())).build();
        });
    }
}
