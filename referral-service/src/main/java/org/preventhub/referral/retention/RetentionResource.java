package org.preventhub.referral.retention;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.Roles;
import org.preventhub.referral.referral.ReferralClock;
import org.preventhub.platform.idempotency.IdempotentRequests;
import org.preventhub.platform.validation.PlausibleDate;
import org.preventhub.platform.validation.PlausibleDate.Kind;
import java.util.List;

@Path("/retention/runs")
@Tag(name = "Retention", description = "Erasure of personal data when its retention period ends.")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    private final RetentionService retention;
    private final ReferralClock clock;
    private final IdempotentRequests idempotency;

    public RetentionResource(RetentionService retention, ReferralClock clock, IdempotentRequests idempotency) {
        this.retention = retention;
        this.clock = clock;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Run the retention job now, or see what a run would erase",
            description = "A run erases the personal data of every referral whose retention date has come (it also runs "
                    + "every night); records under legal hold are kept. Erasure cannot be undone, so a run is always "
                    + "as of today: `asOf` is for a dry run (`dryRun=true`), which erases nothing and lists what a run "
                    + "on that day would erase.")
    @APIResponse(responseCode = "200", description = "What was erased, or what a run would erase.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RetentionService.RetentionRun.class)))
    public Response run(
            @QueryParam("dryRun") @DefaultValue("false") @Parameter(description = "List what would be erased; erase nothing.") boolean dryRun,
            @QueryParam("asOf") @Parameter(description = "For a dry run: the day to look at (defaults to today).",
                    example = "2027-01-01") @PlausibleDate(Kind.FILTER) LocalDate asOf,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key) {
        if (dryRun) {
            return Response.ok(retention.dryRun(asOf == null ? clock.today() : asOf)).build();
        }
        if (asOf != null) {
            throw ProblemException.invalidField("asOf", "only with dryRun=true: a run erases as of today, never early");
        }
        return idempotency.execute(key, "POST /retention/runs", null,
                () -> Response.ok(retention.run(clock.today())).build());
    }
}
