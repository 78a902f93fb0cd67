package org.preventhub.reporting.indicator;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.security.Roles;
import org.preventhub.platform.web.Versions;
import org.preventhub.platform.idempotency.IdempotentRequests;

@Path("/indicators")
@Tag(name = "Indicators", description = "Indicators defined as data, computed from the projections of every service's "
        + "events, for any period, with the previous period, targets and breakdowns. Figures about people referred "
        + "are suppressed below the disclosure threshold (5 by default) for everyone but the Prevent lead, who alone "
        + "may ask for them over arbitrary date ranges.")
@Produces(MediaType.APPLICATION_JSON)
public class IndicatorResource {

    /** The bound the document states for a rendered file (OpenAPI wants every string bounded); far above a real one. */
    private static final int RENDERED_MAX = 50_000_000;

    private final IndicatorRepository indicators;
    private final IndicatorEngine engine;
    private final CsvExport csv;
    private final CurrentUser user;
    private final IdempotentRequests idempotency;

    public IndicatorResource(IndicatorRepository indicators, IndicatorEngine engine, CsvExport csv, CurrentUser user,
            IdempotentRequests idempotency) {
        this.idempotency = idempotency;
        this.indicators = indicators;
        this.engine = engine;
        this.csv = csv;
        this.user = user;
    }

    @GET
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ANALYST, Roles.ADMIN, Roles.TRAINER, Roles.ENGAGEMENT_OFFICER })
    @Operation(summary = "The indicators and their definitions")
    public List<IndicatorDefinition> list(@QueryParam("priority") String priority) {
        return priority == null ? indicators.all() : indicators.forPriority(priority);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ANALYST, Roles.ADMIN, Roles.TRAINER, Roles.ENGAGEMENT_OFFICER })
    @Operation(summary = "An indicator's definition")
    @APIResponse(responseCode = "200", description = "The definition; its `ETag` is the version to send in `If-Match`.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorDefinition.class)))
    public Response get(@PathParam("id") String id) {
        IndicatorDefinition definition = find(id);
        return Response.ok(definition).tag(Versions.etag(definition.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Define or change an indicator",
            description = "Filters and breakdowns may only name the columns of the chosen fact. With If-Match, a change "
                    + "based on a stale read is 412.")
    @APIResponse(responseCode = "200", description = "Changed.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IndicatorDefinition.class)))
    @APIResponse(responseCode = "201", description = "Defined; `Location` is its address.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IndicatorDefinition.class)))
    @APIResponse(responseCode = "412", description = "`If-Match` names an older version.")
    public Response put(@PathParam("id") String id,
            @HeaderParam("If-Match") @Parameter(description = "The ETag you read; 412 if it changed since.") String ifMatch,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull IndicatorDefinition definition) {
        if (!id.equals(definition.id())) {
            throw ProblemException.invalidField("id", "must be the id in the address");
        }
        engine.validate(definition);
        return idempotency.execute(key, "PUT /indicators/" + id, definition, () -> {
            boolean existed = indicators.find(id).isPresent();
            if (!indicators.save(definition.normalised(), Versions.fromIfMatch(ifMatch), user.name())) {
                throw new ProblemException(412, "precondition-failed", "Precondition failed",
                        "The indicator changed since you read it.", null, null);
            }
            IndicatorDefinition saved = find(id);
            return (existed ? Response.ok(saved) : Response.created(URI.create("/indicators/" + id)).entity(saved))
                    .tag(Versions.etag(saved.version())).build();
        });
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Remove an indicator")
    @APIResponse(responseCode = "204", description = "Removed.")
    public Response delete(@PathParam("id") String id) {
        if (!indicators.delete(id)) {
            throw ProblemException.notFound("Indicator " + id);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/values")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ANALYST, Roles.ADMIN, Roles.TRAINER, Roles.ENGAGEMENT_OFFICER })
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @Operation(summary = "An indicator's figure for a period",
            description = "Period: from and to (days), or year (with calendar=reporting for September–August, the "
                    + "default, or statistical for April–March), or quarter (2020-Q1), or month (2020-03). With the "
                    + "previous period, the target, and a breakdown (by). As text/csv with Accept: text/csv. Figures about "
                    + "people referred: other roles than prevent-lead get them for months, quarters and years only (403 "
                    + "for from/to), with small counts, and figures that would reveal them, suppressed.")
    @APIResponse(responseCode = "200", description = "The figure, the previous period's, the target and the breakdown.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Figures.IndicatorValues.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, maxLength = RENDERED_MAX)) })
    public Response values(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("year") @Parameter(example = "2019") Integer year,
            @QueryParam("calendar") @Parameter(example = "reporting") String calendar,
            @QueryParam("quarter") @Parameter(example = "2020-Q1") String quarter,
            @QueryParam("month") @Parameter(example = "2020-03") String month,
            @QueryParam("by") @Parameter(example = "area") String by,
            @HeaderParam("Accept") String accept) {
        Figures.IndicatorValues values = engine.values(find(id), ReportingPeriod.parse(from, to, year, calendar, quarter, month), by);
        if (accept != null && accept.contains("text/csv")) {
            return Response.ok(csv.of(values), "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + id + ".csv\"").build();
        }
        return Response.ok(values, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{id}/series")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ANALYST, Roles.ADMIN, Roles.TRAINER, Roles.ENGAGEMENT_OFFICER })
    @Operation(summary = "An indicator month by month over a period")
    public Figures.Series series(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("year") Integer year, @QueryParam("calendar") String calendar,
            @QueryParam("quarter") String quarter, @QueryParam("month") String month) {
        return engine.series(find(id), ReportingPeriod.parse(from, to, year, calendar, quarter, month));
    }

    private IndicatorDefinition find(String id) {
        return indicators.find(id).orElseThrow(() -> ProblemException.notFound("Indicator " + id));
    }
}
