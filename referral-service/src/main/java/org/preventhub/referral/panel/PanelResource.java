package org.preventhub.referral.panel;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.Roles;
import org.preventhub.referral.access.AccessLog;
import org.preventhub.referral.panel.PanelRequests.AgendaRequest;
import org.preventhub.referral.panel.PanelRequests.DecisionRequest;
import org.preventhub.referral.panel.PanelRequests.PanelRequest;
import org.preventhub.referral.panel.PanelRequests.ScheduleRequest;
import org.preventhub.platform.idempotency.IdempotentRequests;
import org.preventhub.platform.validation.PlausibleDate;
import org.preventhub.platform.validation.PlausibleDate.Kind;

@Path("/panels")
@Tag(name = "Channel panels", description = "Monthly meetings, agendas and the decisions minuted per referral.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PanelResource {

    private final PanelService panels;
    private final IdempotentRequests idempotency;

    public PanelResource(PanelService panels, IdempotentRequests idempotency) {
        this.panels = panels;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Arrange a panel meeting")
    @APIResponse(responseCode = "201", description = "Arranged; `Location` is its address.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PanelView.class)))
    public Response create(@HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull PanelRequest request) {
        return idempotency.execute(key, "POST /panels", request, () -> {
            PanelView panel = panels.create(request);
            return Response.created(URI.create("/panels/" + panel.id())).entity(panel).build();
        });
    }

    @POST
    @Path("/schedule")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Arrange monthly meetings", description = "The nth weekday of each month, e.g. the second Tuesday.")
    @APIResponse(responseCode = "201", description = "The meetings arranged.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, maxItems = 24, implementation = PanelView.class)))
    public Response schedule(@HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull ScheduleRequest request) {
        return idempotency.execute(key, "POST /panels/schedule", request,
                () -> Response.status(Response.Status.CREATED).entity(panels.schedule(request)).build());
    }

    @GET
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.CHANNEL_PANEL })
    @Operation(summary = "Panel meetings",
            description = "A member sees the panels they sit on, and on their agendas only the referrals whose case is "
                    + "open. No minutes here: read a panel with `X-Access-Purpose` for those. Each item shown is logged.")
    public List<PanelView> list(@QueryParam("from") @PlausibleDate(Kind.FILTER) LocalDate from,
            @QueryParam("to") @PlausibleDate(Kind.FILTER) LocalDate to,
            @HeaderParam(AccessLog.PURPOSE_HEADER) String purpose) {
        return panels.list(from, to, purpose);
    }

    @GET
    @Path("/me")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.CHANNEL_PANEL })
    @Operation(summary = "You, as panels know you",
            description = "Your user id (what a panel lists its chair and members by), name and agency, and the panels "
                    + "you sit on. For arranging panels with the right people, and for a member's own calendar.")
    public PanelMembership me() {
        return panels.me();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.CHANNEL_PANEL })
    @Operation(summary = "A panel meeting with its agenda, decisions and minutes",
            description = "Minutes are personal data: reading them needs `X-Access-Purpose` and is logged. A member sees "
                    + "the referrals whose case is open only.")
    public PanelView get(@PathParam("id") UUID id,
            @HeaderParam(AccessLog.PURPOSE_HEADER) @Parameter(description = "Why you read the minutes (required when there are any to read).") String purpose) {
        return panels.get(id, purpose).orElseThrow(() -> ProblemException.notFound("Panel " + id));
    }

    @POST
    @Path("/{id}/agenda")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Put a referral listed for panel on the agenda")
    @APIResponse(responseCode = "200", description = "The panel with its agenda.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PanelView.class)))
    public Response addToAgenda(@PathParam("id") UUID id,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull AgendaRequest request) {
        return idempotency.execute(key, "POST /panels/" + id + "/agenda", request, () -> Response.ok(
                panels.addToAgenda(id, request.referralId()).orElseThrow(() -> ProblemException.notFound("Panel " + id)))
                .build());
    }

    @POST
    @Path("/{id}/agenda/{referralId}/decision")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.CHANNEL_PANEL })
    @Operation(summary = "Minute the panel's decision on a referral",
            description = "Adopted as a Channel case, or not adopted (signposted, or no further action). Publishes "
                    + "`referral.adopted.v1` or `referral.not-adopted.v1`; the minutes stay here, encrypted (the answer "
                    + "carries none). A member may minute only an open referral on a panel they sit on.")
    @APIResponse(responseCode = "200", description = "The panel with its decisions.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PanelView.class)))
    public Response decide(@PathParam("id") UUID id, @PathParam("referralId") UUID referralId,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull DecisionRequest request) {
        return idempotency.execute(key, "POST /panels/" + id + "/agenda/" + referralId + "/decision", request,
                () -> Response.ok(panels.decide(id, referralId, request)
                        .orElseThrow(() -> ProblemException.notFound("Panel " + id))).build());
    }
}
