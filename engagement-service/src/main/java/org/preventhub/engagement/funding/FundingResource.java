package org.preventhub.engagement.funding;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.engagement.funding.FundingDtos.AwardRequest;
import org.preventhub.engagement.funding.FundingDtos.AwardView;
import org.preventhub.engagement.funding.FundingDtos.ProjectRequest;
import org.preventhub.engagement.funding.FundingDtos.ProjectView;
import org.preventhub.engagement.funding.FundingDtos.StatusRequest;
import org.preventhub.platform.idempotency.IdempotentRequests;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.Roles;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.Versions;

/**
 * Funding (priority 2): awards from funders (partner organisations such as the Police and Crime Commissioner and the
 * regional Counter Terrorism Unit) and the projects and programmes they fund. The Prevent lead records them;
 * engagement officers and analysts read them.
 */
@Path("/funding")
@Tag(name = "Funding", description = "Funders' awards and the projects and programmes they fund.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FundingResource {

    private static final String IF_MATCH_DOC = "The ETag you read; 412 if it changed since.";

    private final FundingService funding;
    private final IdempotentRequests idempotency;

    public FundingResource(FundingService funding, IdempotentRequests idempotency) {
        this.funding = funding;
        this.idempotency = idempotency;
    }

    @POST
    @Path("/projects")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Set up a project or programme", description = "With the community events it ran and the courses "
            + "it used; publishes `engagement.funding.project-changed.v1`.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectRequest.class), examples = @ExampleObject(name = "example", value = FundingExamples.PROJECT_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created; `Location` is its address.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class), examples = @ExampleObject(name = "example", value = FundingExamples.PROJECT)))
    @APIResponse(responseCode = "409", description = "A project with this name exists.")
    public Response createProject(@HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull ProjectRequest request) {
        return idempotency.execute(key, "POST /funding/projects", request, () -> {
            ProjectView view = funding.create(request);
            return Response.created(URI.create("/funding/projects/" + view.id())).entity(view).tag(Versions.etag(view.version())).build();
        });
    }

    @PUT
    @Path("/projects/{id}")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Change a project", description = "Its details, events and courses; a new status joins its history.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectRequest.class), examples = @ExampleObject(name = "example", value = FundingExamples.PROJECT_REQUEST)))
    @APIResponse(responseCode = "200", description = "The project.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class), examples = @ExampleObject(name = "example", value = FundingExamples.PROJECT)))
    @APIResponse(responseCode = "409", description = "Another project has this name.")
    @APIResponse(responseCode = "412", description = "`If-Match` names an older version.")
    public Response updateProject(@PathParam("id") UUID id,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @HeaderParam("If-Match") @Parameter(description = IF_MATCH_DOC) String ifMatch,
            @Valid @NotNull ProjectRequest request) {
        return idempotency.execute(key, "PUT /funding/projects/" + id, request, () -> {
            ProjectView view = funding.update(id, request, Versions.fromIfMatch(ifMatch))
                    .orElseThrow(() -> ProblemException.notFound("Project " + id));
            return Response.ok(view).tag(Versions.etag(view.version())).build();
        });
    }

    @POST
    @Path("/projects/{id}/status")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Change a project's status", description = "Running, paused, to be re-established or completed, "
            + "from a day, with the reason; kept in its history.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatusRequest.class), examples = @ExampleObject(name = "example", value = FundingExamples.STATUS_REQUEST)))
    @APIResponse(responseCode = "200", description = "The project.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class), examples = @ExampleObject(name = "example", value = FundingExamples.PROJECT)))
    public Response changeStatus(@PathParam("id") UUID id,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull StatusRequest request) {
        return idempotency.execute(key, "POST /funding/projects/" + id + "/status", request, () -> {
            ProjectView view = funding.changeStatus(id, request).orElseThrow(() -> ProblemException.notFound("Project " + id));
            return Response.ok(view).tag(Versions.etag(view.version())).build();
        });
    }

    @GET
    @Path("/projects")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ENGAGEMENT_OFFICER, Roles.ANALYST })
    @Operation(summary = "List projects and programmes", description = "By status; paged, by name.")
    @APIResponse(responseCode = "200", description = "One page of projects.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectPage.class),
                    examples = @ExampleObject(name = "example", value = FundingExamples.PROJECT_PAGE)))
    public Page<ProjectView> projects(
            @QueryParam("status") @Size(max = 30) @Pattern(regexp = FundingDtos.STATUS) @Parameter(example = "PAUSED") String status,
            @Valid @BeanParam PageParams page) {
        return funding.projects(status, page);
    }

    @GET
    @Path("/projects/{id}")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ENGAGEMENT_OFFICER, Roles.ANALYST })
    @Operation(summary = "Read a project", description = "Its status history and the awards that fund it.")
    @APIResponse(responseCode = "200", description = "The project.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class), examples = @ExampleObject(name = "example", value = FundingExamples.PROJECT)))
    public ProjectView project(@PathParam("id") UUID id) {
        return funding.project(id).orElseThrow(() -> ProblemException.notFound("Project " + id));
    }

    @POST
    @Path("/awards")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Record an award", description = "From a funder organisation: amount, period, purpose, priority "
            + "and the projects it funds; publishes `engagement.funding.award-recorded.v1`.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AwardRequest.class), examples = @ExampleObject(name = "example", value = FundingExamples.AWARD_REQUEST)))
    @APIResponse(responseCode = "201", description = "Recorded; `Location` is its address.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AwardView.class), examples = @ExampleObject(name = "example", value = FundingExamples.AWARD)))
    public Response award(@HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull AwardRequest request) {
        return idempotency.execute(key, "POST /funding/awards", request, () -> {
            AwardView view = funding.award(request);
            return Response.created(URI.create("/funding/awards/" + view.id())).entity(view).tag(Versions.etag(view.version())).build();
        });
    }

    @PUT
    @Path("/awards/{id}")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Correct an award", description = "The whole award again.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AwardRequest.class), examples = @ExampleObject(name = "example", value = FundingExamples.AWARD_REQUEST)))
    @APIResponse(responseCode = "200", description = "The award.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AwardView.class), examples = @ExampleObject(name = "example", value = FundingExamples.AWARD)))
    @APIResponse(responseCode = "412", description = "`If-Match` names an older version.")
    public Response updateAward(@PathParam("id") UUID id,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @HeaderParam("If-Match") @Parameter(description = IF_MATCH_DOC) String ifMatch,
            @Valid @NotNull AwardRequest request) {
        return idempotency.execute(key, "PUT /funding/awards/" + id, request, () -> {
            AwardView view = funding.updateAward(id, request, Versions.fromIfMatch(ifMatch))
                    .orElseThrow(() -> ProblemException.notFound("Award " + id));
            return Response.ok(view).tag(Versions.etag(view.version())).build();
        });
    }

    @GET
    @Path("/awards")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ENGAGEMENT_OFFICER, Roles.ANALYST })
    @Operation(summary = "List awards", description = "By funder or by project funded; paged, by start.")
    @APIResponse(responseCode = "200", description = "One page of awards.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AwardPage.class),
                    examples = @ExampleObject(name = "example", value = FundingExamples.AWARD_PAGE)))
    public Page<AwardView> awards(@QueryParam("funderId") UUID funderId, @QueryParam("projectId") UUID projectId,
            @Valid @BeanParam PageParams page) {
        return funding.awards(funderId, projectId, page);
    }

    @GET
    @Path("/awards/{id}")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ENGAGEMENT_OFFICER, Roles.ANALYST })
    @Operation(summary = "Read an award", description = "And what it funded.")
    @APIResponse(responseCode = "200", description = "The award.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AwardView.class), examples = @ExampleObject(name = "example", value = FundingExamples.AWARD)))
    public AwardView getAward(@PathParam("id") UUID id) {
        return funding.getAward(id).orElseThrow(() -> ProblemException.notFound("Award " + id));
    }
}
