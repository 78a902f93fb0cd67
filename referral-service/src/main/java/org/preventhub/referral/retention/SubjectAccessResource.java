package org.preventhub.referral.retention;

import java.time.LocalDate;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.platform.security.Roles;
import org.preventhub.referral.access.AccessLog;
import org.preventhub.platform.validation.PlausibleDate;
import org.preventhub.platform.validation.PlausibleDate.Kind;

/** A subject access request: everything held about one person, for the Prevent lead to answer it. */
@Path("/subject-access")
@Tag(name = "Subject access", description = "Everything held about one person, exported and audited.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubjectAccessResource {

    private final SubjectAccessService subjectAccess;

    public SubjectAccessResource(SubjectAccessService subjectAccess) {
        this.subjectAccess = subjectAccess;
    }

    @Schema(description = "Whom the request is about. In the body: a name and date of birth never belong in a URL.")
    public record SubjectAccessRequest(
            @NotBlank @Size(max = 200) @Schema(example = "Jamie Example") String name,
            @PlausibleDate(Kind.BIRTH) @Schema(description = "Tells namesakes apart.", example = "2005-06-14") LocalDate dateOfBirth) {
    }

    @POST
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Export everything held about a person",
            description = "Found by name (as the name search matches it) and, to tell namesakes apart, date of birth. "
                    + "The request is logged, found or not, and each referral exported is logged as an EXPORT with the purpose.")
    public Map<String, Object> export(@Valid @NotNull SubjectAccessRequest request,
            @HeaderParam(AccessLog.PURPOSE_HEADER) @Parameter(description = "e.g. 'Subject access request of 3 March'; "
                    + "never personal data.", required = true) String purpose) {
        return subjectAccess.export(request.name(), request.dateOfBirth(), purpose);
    }
}
