package org.preventhub.training.session;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.preventhub.training.api.Examples;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.platform.idempotency.IdempotentRequests;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.Roles;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.Versions;

import io.quarkus.security.Authenticated;

@Path("/sessions")
@Tag(name = "Sessions", description = "Scheduled deliveries of courses: in person or online, open or bespoke.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SessionService sessions;
    private final IdempotentRequests idempotency;

    public SessionResource(SessionService sessions, IdempotentRequests idempotency) {
        this.sessions = sessions;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({ Roles.TRAINER, Roles.PREVENT_LEAD })
    @Operation(summary = "Schedule a session",
            description = "Publishes `training.session.scheduled.v1`. Send an `Idempotency-Key` to retry safely: "
                    + "a retry returns the first answer, and concurrent retries create one session.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SessionRequest.class),
            examples = @ExampleObject(name = "wrap", value = Examples.SESSION_REQUEST)))
    @APIResponse(responseCode = "201", description = "Scheduled; `Location` is its address.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SessionResponse.class), examples = @ExampleObject(name = "wrap", value = Examples.SESSION)))
    public Response schedule(
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = "Makes retries safe: the first answer is replayed.") String idempotencyKey,
            @Valid @NotNull SessionRequest request) {
        return idempotency.execute(idempotencyKey, "POST /sessions", request, () -> {
            SessionResponse created = sessions.schedule(request);
            return Response.created(URI.create("/sessions/" + created.id())).entity(created)
                    .tag(Versions.etag(created.version())).build();
        });
    }

    @GET
    @Authenticated
    @Operation(summary = "List sessions", description = "Filtered, paged and sorted; by default in start order. "
            + "Sort by startsAt, area, capacity, seatsLeft, status or createdAt.")
    @APIResponse(responseCode = "200", description = "One page of sessions.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SessionPage.class), examples = @ExampleObject(name = "sessions", value = Examples.SESSION_PAGE)))
    public Page<SessionResponse> list(@Valid @BeanParam SessionFilter filter, @Valid @BeanParam PageParams page) {
        return sessions.list(filter, page);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Read a session", description = "With its seats taken, left and waiting.")
    @APIResponse(responseCode = "200", description = "The session; its `ETag` is the version to send in `If-Match`.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SessionResponse.class), examples = @ExampleObject(name = "wrap", value = Examples.SESSION)))
    public Response get(@PathParam("id") UUID id) {
        return sessions.get(id)
                .map(session -> Response.ok(session).tag(Versions.etag(session.version())).build())
                .orElseThrow(() -> ProblemException.notFound("Session " + id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.TRAINER, Roles.PREVENT_LEAD })
    @Operation(summary = "Change a scheduled session",
            description = "A new time publishes `training.session.rescheduled.v1`; other reportable changes "
                    + "(capacity, area, mode, access, audience) publish `training.session.updated.v1`. "
                    + "A cancelled or delivered session cannot change (409).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SessionRequest.class),
            examples = @ExampleObject(name = "wrap", value = Examples.SESSION_REQUEST)))
    @APIResponse(responseCode = "200", description = "The changed session.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SessionResponse.class), examples = @ExampleObject(name = "wrap", value = Examples.SESSION)))
    @APIResponse(responseCode = "412", description = "`If-Match` names an older version.")
    public Response change(@PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "The ETag you read; 412 if the session changed since.") String ifMatch,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull SessionRequest request) {
        return idempotency.execute(key, "PUT /sessions/" + id, request, () -> sessions.change(id, request, Versions.fromIfMatch(ifMatch))
                .map(session -> Response.ok(session).tag(Versions.etag(session.version())).build())
                .orElseThrow(() -> ProblemException.notFound("Session " + id)));
    }

    @POST
    @Path("/{id}/cancellation")
    @RolesAllowed({ Roles.TRAINER, Roles.PREVENT_LEAD })
    @Operation(summary = "Cancel a session", description = "Cancels its bookings and waiting list, each with "
            + "`training.booking.cancelled.v1`, then publishes `training.session.cancelled.v1`.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SessionCancellation.class),
            examples = @ExampleObject(name = "covid", value = Examples.SESSION_CANCELLATION)))
    @APIResponse(responseCode = "200", description = "The cancelled session.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SessionResponse.class), examples = @ExampleObject(name = "cancelled", value = Examples.SESSION_CANCELLED)))
    @APIResponse(responseCode = "412", description = "`If-Match` names an older version.")
    public Response cancel(@PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "The ETag you read; 412 if the session changed since.") String ifMatch,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull SessionCancellation cancellation) {
        return idempotency.execute(key, "POST /sessions/" + id + "/cancellation", cancellation, () -> sessions.cancel(id, cancellation, Versions.fromIfMatch(ifMatch))
                .map(session -> Response.ok(session).tag(Versions.etag(session.version())).build())
                .orElseThrow(() -> ProblemException.notFound("Session " + id)));
    }
}
