package org.preventhub.engagement.assessment;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.engagement.assessment.AssessmentDtos.AssessmentRequest;
import org.preventhub.engagement.assessment.AssessmentDtos.AssessmentView;
import org.preventhub.engagement.assessment.AssessmentDtos.CriteriaLoaded;
import org.preventhub.engagement.assessment.AssessmentDtos.CriteriaRequest;
import org.preventhub.engagement.assessment.AssessmentDtos.CriterionView;
import org.preventhub.engagement.assessment.AssessmentDtos.ImprovementRequest;
import org.preventhub.engagement.assessment.AssessmentDtos.ImprovementView;
import org.preventhub.engagement.assessment.AssessmentDtos.ScoresRequest;
import org.preventhub.engagement.assessment.AssessmentDtos.Trend;
import org.preventhub.platform.idempotency.IdempotentRequests;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.Roles;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.Versions;

/**
 * The Home Office self-assessment (priority 2): criteria a deployment loads, yearly assessments scored per criterion
 * with evidence, improvement actions (added to reporting's action plan) and the trend across years. The Prevent lead
 * keeps it; engagement officers and analysts read it.
 */
@Path("/assessments")
@Tag(name = "Self-assessment", description = "The Home Office self-assessment toolkit: criteria, yearly scores, improvement actions, trend.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssessmentResource {

    private final AssessmentService assessments;
    private final IdempotentRequests idempotency;

    public AssessmentResource(AssessmentService assessments, IdempotentRequests idempotency) {
        this.assessments = assessments;
        this.idempotency = idempotency;
    }

    @PUT
    @Path("/frameworks/{framework}/criteria")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ADMIN })
    @Operation(summary = "Load a framework's criteria", description = "The whole set, in order: listed codes are created "
            + "or updated, others retired (their past scores stay). The service ships the Home Office toolkit's as "
            + "`assessment/home-office-prevent-toolkit.json`, in this shape.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CriteriaRequest.class), examples = @ExampleObject(name = "example", value = AssessmentExamples.CRITERIA_REQUEST)))
    @APIResponse(responseCode = "200", description = "Loaded: how many criteria were created, updated and retired.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CriteriaLoaded.class), examples = @ExampleObject(name = "example", value = AssessmentExamples.CRITERIA_LOADED)))
    public Response loadCriteria(@PathParam("framework") @Pattern(regexp = AssessmentDtos.FRAMEWORK) @Size(max = 60) String framework,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull CriteriaRequest request) {
        return idempotency.execute(key, "PUT /assessments/frameworks/" + framework + "/criteria", request,
                () -> Response.ok(assessments.load(framework, request)).build());
    }

    @GET
    @Path("/frameworks/{framework}/criteria")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ENGAGEMENT_OFFICER, Roles.ANALYST, Roles.ADMIN })
    @Operation(summary = "A framework's criteria", description = "In force, in order; with `all=true` retired ones too.")
    @APIResponse(responseCode = "200", description = "The criteria.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = CriterionView.class),
                    examples = @ExampleObject(name = "example", value = AssessmentExamples.CRITERIA)))
    public List<CriterionView> criteria(@PathParam("framework") @Pattern(regexp = AssessmentDtos.FRAMEWORK) @Size(max = 60) String framework,
            @QueryParam("all") @DefaultValue("false") boolean all) {
        return assessments.criteriaOf(framework, !all);
    }

    @POST
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Start a partner's self-assessment of a year", description = "One per framework, year and organisation.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentRequest.class), examples = @ExampleObject(name = "example", value = AssessmentExamples.ASSESSMENT_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created; `Location` is its address.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class), examples = @ExampleObject(name = "example", value = AssessmentExamples.ASSESSMENT)))
    @APIResponse(responseCode = "409", description = "This organisation has assessed this year against this framework.")
    public Response create(@HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull AssessmentRequest request) {
        return idempotency.execute(key, "POST /assessments", request, () -> {
            AssessmentView view = assessments.create(request);
            return Response.created(URI.create("/assessments/" + view.id())).entity(view).tag(Versions.etag(view.version())).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ENGAGEMENT_OFFICER, Roles.ANALYST })
    @Operation(summary = "List self-assessments", description = "By framework, year and organisation; paged, by year.")
    @APIResponse(responseCode = "200", description = "One page of assessments.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentPage.class),
                    examples = @ExampleObject(name = "example", value = AssessmentExamples.ASSESSMENT_PAGE)))
    public Page<AssessmentView> list(
            @QueryParam("framework") @Size(max = 60) @Parameter(example = "HOME_OFFICE_PREVENT_TOOLKIT") String framework,
            @QueryParam("year") @Min(2000) @Max(2100) Integer year,
            @QueryParam("organisationId") UUID organisationId, @Valid @BeanParam PageParams page) {
        return assessments.list(framework, year, organisationId, page);
    }

    @GET
    @Path("/trend")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ENGAGEMENT_OFFICER, Roles.ANALYST })
    @Operation(summary = "A framework's scores across years", description = "Each year's score of the best possible, "
            + "overall and by section: all partners' assessments, or one organisation's.")
    @APIResponse(responseCode = "200", description = "The trend.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Trend.class), examples = @ExampleObject(name = "example", value = AssessmentExamples.TREND)))
    public Trend trend(@QueryParam("framework") @NotNull @Pattern(regexp = AssessmentDtos.FRAMEWORK) @Size(max = 60)
            @Parameter(example = "HOME_OFFICE_PREVENT_TOOLKIT") String framework,
            @QueryParam("organisationId") UUID organisationId) {
        return assessments.trend(framework, organisationId);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ENGAGEMENT_OFFICER, Roles.ANALYST })
    @Operation(summary = "Read a self-assessment", description = "Its scores, evidence and improvement actions.")
    @APIResponse(responseCode = "200", description = "The assessment.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class), examples = @ExampleObject(name = "example", value = AssessmentExamples.ASSESSMENT)))
    public AssessmentView get(@PathParam("id") UUID id) {
        return assessments.get(id).orElseThrow(() -> ProblemException.notFound("Self-assessment " + id));
    }

    @PUT
    @Path("/{id}/scores")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Score criteria", description = "Scores with evidence; publishes `engagement.assessment.scored.v1` "
            + "with the assessment's scores, for reporting's score by year.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScoresRequest.class), examples = @ExampleObject(name = "example", value = AssessmentExamples.SCORES_REQUEST)))
    @APIResponse(responseCode = "200", description = "The assessment, scored.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class), examples = @ExampleObject(name = "example", value = AssessmentExamples.ASSESSMENT)))
    public Response score(@PathParam("id") UUID id,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull ScoresRequest request) {
        return idempotency.execute(key, "PUT /assessments/" + id + "/scores", request, () -> {
            AssessmentView view = assessments.score(id, request).orElseThrow(() -> ProblemException.notFound("Self-assessment " + id));
            return Response.ok(view).tag(Versions.etag(view.version())).build();
        });
    }

    @POST
    @Path("/{id}/improvement-actions")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Raise an improvement action", description = "Publishes "
            + "`engagement.assessment.improvement-action-raised.v1`, which reporting adds to the action plan.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImprovementRequest.class), examples = @ExampleObject(name = "example", value = AssessmentExamples.IMPROVEMENT_REQUEST)))
    @APIResponse(responseCode = "201", description = "Raised.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImprovementView.class), examples = @ExampleObject(name = "example", value = AssessmentExamples.IMPROVEMENT)))
    public Response improve(@PathParam("id") UUID id,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull ImprovementRequest request) {
        return idempotency.execute(key, "POST /assessments/" + id + "/improvement-actions", request, () -> {
            ImprovementView view = assessments.improve(id, request).orElseThrow(() -> ProblemException.notFound("Self-assessment " + id));
            return Response.created(URI.create("/assessments/" + id)).entity(view).build();
        });
    }
}
