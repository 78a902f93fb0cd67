package org.preventhub.training.privacy;

import org.preventhub.platform.idempotency.IdempotentRequests;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Response;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.platform.security.Roles;
import org.preventhub.training.api.Examples;

@Path("/retention/runs")
@Tag(name = "Retention", description = "Trainees' identities erased when their retention period ends; the counts stay.")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    private final RetentionService retention;
    private final IdempotentRequests idempotency;

    public RetentionResource(RetentionService retention, IdempotentRequests idempotency) {
        this.retention = retention;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Run the retention rule now, or see what a run would erase",
            description = "Erases the identity of every trainee whose session ended longer ago than "
                    + "`hub.training.retention.identity-for` (it also runs every night); the records and their counts "
                    + "stay; each mark erased publishes `training.attendance.erased.v1`. `dryRun=true` counts and "
                    + "erases (and publishes) nothing. Each run is logged (GET /subject-access/log).")
    @APIResponse(responseCode = "200", description = "What was (or would be) erased.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RetentionService.RetentionRun.class),
            examples = @ExampleObject(name = "run", value = Examples.RETENTION_RUN)))
    public Response run(@QueryParam("dryRun") @DefaultValue("false")
            @Parameter(description = "Count what would be erased; erase nothing.") boolean dryRun,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key) {
        if (dryRun) {
            return Response.ok(retention.run(true)).build();
        }
        return idempotency.execute(key, "POST /retention/runs", null, () -> Response.ok(retention.run(false)).build());
    }
}
