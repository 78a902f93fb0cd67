package org.preventhub.engagement.organisation;

import java.net.URI;
import java.util.UUID;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.platform.security.Roles;
import org.preventhub.engagement.organisation.OrganisationDtos.OrganisationRequest;
import org.preventhub.engagement.organisation.OrganisationDtos.OrganisationView;
import org.preventhub.engagement.api.Examples;
import org.preventhub.platform.idempotency.IdempotentRequests;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.Versions;

@Path("/organisations")
@Tag(name = "Partner organisations", description = "Organisers, partners and funders of events and communications.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganisationResource {

    private final OrganisationService organisations;
    private final IdempotentRequests idempotency;

    public OrganisationResource(OrganisationService organisations, IdempotentRequests idempotency) {
        this.organisations = organisations;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({ Roles.ENGAGEMENT_OFFICER, Roles.PREVENT_LEAD })
    @Operation(summary = "Register a partner organisation",
            description = "Publishes `engagement.organisation.registered.v1` (without contact details). Send an "
                    + "`Idempotency-Key` to retry safely.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OrganisationRequest.class), examples = @ExampleObject(name = "equip", value = Examples.ORGANISATION_REQUEST)))
    @APIResponse(responseCode = "201", description = "Registered; `Location` is its address.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OrganisationView.class), examples = @ExampleObject(name = "equip", value = Examples.ORGANISATION)))
    public Response register(
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = "Makes retries safe: a retry with the same "
                    + "key gets the first answer.") String key,
            @Valid @NotNull OrganisationRequest request) {
        return idempotency.execute(key, "POST /organisations", request, () -> {
            OrganisationView created = organisations.register(request);
            return Response.created(URI.create("/organisations/" + created.id())).entity(created)
                    .tag(Versions.etag(created.version())).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.ENGAGEMENT_OFFICER, Roles.PREVENT_LEAD, Roles.ANALYST, Roles.TRAINER,
            Roles.CHANNEL_PANEL, Roles.REFERRER })
    @Operation(summary = "List partner organisations", description = "By type, area and active flag; paged, by name. "
            + "Contact details are shown to engagement officers and the Prevent lead only.")
    @APIResponse(responseCode = "200", description = "One page of organisations.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OrganisationPage.class), examples = @ExampleObject(name = "organisations", value = Examples.ORGANISATION_PAGE)))
    public Page<OrganisationView> list(
            @QueryParam("type") @Parameter(description = "A configured organisation type.", example = "FAITH_GROUP") String type,
            @QueryParam("area") @Parameter(description = "An area code.", example = "warwick") String area,
            @QueryParam("active") Boolean active, @Valid @BeanParam PageParams page) {
        return organisations.list(type, area, active, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ENGAGEMENT_OFFICER, Roles.PREVENT_LEAD, Roles.ANALYST, Roles.TRAINER,
            Roles.CHANNEL_PANEL, Roles.REFERRER })
    @Operation(summary = "Read a partner organisation",
            description = "Contact details are shown to engagement officers and the Prevent lead only.")
    @APIResponse(responseCode = "200", description = "The organisation; its `ETag` is the version to send in `If-Match`.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OrganisationView.class), examples = {
                    @ExampleObject(name = "engagement-officer", summary = "As an engagement officer or the Prevent lead reads it", value = Examples.ORGANISATION),
                    @ExampleObject(name = "other-readers", summary = "As analysts, trainers, the Channel panel and referrers read it", value = Examples.ORGANISATION_WITHOUT_CONTACT) }))
    public Response get(@PathParam("id") UUID id) {
        OrganisationView organisation = organisations.get(id).orElseThrow(() -> ProblemException.notFound("Organisation " + id));
        return Response.ok(organisation).tag(Versions.etag(organisation.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.ENGAGEMENT_OFFICER, Roles.PREVENT_LEAD })
    @Operation(summary = "Change a partner organisation",
            description = "Publishes `engagement.organisation.updated.v1` (without contact details).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OrganisationRequest.class), examples = @ExampleObject(name = "equip", value = Examples.ORGANISATION_REQUEST)))
    @APIResponse(responseCode = "200", description = "The changed organisation.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OrganisationView.class), examples = @ExampleObject(name = "equip", value = Examples.ORGANISATION)))
    @APIResponse(responseCode = "412", description = "`If-Match` names an older version.")
    public Response update(@PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "The ETag you read; 412 if it changed since.") String ifMatch,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull OrganisationRequest request) {
        return idempotency.execute(key, "PUT /organisations/" + id, request, () -> {
            OrganisationView organisation = organisations.update(id, request, Versions.fromIfMatch(ifMatch))
                    .orElseThrow(() -> ProblemException.notFound("Organisation " + id));
            return Response.ok(organisation).tag(Versions.etag(organisation.version())).build();
        });
    }
}
