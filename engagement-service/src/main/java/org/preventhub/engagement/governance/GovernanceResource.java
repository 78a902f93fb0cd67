package org.preventhub.engagement.governance;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.preventhub.engagement.governance.GovernanceDtos.GovernanceBodyRecord;
import org.preventhub.engagement.governance.GovernanceDtos.GovernanceBodyRequest;
import org.preventhub.engagement.governance.GovernanceDtos.GovernanceBodyView;
import org.preventhub.engagement.governance.GovernanceDtos.GovernanceMeetingRequest;
import org.preventhub.engagement.governance.GovernanceDtos.GovernanceMeetingView;
import org.preventhub.engagement.governance.GovernanceDtos.GovernanceMemberRequest;
import org.preventhub.engagement.governance.GovernanceDtos.GovernanceMemberView;
import org.preventhub.engagement.governance.GovernanceDtos.GovernanceMinutesRequest;
import org.preventhub.platform.idempotency.IdempotentRequests;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.Roles;
import org.preventhub.platform.validation.PlausibleDate;
import org.preventhub.platform.validation.PlausibleDate.Kind;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.Versions;

/**
 * Governance bodies, their members and meetings. The Prevent lead keeps the record (they service the Strategy Group);
 * engagement officers and analysts read it. The Channel Panel's meetings stay in referral-service.
 */
@Path("/governance")
@Tag(name = "Governance", description = "Governance bodies, members, meetings, minutes and actions arising (priority 2).")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GovernanceResource {

    private final GovernanceService governance;
    private final IdempotentRequests idempotency;

    public GovernanceResource(GovernanceService governance, IdempotentRequests idempotency) {
        this.governance = governance;
        this.idempotency = idempotency;
    }

    @POST
    @Path("/bodies")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Set up a governance body", description = "Its cadence (meetings a year) and quorum.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GovernanceBodyRequest.class), examples = @ExampleObject(name = "example", value = GovernanceExamples.BODY_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created; `Location` is its address.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GovernanceBodyView.class), examples = @ExampleObject(name = "example", value = GovernanceExamples.BODY)))
    @APIResponse(responseCode = "409", description = "A body with this name exists.")
    public Response createBody(@HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull GovernanceBodyRequest request) {
        return idempotency.execute(key, "POST /governance/bodies", request, () -> {
            GovernanceBodyView body = governance.create(request);
            return Response.created(URI.create("/governance/bodies/" + body.id())).entity(body)
                    .tag(Versions.etag(body.version())).build();
        });
    }

    @GET
    @Path("/bodies")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ENGAGEMENT_OFFICER, Roles.ANALYST })
    @Operation(summary = "List governance bodies", description = "By kind; paged, by name.")
    @APIResponse(responseCode = "200", description = "One page of bodies.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GovernanceBodyPage.class),
                    examples = @ExampleObject(name = "page", value = GovernanceExamples.BODY_PAGE)))
    public Page<GovernanceBodyView> listBodies(
            @QueryParam("kind") @Size(max = 40) @Parameter(description = "A configured body kind.", example = "STRATEGY_GROUP") String kind,
            @Valid @BeanParam PageParams page) {
        return governance.list(kind, page);
    }

    @GET
    @Path("/bodies/{id}")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ENGAGEMENT_OFFICER, Roles.ANALYST })
    @Operation(summary = "Read a governance body and its members", description = "Its cadence, quorum and members.")
    @APIResponse(responseCode = "200", description = "The body.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GovernanceBodyView.class), examples = @ExampleObject(name = "example", value = GovernanceExamples.BODY)))
    public GovernanceBodyView getBody(@PathParam("id") UUID id) {
        return governance.get(id).orElseThrow(() -> ProblemException.notFound("Governance body " + id));
    }

    @POST
    @Path("/bodies/{id}/members")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Add a member to a body", description = "An organisation's seat, its role and the person's user id.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GovernanceMemberRequest.class), examples = @ExampleObject(name = "example", value = GovernanceExamples.MEMBER_REQUEST)))
    @APIResponse(responseCode = "201", description = "Added.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GovernanceMemberView.class), examples = @ExampleObject(name = "example", value = GovernanceExamples.MEMBER_VIEW)))
    public Response addMember(@PathParam("id") UUID id,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull GovernanceMemberRequest request) {
        return idempotency.execute(key, "POST /governance/bodies/" + id + "/members", request, () -> {
            GovernanceMemberView member = governance.addMember(id, request)
                    .orElseThrow(() -> ProblemException.notFound("Governance body " + id));
            return Response.created(URI.create("/governance/bodies/" + id)).entity(member).build();
        });
    }

    @POST
    @Path("/bodies/{id}/meetings")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Plan a meeting of a body", description = "Its date and agenda; minuted later.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GovernanceMeetingRequest.class), examples = @ExampleObject(name = "example", value = GovernanceExamples.MEETING_REQUEST)))
    @APIResponse(responseCode = "201", description = "Planned; `Location` is its address.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GovernanceMeetingView.class), examples = @ExampleObject(name = "example", value = GovernanceExamples.MEETING_PLANNED)))
    public Response planMeeting(@PathParam("id") UUID id,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull GovernanceMeetingRequest request) {
        return idempotency.execute(key, "POST /governance/bodies/" + id + "/meetings", request, () -> {
            GovernanceMeetingView meeting = governance.plan(id, request)
                    .orElseThrow(() -> ProblemException.notFound("Governance body " + id));
            return Response.created(URI.create("/governance/meetings/" + meeting.id())).entity(meeting)
                    .tag(Versions.etag(meeting.version())).build();
        });
    }

    @GET
    @Path("/bodies/{id}/record")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ENGAGEMENT_OFFICER, Roles.ANALYST })
    @Operation(summary = "A body's meetings held against planned in a period",
            description = "Planned is the body's cadence over the period's whole months; held counts quorate meetings.")
    @APIResponse(responseCode = "200", description = "The record.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GovernanceBodyRecord.class), examples = @ExampleObject(name = "example", value = GovernanceExamples.RECORD)))
    public GovernanceBodyRecord record(@PathParam("id") UUID id,
            @QueryParam("from") @NotNull @PlausibleDate(Kind.FILTER) @Parameter(example = "2019-09-01") LocalDate from,
            @QueryParam("to") @NotNull @PlausibleDate(Kind.FILTER) @Parameter(example = "2020-08-31") LocalDate to) {
        return governance.record(id, from, to).orElseThrow(() -> ProblemException.notFound("Governance body " + id));
    }

    @GET
    @Path("/meetings/{id}")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ENGAGEMENT_OFFICER, Roles.ANALYST })
    @Operation(summary = "Read a meeting, its minutes and actions arising", description = "Agenda, attendance, apologies, decisions.")
    @APIResponse(responseCode = "200", description = "The meeting.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GovernanceMeetingView.class), examples = @ExampleObject(name = "example", value = GovernanceExamples.MEETING_HELD)))
    public GovernanceMeetingView getMeeting(@PathParam("id") UUID id) {
        return governance.meeting(id).orElseThrow(() -> ProblemException.notFound("Meeting " + id));
    }

    @POST
    @Path("/meetings/{id}/minutes")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Minute a meeting held", description = "Attendance, apologies, decisions and actions arising. "
            + "Publishes `engagement.governance.meeting-held.v1` and one `engagement.governance.action-arising.v1` per "
            + "action, which reporting adds to the action plan.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GovernanceMinutesRequest.class), examples = @ExampleObject(name = "example", value = GovernanceExamples.MINUTES_REQUEST)))
    @APIResponse(responseCode = "200", description = "The minuted meeting.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GovernanceMeetingView.class), examples = @ExampleObject(name = "example", value = GovernanceExamples.MEETING_HELD)))
    @APIResponse(responseCode = "409", description = "Already minuted.")
    @APIResponse(responseCode = "422", description = "Inquorate, yet with decisions or actions.")
    public Response minute(@PathParam("id") UUID id,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull GovernanceMinutesRequest request) {
        return idempotency.execute(key, "POST /governance/meetings/" + id + "/minutes", request, () -> {
            GovernanceMeetingView meeting = governance.minute(id, request).orElseThrow(() -> ProblemException.notFound("Meeting " + id));
            return Response.ok(meeting).tag(Versions.etag(meeting.version())).build();
        });
    }
}
