package org.preventhub.training.privacy;

import org.preventhub.platform.idempotency.IdempotentRequests;
import jakarta.ws.rs.core.Response;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.platform.security.Roles;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.training.api.Examples;

/** A trainee's subject access request: the export of everything held about them, and its erasure on request. */
@Path("/subject-access")
@Tag(name = "Subject access", description = "Everything held about a trainee, exported or erased on request, audited.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PREVENT_LEAD)
public class SubjectAccessResource {

    private static final String FOUND = "Found by e-mail address (whatever its case) and, with a name, also the marks "
            + "of registers and council records with that name and no e-mail address (walk-ins who gave none). "
            + "Needs the purpose in `X-Access-Purpose` (a short phrase such as the request's reference, never personal "
            + "data); who asked, when and why is logged, with the number of records, whether or not any was found. "
            + "Prevent lead only.";

    @Schema(name = "TraineeSubjectAccessRequest", description = "Whom the request is about. In the body: an e-mail address never belongs in a URL.")
    public record SubjectRequest(
            @NotBlank @Email @Size(max = 320) @Schema(example = "sam.taylor@example.org") String email,
            @Size(max = 200) @Schema(description = "Also finds the marks and council records that carry this name and "
                    + "no e-mail address.", example = "Sam Taylor") String name) {
    }

    private final SubjectAccessService subjectAccess;
    private final SubjectAccessLog log;
    private final IdempotentRequests idempotency;

    public SubjectAccessResource(SubjectAccessService subjectAccess, SubjectAccessLog log, IdempotentRequests idempotency) {
        this.subjectAccess = subjectAccess;
        this.log = log;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(summary = "Export everything held about a trainee",
            description = "Bookings, marks of registers, evaluations (with comments), council feed records and the "
                    + "earlier requests about them. " + FOUND)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubjectRequest.class),
            examples = @ExampleObject(name = "trainee", value = Examples.SUBJECT_REQUEST)))
    @APIResponse(responseCode = "200", description = "Everything held about them.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "Each kind of record held about the trainee, as lists of objects."), examples = @ExampleObject(name = "export", value = Examples.SUBJECT_EXPORT)))
    public Map<String, Object> export(@Valid @NotNull SubjectRequest request,
            @HeaderParam(SubjectAccessLog.PURPOSE_HEADER) @Parameter(description = "Why, e.g. 'Subject access request "
                    + "of 3 March (ref SAR-2026-014)'; never personal data.", required = true) String purpose) {
        return subjectAccess.export(request.email(), request.name(), purpose);
    }

    @POST
    @Path("/erasure")
    @Operation(summary = "Erase a trainee's identity on request",
            description = "Their name, e-mail address, organisation and job role go from every booking and mark of a "
                    + "register, their comments from their evaluations, their council records' names and addresses; "
                    + "the records stay with what the figures count (status, sector, attended, the answers), so no "
                    + "figure changes. Each mark erased publishes `training.attendance.erased.v1` (its id only), so "
                    + "engagement forgets the staff completion it learnt from it; a live booking of a session that has "
                    + "not started is cancelled first (`training.booking.cancelled.v1`, reason ERASURE_REQUESTED) and "
                    + "its seat goes to the next in line. Cannot be undone: export first. " + FOUND)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubjectRequest.class),
            examples = @ExampleObject(name = "trainee", value = Examples.SUBJECT_REQUEST)))
    @APIResponse(responseCode = "200", description = "What was erased.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubjectAccessService.Erasure.class),
            examples = @ExampleObject(name = "erased", value = Examples.ERASURE)))
    public Response erase(@Valid @NotNull SubjectRequest request,
            @HeaderParam(SubjectAccessLog.PURPOSE_HEADER) @Parameter(description = "Why, e.g. 'Erasure request of "
                    + "3 March (ref SAR-2026-014)'; never personal data.", required = true) String purpose,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key) {
        return idempotency.execute(key, "POST /subject-access/erasure", request,
                () -> Response.ok(subjectAccess.erase(request.email(), request.name(), purpose)).build());
    }

    @GET
    @Path("/log")
    @Operation(summary = "The log of subject access requests and retention runs",
            description = "Newest first: what was done (EXPORT, ERASE, RETENTION), by whom, when, why, and how many "
                    + "records. It names no trainee. Append-only. Paged.")
    @APIResponse(responseCode = "200", description = "One page of the log.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubjectAccessLogPage.class), examples = @ExampleObject(name = "log", value = Examples.SUBJECT_ACCESS_LOG)))
    public Page<SubjectAccessLog.Entry> log(@Valid @BeanParam PageParams page) {
        return log.page(page);
    }
}
