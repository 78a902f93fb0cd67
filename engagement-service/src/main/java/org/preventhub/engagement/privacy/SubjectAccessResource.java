package org.preventhub.engagement.privacy;

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
import org.preventhub.engagement.api.Examples;
import org.preventhub.platform.security.Roles;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;

/** A partner's contact's subject access request: what is held about them, exported, or erased on request. */
@Path("/subject-access")
@Tag(name = "Subject access", description = "What is held about a partner organisation's contact, exported or erased "
        + "on request, audited.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PREVENT_LEAD)
public class SubjectAccessResource {

    private static final String FOUND = "Found by e-mail address (whatever its case) and, with a name, also the "
            + "organisations whose contact has that name and no e-mail address. Needs the purpose in `X-Access-Purpose` "
            + "(a short phrase, never personal data); who asked, when and why is logged, with the number of "
            + "organisations. Prevent lead only.";

    @Schema(name = "ContactSubjectAccessRequest", description = "Whom the request is about. In the body: an e-mail address never belongs in a URL.")
    public record SubjectRequest(
            @NotBlank @Email @Size(max = 320) @Schema(example = "events@equip.example.org") String email,
            @Size(max = 200) @Schema(example = "Events coordinator") String name) {
    }

    private final ContactSubjectAccess subjectAccess;

    private final IdempotentRequests idempotency;

    public SubjectAccessResource(ContactSubjectAccess subjectAccess, IdempotentRequests idempotency) {
        this.subjectAccess = subjectAccess;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(summary = "Export what is held about a contact",
            description = "The partner organisations whose contact they are, with the details held, and the earlier "
                    + "requests about them. " + FOUND)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubjectRequest.class),
            examples = @ExampleObject(name = "contact", value = Examples.SUBJECT_REQUEST)))
    @APIResponse(responseCode = "200", description = "What is held about them.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "Each kind of record held about the contact, as lists of objects."), examples = @ExampleObject(name = "export", value = Examples.SUBJECT_EXPORT)))
    public Map<String, Object> export(@Valid @NotNull SubjectRequest request,
            @HeaderParam(ContactSubjectAccess.PURPOSE_HEADER) @Parameter(description = "Why, e.g. 'Subject access "
                    + "request of 3 March'; never personal data.", required = true) String purpose) {
        return subjectAccess.export(request.email(), request.name(), purpose);
    }

    @POST
    @Path("/erasure")
    @Operation(summary = "Erase a contact's details on request",
            description = "Their name, e-mail address and phone go from every organisation they are the contact of; "
                    + "the organisations, their events and communications stay, and no event is published (events "
                    + "never carried contacts). Cannot be undone: export first. " + FOUND)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubjectRequest.class),
            examples = @ExampleObject(name = "contact", value = Examples.SUBJECT_REQUEST)))
    @APIResponse(responseCode = "200", description = "What was erased.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ContactSubjectAccess.Erasure.class),
            examples = @ExampleObject(name = "erased", value = "{\"organisations\": 1}")))
    public Response erase(@Valid @NotNull SubjectRequest request,
            @HeaderParam(ContactSubjectAccess.PURPOSE_HEADER) @Parameter(description = "Why, e.g. 'Erasure request "
                    + "of 3 March'; never personal data.", required = true) String purpose,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key) {
        return idempotency.execute(key, "POST /subject-access/erasure", request,
                () -> Response.ok(subjectAccess.erase(request.email(), request.name(), purpose)).build());
    }

    @GET
    @Path("/log")
    @Operation(summary = "The log of subject access requests about contacts",
            description = "Newest first: EXPORT or ERASE, by whom, when, why, how many organisations. It names nobody. "
                    + "Append-only. Paged.")
    @APIResponse(responseCode = "200", description = "One page of the log.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ContactSubjectAccessLogPage.class), examples = @ExampleObject(name = "log", value = Examples.SUBJECT_ACCESS_LOG)))
    public Page<ContactSubjectAccess.Entry> log(@Valid @BeanParam PageParams page) {
        return subjectAccess.log(page);
    }
}
