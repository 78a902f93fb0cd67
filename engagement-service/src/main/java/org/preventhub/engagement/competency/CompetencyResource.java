package org.preventhub.engagement.competency;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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
import org.preventhub.engagement.competency.CompetencyDtos.MemberCompetency;
import org.preventhub.engagement.competency.CompetencyDtos.Requirements;
import org.preventhub.engagement.competency.CompetencyDtos.Status;
import org.preventhub.platform.reference.ReferenceDataConfig;
import org.preventhub.platform.security.Roles;
import org.preventhub.platform.validation.PlausibleDate;
import org.preventhub.platform.validation.PlausibleDate.Kind;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;

/**
 * Governance members' competency (the Channel Panel's training audit): the training each role requires and where each
 * member stands, from training's completions linked by user id. Read as the governance record is read.
 */
@Path("/governance/competency")
@Tag(name = "Governance")
@Produces(MediaType.APPLICATION_JSON)
public class CompetencyResource {

    private final CompetencyService competency;
    private final ReferenceDataConfig reference;

    public CompetencyResource(CompetencyService competency, ReferenceDataConfig reference) {
        this.competency = competency;
        this.reference = reference;
    }

    @GET
    @Path("/requirements")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ENGAGEMENT_OFFICER, Roles.ANALYST })
    @Operation(summary = "The training governance roles require", description = "Per body kind and member role: the "
            + "courses any one of which meets it and how long a completion counts (`hub.engagement.competency.*`).")
    @APIResponse(responseCode = "200", description = "The requirements.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Requirements.class),
                    examples = @ExampleObject(name = "example", value = CompetencyExamples.REQUIREMENTS)))
    public Requirements requirements() {
        return competency.requirements();
    }

    @GET
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ENGAGEMENT_OFFICER, Roles.ANALYST })
    @Operation(summary = "Members' required training and refreshers due", description = "Each member's standing on each "
            + "training their seat requires, on `asOf` (today when left out): CURRENT, DUE (a refresher is due soon), "
            + "OVERDUE or MISSING. `status=MISSING&status=OVERDUE` lists who must be trained. Completions are training's "
            + "attendances of staff booked under their user id. In one order: body, role, member, requirement.")
    @APIResponse(responseCode = "200", description = "One page of members' standing.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CompetencyPage.class),
                    examples = @ExampleObject(name = "page", value = CompetencyExamples.PAGE)))
    public Page<MemberCompetency> standing(
            @QueryParam("bodyId") @Parameter(description = "One body's members only.") UUID bodyId,
            @QueryParam("status") @Size(max = 4) @Parameter(description = "Only these statuses.", example = "OVERDUE") List<Status> status,
            @QueryParam("asOf") @PlausibleDate(Kind.FILTER) @Parameter(example = "2020-08-31") LocalDate asOf,
            @Valid @BeanParam PageParams page) {
        EnumSet<Status> statuses = status == null || status.isEmpty() ? EnumSet.noneOf(Status.class) : EnumSet.copyOf(status);
        return competency.standing(bodyId, statuses, asOf == null ? LocalDate.now(reference.timezone()) : asOf, page);
    }
}
