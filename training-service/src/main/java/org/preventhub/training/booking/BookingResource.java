package org.preventhub.training.booking;

import java.util.UUID;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.preventhub.training.api.Examples;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.security.Roles;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.idempotency.IdempotentRequests;

@Path("/bookings")
@Tag(name = "Bookings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BookingResource {

    static final String SECRET_HEADER = "X-Booking-Secret";
    /** For the operations that take a reference and its secret. */
    private static final String NOT_FOUND = "No booking has this reference, or the secret is not its secret: the two "
            + "are answered alike. (Staff need no secret: to them 404 means no such booking.)";

    private final BookingService bookings;
    private final CurrentUser user;
    private final IdempotentRequests idempotency;

    public BookingResource(BookingService bookings, CurrentUser user, IdempotentRequests idempotency) {
        this.bookings = bookings;
        this.user = user;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed({ Roles.TRAINER, Roles.PREVENT_LEAD })
    @Operation(summary = "List bookings", description = "By session, status or attendee email (filters combine); paged. "
            + "Sort by createdAt, status or bookedAt (not by name or e-mail: they are encrypted).")
    @APIResponse(responseCode = "200", description = "One page of bookings.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BookingPage.class), examples = @ExampleObject(name = "bookings", value = Examples.BOOKING_PAGE)))
    public Page<BookingResponse> list(@BeanParam BookingFilter filter, @Valid @BeanParam PageParams page) {
        return bookings.list(filter, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.TRAINER, Roles.PREVENT_LEAD })
    @Operation(summary = "Read a booking", description = "Staff only; the cancellation secret is never shown again.")
    @APIResponse(responseCode = "200", description = "The booking.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BookingResponse.class), examples = @ExampleObject(name = "confirmed", value = Examples.BOOKING)))
    public BookingResponse get(@PathParam("id") UUID id) {
        return bookings.get(id).orElseThrow(() -> ProblemException.notFound("Booking " + id));
    }

    @GET
    @Path("/by-reference/{reference}")
    @RolesAllowed({ Roles.TRAINER, Roles.PREVENT_LEAD, Roles.BOOKING })
    @Operation(summary = "Read a booking by its reference",
            description = "The attendee (through the booking website) proves it is theirs with the secret in `X-Booking-Secret`.")
    @APIResponse(responseCode = "200", description = "The booking.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BookingResponse.class), examples = @ExampleObject(name = "confirmed", value = Examples.BOOKING)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public BookingResponse byReference(@PathParam("reference") String reference,
            @HeaderParam(SECRET_HEADER) String secret) {
        return bookings.getByReference(reference, secret, isStaff())
                .orElseThrow(BookingSecrets::noSuchBooking);
    }

    @POST
    @Path("/{reference}/cancellation")
    @RolesAllowed({ Roles.TRAINER, Roles.PREVENT_LEAD, Roles.BOOKING })
    @Operation(summary = "Cancel a booking",
            description = "Frees the seat, which goes to the first on the waiting list at once "
                    + "(`training.booking.promoted.v1`). The attendee needs the secret; staff do not. "
                    + "Publishes `training.booking.cancelled.v1`.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CancellationRequest.class),
            examples = @ExampleObject(name = "attendee", value = Examples.CANCELLATION_REQUEST)))
    @APIResponse(responseCode = "200", description = "The cancelled booking.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BookingResponse.class), examples = @ExampleObject(name = "cancelled", value = Examples.BOOKING_CANCELLED)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public Response cancel(@PathParam("reference") String reference,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid CancellationRequest request) {
        return idempotency.execute(key, "POST /bookings/" + reference + "/cancellation", request, () -> Response.ok(
                bookings.cancel(reference, request == null ? null : request.secret(), isStaff())
                        .orElseThrow(BookingSecrets::noSuchBooking)).build());
    }

    @POST
    @Path("/{reference}/promotion-declined")
    @RolesAllowed({ Roles.TRAINER, Roles.PREVENT_LEAD, Roles.BOOKING })
    @Operation(summary = "Decline a promotion from the waiting list",
            description = "The seat passes to the next in line. Publishes `training.booking.cancelled.v1` "
                    + "(reason PROMOTION_DECLINED) and `training.booking.promoted.v1` for the next.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CancellationRequest.class),
            examples = @ExampleObject(name = "attendee", value = Examples.CANCELLATION_REQUEST)))
    @APIResponse(responseCode = "200", description = "The declined booking, now cancelled.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BookingResponse.class), examples = @ExampleObject(name = "declined", value = Examples.BOOKING_PROMOTION_DECLINED)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public Response decline(@PathParam("reference") String reference,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid CancellationRequest request) {
        return idempotency.execute(key, "POST /bookings/" + reference + "/promotion-declined", request, () -> Response.ok(
                bookings.declinePromotion(reference, request == null ? null : request.secret(), isStaff())
                        .orElseThrow(BookingSecrets::noSuchBooking)).build());
    }

    private boolean isStaff() {
        return user.hasRole(Roles.TRAINER) || user.hasRole(Roles.PREVENT_LEAD);
    }
}
