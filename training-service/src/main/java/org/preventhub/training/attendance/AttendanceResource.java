package org.preventhub.training.attendance;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.HeaderParam;
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
import org.preventhub.platform.security.Roles;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.idempotency.IdempotentRequests;

@Path("/sessions")
@Tag(name = "Attendance", description = "The register: attended or no-show, walk-ins, delivery and corrections.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.TRAINER, Roles.PREVENT_LEAD })
public class AttendanceResource {

    private final AttendanceService attendance;
    private final IdempotentRequests idempotency;

    public AttendanceResource(AttendanceService attendance, IdempotentRequests idempotency) {
        this.attendance = attendance;
        this.idempotency = idempotency;
    }

    @PUT
    @Path("/{sessionId}/attendance")
    @Operation(summary = "Record the register",
            description = "Attended or no-show per booking, and walk-ins, in bulk; can be sent again until the session is "
                    + "delivered. A resent walk-in is the same person when the email matches (or, without an email, the "
                    + "name and organisation): it is not added twice, and leaving one out does not remove it. "
                    + "Each new or changed mark publishes `training.attendance.recorded.v1`. Answers the whole register.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AttendanceSheet.class),
            examples = @ExampleObject(name = "register", value = Examples.ATTENDANCE_SHEET)))
    @APIResponse(responseCode = "200", description = "The register.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = AttendanceResponse.class), examples = @ExampleObject(name = "register", value = Examples.REGISTER)))
    public Response record(@PathParam("sessionId") UUID sessionId,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull AttendanceSheet sheet) {
        return idempotency.execute(key, "PUT /sessions/" + sessionId + "/attendance", sheet, () -> Response.ok(
                attendance.record(sessionId, sheet).orElseThrow(() -> ProblemException.notFound("Session " + sessionId)))
                .build());
    }

    @GET
    @Path("/{sessionId}/attendance")
    @Operation(summary = "The session's register",
            description = "Paged; booked attendees first, then walk-ins. Sort by recordedAt, attended or walkIn (not by name: it is encrypted).")
    @APIResponse(responseCode = "200", description = "One page of the register.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AttendancePage.class), examples = @ExampleObject(name = "register", value = Examples.REGISTER_PAGE)))
    public Page<AttendanceResponse> list(@PathParam("sessionId") UUID sessionId, @Valid @BeanParam PageParams page) {
        return attendance.list(sessionId, page).orElseThrow(() -> ProblemException.notFound("Session " + sessionId));
    }

    @POST
    @Path("/{sessionId}/delivery")
    @Operation(summary = "Mark the session delivered",
            description = "Booked attendees with no mark become no-shows and the register is frozen. "
                    + "Places still on the waiting list are closed (`training.booking.cancelled.v1`, reason "
                    + "WAITING_LIST_CLOSED). Publishes `training.session.delivered.v1` with the counts.")
    @APIResponse(responseCode = "200", description = "The final counts.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeliveryResponse.class), examples = @ExampleObject(name = "delivered", value = Examples.DELIVERY)))
    public Response deliver(@PathParam("sessionId") UUID sessionId,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key) {
        return idempotency.execute(key, "POST /sessions/" + sessionId + "/delivery", null, () -> Response.ok(
                attendance.deliver(sessionId).orElseThrow(() -> ProblemException.notFound("Session " + sessionId)))
                .build());
    }

    @POST
    @Path("/{sessionId}/attendance/{attendanceId}/correction")
    @Operation(summary = "Correct a delivered session's register",
            description = "Publishes `training.attendance.corrected.v1`; the reason stays in the service. An attendee "
                    + "who has evaluated the session cannot be corrected to a no-show (409 attendance-evaluated).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AttendanceCorrection.class),
            examples = @ExampleObject(name = "late", value = Examples.CORRECTION_REQUEST)))
    @APIResponse(responseCode = "200", description = "The corrected mark.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AttendanceResponse.class), examples = @ExampleObject(name = "corrected", value = Examples.CORRECTED)))
    public Response correct(@PathParam("sessionId") UUID sessionId,
            @PathParam("attendanceId") UUID attendanceId,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull AttendanceCorrection correction) {
        return idempotency.execute(key, "POST /sessions/" + sessionId + "/attendance/" + attendanceId + "/correction",
                correction, () -> Response.ok(attendance.correct(sessionId, attendanceId, correction)
                        .orElseThrow(() -> ProblemException.notFound("Attendance " + attendanceId))).build());
    }
}
