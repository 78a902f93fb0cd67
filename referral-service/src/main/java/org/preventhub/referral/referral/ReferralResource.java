package org.preventhub.referral.referral;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.preventhub.platform.idempotency.IdempotentRequests;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.Roles;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.Versions;
import org.preventhub.referral.access.AccessLog;
import org.preventhub.platform.validation.PlausibleDate;
import org.preventhub.platform.validation.PlausibleDate.Kind;

@Path("/referrals")
@Tag(name = "Referrals", description = "Channel referrals from intake to the 12-month review. A referral another "
        + "agency made, or one not on your panel, answers 404. Reads of personal data need `X-Access-Purpose`.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReferralResource {

    private final ReferralIntake intake;
    private final ReferralJourney journey;
    private final ReferralQueries referrals;
    private final ReferralClock clock;
    private final IdempotentRequests idempotency;

    public ReferralResource(ReferralIntake intake, ReferralJourney journey, ReferralQueries referrals, ReferralClock clock,
            IdempotentRequests idempotency) {
        this.intake = intake;
        this.journey = journey;
        this.referrals = referrals;
        this.clock = clock;
        this.idempotency = idempotency;
    }

    static final String PURPOSE_DOC = "Why you read it, required for personal data, e.g. 'Preparing the March panel'. "
            + "At most 200 characters and never personal data: it is kept in the append-only access log for good.";

    @Schema(description = "Place or lift a legal hold: a held record is never erased by the retention job.")
    public record LegalHold(@NotNull Boolean hold, @Size(max = 1000) String reason) {
    }

    @POST
    @RolesAllowed({ Roles.REFERRER, Roles.PREVENT_LEAD })
    @Operation(summary = "Refer someone to Channel",
            description = "A referrer refers for their own agency (from the token); the Prevent lead names the agency "
                    + "in `referrer.agency`. Received today unless `receivedOn` says otherwise: a referrer may date it "
                    + "at most 7 days back, the Prevent lead any day from 1990-01-01 (earlier referrals entered from "
                    + "paper or another system). Personal fields are encrypted; "
                    + "the age band is derived from the date of birth. Publishes `referral.received.v1` with a "
                    + "pseudonymous id. Send an `Idempotency-Key` to retry safely.")
    @APIResponse(responseCode = "201", description = "Received: its reference and status (read the full record with a purpose).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferralStatusView.class)))
    public Response refer(@HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String idempotencyKey,
            @Valid @NotNull ReferralRequest request) {
        return idempotency.execute(idempotencyKey, "POST /referrals", request, () -> {
            ReferralStatusView created = intake.create(request);
            return Response.created(URI.create("/referrals/" + created.id())).entity(created).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.REFERRER, Roles.PREVENT_LEAD, Roles.CHANNEL_PANEL })
    @Operation(summary = "List referrals",
            description = "The Prevent lead: all. A panel member: the open referrals on their panels' agendas. A "
                    + "referrer: their agency's, status only. Every line shown is logged; lines with personal data need "
                    + "`X-Access-Purpose`. To find someone by name, POST /referrals/search (names stay out of URLs).")
    @APIResponse(responseCode = "200", description = "One page of referrals.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReferralPage.class)))
    public Page<Object> list(@Valid @BeanParam ReferralFilter filter, @Valid @BeanParam PageParams page,
            @QueryParam("name") @Parameter(hidden = true) String name,
            @HeaderParam(AccessLog.PURPOSE_HEADER) @Parameter(description = PURPOSE_DOC) String purpose) {
        if (name != null) {
            // Refused rather than ignored: ignoring it would answer an unfiltered list to a client that meant to search.
            throw ProblemException.invalidField("name", "search by name with POST /referrals/search: a name in a URL "
                    + "ends up in proxy and server logs");
        }
        return referrals.list(filter, page, purpose);
    }

    @POST
    @Path("/search")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Find referrals by the person's name",
            description = "On a keyed hash of the normalised name: the table is not decrypted to search it. The name "
                    + "travels in the body, never in the URL. The search is logged (without the name), and so is each hit.")
    @APIResponse(responseCode = "200", description = "One page of the referrals found.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReferralPage.class)))
    public Page<Object> search(@Valid @NotNull ReferralSearch search, @Valid @BeanParam PageParams page,
            @HeaderParam(AccessLog.PURPOSE_HEADER) @Parameter(description = PURPOSE_DOC, required = true) String purpose) {
        return referrals.search(search, page, purpose);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.REFERRER, Roles.PREVENT_LEAD, Roles.CHANNEL_PANEL })
    @Operation(summary = "Read a referral",
            description = "In full for the Prevent lead and its panel (with `X-Access-Purpose`); status and outcome for "
                    + "the referring agency. Logged.")
    @APIResponse(responseCode = "200", description = "The referral; in full, its `ETag` is the version to send in `If-Match`.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferralPage.Read.class)))
    public Response get(@PathParam("id") UUID id,
            @HeaderParam(AccessLog.PURPOSE_HEADER) @Parameter(description = PURPOSE_DOC) String purpose) {
        Object view = referrals.get(id, purpose).orElseThrow(() -> ProblemException.notFound("Referral " + id));
        Response.ResponseBuilder response = Response.ok(view);
        if (view instanceof ReferralView full) {
            response.tag(Versions.etag(full.version()));
        }
        return response.build();
    }

    @POST
    @Path("/{id}/steps/{action}")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Take a step of the Channel journey",
            description = "Steps: start-screening, no-further-action, signpost, list-for-panel, consent, support-plan, "
                    + "exit, review; any other is 404. A step the referral's stage does not allow is 409 with the allowed "
                    + "steps. With `If-Match`, a step on a stale read is 412; two simultaneous steps: one wins, the other "
                    + "is 409. Answers the journey without personal data.")
    @APIResponse(responseCode = "200", description = "The journey after the step.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReferralJourneyView.class)))
    public Response step(@PathParam("id") UUID id, @PathParam("action") String action,
            @HeaderParam("If-Match") @Parameter(description = "The referral's ETag you read; 412 if it changed since.") String ifMatch,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid StepRequest request) {
        return idempotency.execute(key, "POST /referrals/" + id + "/steps/" + action, request, () -> {
            ReferralJourneyView view = journey.step(id, action, request, Versions.fromIfMatch(ifMatch))
                    .orElseThrow(() -> ProblemException.notFound("Referral " + id));
            return Response.ok(view).tag(Versions.etag(view.version())).build();
        });
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.CHANNEL_PANEL })
    @Operation(summary = "Who did what and when, at each step, and why")
    public List<Map<String, Object>> history(@PathParam("id") UUID id,
            @HeaderParam(AccessLog.PURPOSE_HEADER) @Parameter(description = PURPOSE_DOC, required = true) String purpose) {
        return referrals.history(id, purpose).orElseThrow(() -> ProblemException.notFound("Referral " + id));
    }

    @POST
    @Path("/{id}/legal-hold")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Place or lift a legal hold", description = "Answers the journey without personal data.")
    @APIResponse(responseCode = "200", description = "The journey.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReferralJourneyView.class)))
    public Response legalHold(@PathParam("id") UUID id,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull LegalHold hold) {
        if (hold.hold() && (hold.reason() == null || hold.reason().isBlank())) {
            throw ProblemException.invalidField("reason", "say why the record must be kept");
        }
        return idempotency.execute(key, "POST /referrals/" + id + "/legal-hold", hold, () -> Response.ok(
                journey.legalHold(id, hold.hold(), hold.reason())
                        .orElseThrow(() -> ProblemException.notFound("Referral " + id))).build());
    }

    @GET
    @Path("/stalled")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Open referrals that have stalled",
            description = "No step for longer than the configured period (`hub.referral.stalled-after`, 6 months by "
                    + "default). An open referral is never erased, so its retention only starts once it is moved on to "
                    + "a close; this is the list to work through. Each line is logged.")
    public List<ReferralSummary> stalled(@QueryParam("asOf") @Parameter(description = "Defaults to today.") @PlausibleDate(Kind.FILTER) LocalDate asOf,
            @HeaderParam(AccessLog.PURPOSE_HEADER) @Parameter(description = PURPOSE_DOC) String purpose) {
        return referrals.stalled(asOf == null ? clock.today() : asOf, purpose);
    }

    @GET
    @Path("/reviews/overdue")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Cases whose 6- or 12-month review is overdue")
    public List<ReferralSummary> overdue(@QueryParam("asOf") @Parameter(description = "Defaults to today.") @PlausibleDate(Kind.FILTER) LocalDate asOf,
            @HeaderParam(AccessLog.PURPOSE_HEADER) @Parameter(description = PURPOSE_DOC) String purpose) {
        return referrals.overdueReviews(asOf == null ? clock.today() : asOf, purpose);
    }
}
