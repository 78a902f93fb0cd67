package org.preventhub.training.booking;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.security.Roles;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;

/** Booking a session's seats and its waiting list (under {@code /sessions/{id}}, beside the session itself). */
@Path("/sessions")
@Tag(name = "Bookings", description = "Seats, waiting lists and cancellations. The public booking website books "
        + "with the `booking` role; staff (trainer, prevent-lead) book on someone's behalf.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionBookingResource {

    private final BookingService bookings;
    private final IdempotentRequests idempotency;
    private final CurrentUser user;

    public SessionBookingResource(BookingService bookings, IdempotentRequests idempotency, CurrentUser user) {
        this.bookings = bookings;
        this.idempotency = idempotency;
        this.user = user;
    }

    @POST
    @Path("/{sessionId}/bookings")
    @RolesAllowed({ Roles.TRAINER, Roles.PREVENT_LEAD, Roles.BOOKING })
    @Operation(summary = "Book a seat",
            description = "Confirms a seat, or joins the waiting list when the session is full (status WAITLISTED, "
                    + "with its position). The answer carries a reference and a secret with which the attendee "
                    + "cancels or evaluates without an account: the secret is shown only here. "
                    + "Once the session has started, until it is delivered, only its agency's trainers and the Prevent "
                    + "lead record bookings (from the booking sheet, with `bookedAt`): each takes a free seat or is "
                    + "refused (409 session-full: record a walk-in instead), never waits, and promotes nobody; the "
                    + "booking website gets 409 session-not-bookable, as for a cancelled or delivered session. "
                    + "Publishes `training.booking.confirmed.v1` or `training.booking.waitlisted.v1`.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BookingRequest.class),
            examples = @ExampleObject(name = "attendee", value = Examples.BOOKING_REQUEST)))
    @APIResponse(responseCode = "201", description = "Booked or waitlisted.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BookingResponse.class), examples = { @ExampleObject(name = "confirmed", value = Examples.BOOKING_CREATED), @ExampleObject(name = "waitlisted", value = Examples.BOOKING_WAITLISTED) }))
    public Response book(@PathParam("sessionId") UUID sessionId,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = "Makes retries safe.") String idempotencyKey,
            @Valid @NotNull BookingRequest request) {
        BookingChannel channel = isStaff() ? BookingChannel.STAFF : BookingChannel.WEB;
        return idempotency.execute(idempotencyKey, "POST /sessions/" + sessionId + "/bookings", request, () -> {
            BookingResponse booking = bookings.book(sessionId, request, channel)
                    .orElseThrow(() -> ProblemException.notFound("Session " + sessionId));
            return Response.created(URI.create("/bookings/" + booking.id())).entity(booking).build();
        });
    }

    @GET
    @Path("/{sessionId}/waiting-list")
    @RolesAllowed({ Roles.TRAINER, Roles.PREVENT_LEAD })
    @Operation(summary = "A session's waiting list, first in line first",
            description = "Paged; `waitlistPosition` is each place in the queue (1 is next). Sort: `position` or `position,desc`.")
    @APIResponse(responseCode = "200", description = "One page of the waiting list.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BookingPage.class), examples = @ExampleObject(name = "waiting", value = Examples.WAITING_LIST_PAGE)))
    public Page<BookingResponse> waitingList(@PathParam("sessionId") UUID sessionId, @Valid @BeanParam PageParams page) {
        return bookings.waitingList(sessionId, page).orElseThrow(() -> ProblemException.notFound("Session " + sessionId));
    }

    private boolean isStaff() {
        return user.hasRole(Roles.TRAINER) || user.hasRole(Roles.PREVENT_LEAD);
    }
}
