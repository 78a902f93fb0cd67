package org.preventhub.training.attendance;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.Roles;

@Path("/sessions")
@Tag(name = "Attendance", description = "The register: attended or no-show, walk-ins, delivery and corrections.")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.TRAINER, Roles.PREVENT_LEAD })
public class AttendanceResource {

    private final AttendanceService attendance;

    public AttendanceResource(AttendanceService attendance) {
        this.attendance = attendance;
    }

    @PUT
    @Path("/{sessionId}/attendance")
    @Operation(summary = "Record the register",
            description = "Attended or no-show per booking, and walk-ins, in bulk; can be sent again until the session is "
                    + "delivered. Each new or changed mark publishes `training.attendance.recorded.v1`.")
    public List<AttendanceResponse> record(@PathParam("sessionId") UUID sessionId, @Valid @NotNull AttendanceSheet sheet) {
        return attendance.record(sessionId, sheet).orElseThrow(() -> ProblemException.notFound("Session " + sessionId));
    }

    @GET
    @Path("/{sessionId}/attendance")
    @Operation(summary = "The session's register")
    public List<AttendanceResponse> list(@PathParam("sessionId") UUID sessionId) {
        return attendance.list(sessionId).orElseThrow(() -> ProblemException.notFound("Session " + sessionId));
    }

    @POST
    @Path("/{sessionId}/delivery")
    @Operation(summary = "Mark the session delivered",
            description = "Booked attendees with no mark become no-shows and the register is frozen. "
                    + "Publishes `training.session.delivered.v1` with the counts.")
    public DeliveryResponse deliver(@PathParam("sessionId") UUID sessionId) {
        return attendance.deliver(sessionId).orElseThrow(() -> ProblemException.notFound("Session " + sessionId));
    }

    @POST
    @Path("/{sessionId}/attendance/{attendanceId}/correction")
    @Operation(summary = "Correct a delivered session's register",
            description = "Publishes `training.attendance.corrected.v1`; the reason stays in the service.")
    public AttendanceResponse correct(@PathParam("sessionId") UUID sessionId,
            @PathParam("attendanceId") UUID attendanceId, @Valid @NotNull AttendanceCorrection correction) {
        return attendance.correct(sessionId, attendanceId, correction)
                .orElseThrow(() -> ProblemException.notFound("Attendance " + attendanceId));
    }
}
