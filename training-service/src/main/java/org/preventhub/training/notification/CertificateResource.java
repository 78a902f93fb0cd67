package org.preventhub.training.notification;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.preventhub.platform.idempotency.IdempotentRequests;
import org.preventhub.platform.security.Roles;
import org.preventhub.training.booking.BookingSecrets;
import org.preventhub.training.booking.CancellationRequest;

/** A certificate of attendance, e-mailed as a PDF to the address the booking was made with. */
@Path("/bookings")
@Tag(name = "Messages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CertificateResource {

    @Schema(description = "A certificate requested: it is e-mailed to the booking's address, once for this request.")
    public record CertificateRequested(@Schema(description = "The request (the message's id).") UUID requestId) {
    }

    private final Certificates certificates;
    private final IdempotentRequests idempotency;

    public CertificateResource(Certificates certificates, IdempotentRequests idempotency) {
        this.certificates = certificates;
        this.idempotency = idempotency;
    }

    @POST
    @Path("/{reference}/certificate")
    @RolesAllowed({ Roles.BOOKING, Roles.TRAINER, Roles.PREVENT_LEAD })
    @Operation(summary = "E-mail me a certificate of attendance",
            description = "A PDF (course, date, attendee, hours) e-mailed to the address the booking was made with, "
                    + "never to another. Only for a booking marked attended on the session's register (else 409). The "
                    + "attendee (through the booking website) proves the booking is theirs with its secret; staff of "
                    + "the agency running its session need none.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CancellationRequest.class),
            examples = @ExampleObject(name = "attendee", value = "{\"secret\": \"q3Vh1xYcTj2cW0m9aQ7sZg\"}")))
    @APIResponse(responseCode = "202", description = "Requested: the e-mail follows.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CertificateRequested.class),
            examples = @ExampleObject(name = "requested",
                    value = "{\"requestId\": \"7c1e2a9e-3f1c-4b4d-9a51-2d6f0e8b7c10\"}")))
    @APIResponse(responseCode = "404", description = "No booking has this reference, or the secret is not its secret: "
            + "the two are answered alike.")
    @APIResponse(responseCode = "409", description = "The booking is not marked attended (`not-attended`).")
    public Response request(@PathParam("reference") String reference,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid CancellationRequest request) {
        return idempotency.execute(key, "POST /bookings/" + reference + "/certificate", request, () -> Response
                .accepted(new CertificateRequested(certificates.request(reference, request == null ? null
                        : request.secret()).orElseThrow(BookingSecrets::noSuchBooking))).build());
    }
}
