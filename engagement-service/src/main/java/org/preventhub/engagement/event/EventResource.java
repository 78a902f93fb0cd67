package org.preventhub.engagement.event;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.engagement.event.EventDtos.AttendanceCorrection;
import org.preventhub.engagement.event.EventDtos.EventRequest;
import org.preventhub.engagement.event.EventDtos.EventView;
import org.preventhub.engagement.event.EventDtos.HeldRequest;
import org.preventhub.engagement.api.Examples;
import org.preventhub.platform.idempotency.IdempotentRequests;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.Roles;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.Versions;

@Path("/events")
@Tag(name = "Community events", description = "Public meetings, workshops, conferences, school projects, focus groups "
        + "and forums, each under the priority it serves.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EventResource {

    private static final String RETRY_SAFE = IdempotentRequests.DOC;

    private final EventService events;
    private final IdempotentRequests idempotency;

    public EventResource(EventService events, IdempotentRequests idempotency) {
        this.events = events;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({ Roles.ENGAGEMENT_OFFICER, Roles.PREVENT_LEAD })
    @Operation(summary = "Plan an event", description = "Publishes `engagement.event.planned.v1`. Send an "
            + "`Idempotency-Key` to retry safely: a retry returns the first answer, and concurrent retries plan one event.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EventRequest.class), examples = @ExampleObject(name = "we-stand-together", value = Examples.EVENT_REQUEST)))
    @APIResponse(responseCode = "201", description = "Planned; `Location` is its address.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EventView.class), examples = @ExampleObject(name = "planned", value = Examples.EVENT_PLANNED)))
    public Response plan(@HeaderParam(IdempotentRequests.HEADER) @Parameter(description = RETRY_SAFE) String key,
            @Valid @NotNull EventRequest request) {
        return idempotency.execute(key, "POST /events", request, () -> {
            EventView created = events.plan(request);
            return Response.created(URI.create("/events/" + created.id())).entity(created)
                    .tag(Versions.etag(created.version())).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.ENGAGEMENT_OFFICER, Roles.PREVENT_LEAD, Roles.ANALYST, Roles.TRAINER, Roles.CHANNEL_PANEL,
            Roles.REFERRER })
    @Operation(summary = "List events", description = "By type, area, priority, audience, mode, partner, days and "
            + "status; paged, by first day unless sorted by lastDay, title, area, type, status or attendance.")
    @APIResponse(responseCode = "200", description = "One page of events.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EventPage.class), examples = @ExampleObject(name = "events", value = Examples.EVENT_PAGE)))
    public Page<EventView> list(@Valid @BeanParam EventFilter filter, @Valid @BeanParam PageParams page) {
        return events.list(filter, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ENGAGEMENT_OFFICER, Roles.PREVENT_LEAD, Roles.ANALYST, Roles.TRAINER, Roles.CHANNEL_PANEL,
            Roles.REFERRER })
    @Operation(summary = "Read an event", description = "With its attendance history (every figure recorded and "
            + "corrected) and status history (every postponement and cancellation, with its reason).")
    @APIResponse(responseCode = "200", description = "The event; its `ETag` is the version to send in `If-Match`.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EventView.class), examples = @ExampleObject(name = "held", value = Examples.EVENT_HELD)))
    public Response get(@PathParam("id") UUID id) {
        EventView event = events.get(id).orElseThrow(() -> ProblemException.notFound("Event " + id));
        return Response.ok(event).tag(Versions.etag(event.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.ENGAGEMENT_OFFICER, Roles.PREVENT_LEAD })
    @Operation(summary = "Change an event's details", description = "Publishes `engagement.event.updated.v1`. "
            + "A cancelled event cannot change (409).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EventRequest.class), examples = @ExampleObject(name = "we-stand-together", value = Examples.EVENT_REQUEST)))
    @APIResponse(responseCode = "200", description = "The changed event.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EventView.class), examples = @ExampleObject(name = "planned", value = Examples.EVENT_PLANNED)))
    @APIResponse(responseCode = "412", description = "`If-Match` names an older version.")
    public Response update(@PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "The ETag you read; 412 if the event changed since.") String ifMatch,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = RETRY_SAFE) String key,
            @Valid @NotNull EventRequest request) {
        return idempotency.execute(key, "PUT /events/" + id, request, () -> {
            EventView event = events.update(id, request, Versions.fromIfMatch(ifMatch))
                    .orElseThrow(() -> ProblemException.notFound("Event " + id));
            return Response.ok(event).tag(Versions.etag(event.version())).build();
        });
    }

    @POST
    @Path("/{id}/held")
    @RolesAllowed({ Roles.ENGAGEMENT_OFFICER, Roles.PREVENT_LEAD })
    @Operation(summary = "Record that the event took place",
            description = "With attendance (and how it was counted), outcomes and follow-up actions. Publishes "
                    + "`engagement.event.held.v1`. With an `Idempotency-Key`, a retry answers as the first call did.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HeldRequest.class), examples = @ExampleObject(name = "we-stand-together", value = Examples.HELD_REQUEST)))
    @APIResponse(responseCode = "200", description = "The event, held.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EventView.class), examples = @ExampleObject(name = "held", value = Examples.EVENT_HELD)))
    public Response held(@PathParam("id") UUID id,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = RETRY_SAFE) String key,
            @Valid @NotNull HeldRequest request) {
        return once(key, id, "held", request, () -> events.held(id, request));
    }

    @POST
    @Path("/{id}/attendance-correction")
    @RolesAllowed({ Roles.ENGAGEMENT_OFFICER, Roles.PREVENT_LEAD })
    @Operation(summary = "Correct the attendance of a held event",
            description = "The earlier figure stays in the history. Publishes `engagement.event.attendance-corrected.v1`. "
                    + "With an `Idempotency-Key`, a retry answers as the first call did.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AttendanceCorrection.class), examples = @ExampleObject(name = "second-sheet", value = Examples.CORRECTION_REQUEST)))
    @APIResponse(responseCode = "200", description = "The event, corrected.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EventView.class), examples = @ExampleObject(name = "corrected", value = Examples.EVENT_CORRECTED)))
    public Response correct(@PathParam("id") UUID id,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = RETRY_SAFE) String key,
            @Valid @NotNull AttendanceCorrection correction) {
        return once(key, id, "attendance-correction", correction, () -> events.correctAttendance(id, correction));
    }

    @POST
    @Path("/{id}/cancellation")
    @RolesAllowed({ Roles.ENGAGEMENT_OFFICER, Roles.PREVENT_LEAD })
    @Operation(summary = "Cancel an event",
            description = "The reason is kept in the event's status history. Publishes `engagement.event.cancelled.v1`. "
                    + "With an `Idempotency-Key`, a retry answers as the first call did.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EventDtos.Reason.class), examples = @ExampleObject(name = "flooding", value = Examples.CANCELLATION_REQUEST)))
    @APIResponse(responseCode = "200", description = "The event, cancelled.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EventView.class), examples = @ExampleObject(name = "cancelled", value = Examples.EVENT_CANCELLED)))
    public Response cancel(@PathParam("id") UUID id,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = RETRY_SAFE) String key,
            @Valid @NotNull EventDtos.Reason reason) {
        return once(key, id, "cancellation", reason, () -> events.cancel(id, reason.reason()));
    }

    @POST
    @Path("/{id}/postponement")
    @RolesAllowed({ Roles.ENGAGEMENT_OFFICER, Roles.PREVENT_LEAD })
    @Operation(summary = "Postpone an event",
            description = "Optionally with new days; the reason is kept in the event's status history. Publishes "
                    + "`engagement.event.postponed.v1`. With an `Idempotency-Key`, a retry answers as the first call did.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EventDtos.PostponeRequest.class), examples = @ExampleObject(name = "covid", value = Examples.POSTPONEMENT_REQUEST)))
    @APIResponse(responseCode = "200", description = "The event, postponed.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EventView.class), examples = @ExampleObject(name = "postponed", value = Examples.EVENT_POSTPONED)))
    public Response postpone(@PathParam("id") UUID id,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = RETRY_SAFE) String key,
            @Valid @NotNull EventDtos.PostponeRequest request) {
        return once(key, id, "postponement", request, () -> events.postpone(id, request));
    }

    /**
     * A state change run at most once per Idempotency-Key: without the key a retried "held" would be refused as
     * already held (409) even though the first call succeeded, and the caller could not tell.
     */
    private Response once(String key, UUID id, String step, Object request, Supplier<Optional<EventView>> change) {
        return idempotency.execute(key, "POST /events/" + id + "/" + step, request, () -> {
            EventView event = change.get().orElseThrow(() -> ProblemException.notFound("Event " + id));
            return Response.ok(event).tag(Versions.etag(event.version())).build();
        });
    }
}
