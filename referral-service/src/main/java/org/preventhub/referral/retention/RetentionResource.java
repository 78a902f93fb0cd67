package org.preventhub.referral.retention;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.platform.security.Roles;
import org.preventhub.referral.referral.ReferralService;

@Path("/retention/runs")
@Tag(name = "Retention", description = "Erasure of personal data when its retention period ends.")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    private final RetentionService retention;
    private final ReferralService referrals;

    public RetentionResource(RetentionService retention, ReferralService referrals) {
        this.retention = retention;
        this.referrals = referrals;
    }

    @POST
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ADMIN })
    @Operation(summary = "Run the retention job now",
            description = "It also runs every night. `asOf` runs it as of another day (to check what a future run "
                    + "will erase, in a test environment); records under legal hold are kept.")
    public RetentionService.RetentionRun run(
            @QueryParam("asOf") @Parameter(description = "Defaults to today.", example = "2027-01-01") LocalDate asOf) {
        return retention.run(asOf == null ? referrals.today() : asOf);
    }
}
