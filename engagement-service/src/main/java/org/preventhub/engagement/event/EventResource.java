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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.engagement.event.EventDtos.AttendanceCorrection;
import org.preventhub.engagement.event.EventDtos.EventRequest;
import org.preventhub.engagement.event.EventDtos.EventView;
import org.preventhub.engagement.event.EventDtos.HeldRequest;
import org.preventhub.platform.idempotency.IdempotentRequests;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.Roles;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.Versions;

@Path("/events")
@Tag(name = "Community events", description = "Public meetings, workshops, conferences, school projects, focus groups "
        + "and forums, each under the priority it serves.")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EventResource {

    private final EventService events;
    private final IdempotentRequests idempotency;

    public EventResource(EventService events, IdempotentRequests idempotency) {
        this.events = events;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({ Roles.ENGAGEMENT_OFFICER, Roles.PREVENT_LEAD })
    @Operation(summary = "Plan an event", description = "Publishes `engagement.event.planned.v1`.")
    @APIResponse(responseCode = "201", description = "Planned.")
    public Response plan(@HeaderParam(IdempotentRequests.HEADER) String key, @Valid @NotNull EventRequest request) {
        return idempotency.execute(key, "POST /events", request, () -> {
            EventView created = events.plan(request);
            return Response.created(URI.create("/events/" + created.id())).entity(created)
                    .tag(Versions.etag(created.version())).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.ENGAGEMENT_OFFICER, Roles.PREVENT_LEAD, Roles.ANALYST, Roles.TRAINER, Roles.CHANNEL_PANEL,
            Roles.REFERRER })
    @Operation(summary = "List events", description = "By type, area, priority, partner, days and status; paged.")
    public Page<EventView> list(@BeanParam EventFilter filter, @Valid @BeanParam PageParams page) {
        return events.list(filter, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ENGAGEMENT_OFFICER, Roles.PREVENT_LEAD, Roles.ANALYST, Roles.TRAINER, Roles.CHANNEL_PANEL,
            Roles.REFERRER })
    @Operation(summary = "Read an event, with its attendance history")
    public Response get(@PathParam("id") UUID id) {
        EventView event = events.get(id).orElseThrow(() -> ProblemException.notFound("Event " + id));
        return Response.ok(event).tag(Versions.etag(event.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.ENGAGEMENT_OFFICER, Roles.PREVENT_LEAD })
    @Operation(summary = "Change an event's details", description = "Publishes `engagement.event.updated.v1`.")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull EventRequest request) {
        EventView event = events.update(id, request, Versions.fromIfMatch(ifMatch))
                .orElseThrow(() -> ProblemException.notFound("Event " + id));
        return Response.ok(event).tag(Versions.etag(event.version())).build();
    }

    @POST
    @Path("/{id}/held")
    @RolesAllowed({ Roles.ENGAGEMENT_OFFICER, Roles.PREVENT_LEAD })
    @Operation(summary = "Record that the event took place",
            description = "With attendance (and how it was counted), outcomes and follow-up actions. Publishes "
                    + "`engagement.event.held.v1`. With an `Idempotency-Key`, a retry answers as the first call did.")
    @APIResponse(responseCode = "200", description = "Held.")
    public Response held(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key,
            @Valid @NotNull HeldRequest request) {
        return once(key, id, "held", request, () -> events.held(id, request));
    }

    @POST
    @Path("/{id}/attendance-correction")
    @RolesAllowed({ Roles.ENGAGEMENT_OFFICER, Roles.PREVENT_LEAD })
    @Operation(summary = "Correct the attendance of a held event",
            description = "The earlier figure stays in the history. Publishes `engagement.event.attendance-corrected.v1`. "
                    + "With an `Idempotency-Key`, a retry answers as the first call did.")
    @APIResponse(responseCode = "200", description = "Corrected.")
    public Response correct(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key,
            @Valid @NotNull AttendanceCorrection correction) {
        return once(key, id, "attendance-correction", correction, () -> events.correctAttendance(id, correction));
    }

    @POST
    @Path("/{id}/cancellation")
    @RolesAllowed({ Roles.ENGAGEMENT_OFFICER, Roles.PREVENT_LEAD })
    @Operation(summary = "Cancel an event",
            description = "The reason is kept in the event's status history. Publishes `engagement.event.cancelled.v1`. "
                    + "With an `Idempotency-Key`, a retry answers as the first call did.")
    @APIResponse(responseCode = "200", description = "Cancelled.")
    public Response cancel(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key,
            @Valid @NotNull EventDtos.Reason reason) {
        return once(key, id, "cancellation", reason, () -> events.cancel(id, reason.reason()));
    }

    @POST
    @Path("/{id}/postponement")
    @RolesAllowed({ Roles.ENGAGEMENT_OFFICER, Roles.PREVENT_LEAD })
    @Operation(summary = "Postpone an event",
            description = "Optionally with new days; the reason is kept in the event's status history. Publishes "
                    + "`engagement.event.postponed.v1`. With an `Idempotency-Key`, a retry answers as the first call did.")
    @APIResponse(responseCode = "200", description = "Postponed.")
    public Response postpone(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key,
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
