package org.preventhub.referral.access;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.Roles;

@Path("/referrals")
@Tag(name = "Access log", description = "Every read, search, search hit, export and change of a referral.")
@Produces(MediaType.APPLICATION_JSON)
public class AccessLogResource {

    private final AccessLog accessLog;

    public AccessLogResource(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @GET
    @Path("/{id}/access-log")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "A referral's access log",
            description = "Who, with which roles and agency, when, which fields, why. Reading it is logged too (the "
                    + "answer includes this read), with the `X-Access-Purpose` it requires.")
    public List<AccessLogEntry> accessLog(@PathParam("id") UUID id,
            @HeaderParam(AccessLog.PURPOSE_HEADER) @Parameter(description = "Why you read it, e.g. 'Subject access request'; "
                    + "at most 200 characters, never personal data.", required = true) String purpose) {
        return accessLog.read(id, purpose).orElseThrow(() -> ProblemException.notFound("Referral " + id));
    }
}
