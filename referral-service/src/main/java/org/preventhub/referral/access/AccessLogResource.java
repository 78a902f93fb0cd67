package org.preventhub.referral.access;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.Roles;
import org.preventhub.referral.referral.Referral;

@Path("/referrals")
@Tag(name = "Access log", description = "Every read, search hit, export and change of a referral.")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AccessLogResource {

    private final AccessLog accessLog;
    private final EntityManager em;

    public AccessLogResource(AccessLog accessLog, EntityManager em) {
        this.accessLog = accessLog;
        this.em = em;
    }

    @GET
    @Path("/{id}/access-log")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "A referral's access log", description = "Who, with which roles and agency, when, which fields, why.")
    @Transactional
    public List<AccessLogEntry> accessLog(@PathParam("id") UUID id) {
        if (em.find(Referral.class, id) == null) {
            throw ProblemException.notFound("Referral " + id);
        }
        return accessLog.forReferral(id);
    }
}
