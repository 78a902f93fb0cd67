package org.preventhub.reporting.edition;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.platform.idempotency.IdempotentRequests;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.Roles;
import org.preventhub.platform.web.Versions;
import org.preventhub.reporting.edition.EditionDtos.EditionContent;
import org.preventhub.reporting.edition.EditionDtos.EditionRequest;
import org.preventhub.reporting.edition.EditionDtos.EditionView;
import org.preventhub.reporting.edition.EditionDtos.MovedFigure;
import org.preventhub.reporting.report.PdfRenderer;

@Path("/report-editions")
@Tag(name = "Report editions", description = "The partnership's narrative report, written in the hub: drafts with live "
        + "figures, published editions frozen.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EditionResource {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String NOT_FOUND = "Report edition ";

    private final EditionService editions;
    private final IdempotentRequests idempotency;
    private final PdfRenderer pdf;

    public EditionResource(EditionService editions, IdempotentRequests idempotency, PdfRenderer pdf) {
        this.editions = editions;
        this.idempotency = idempotency;
        this.pdf = pdf;
    }

    @POST
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Start a report edition for a year", description = "Starts with an empty first draft.")
    @APIResponse(responseCode = "201", description = "Started.", content = @Content(schema = @Schema(implementation = EditionView.class)))
    public Response create(@HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull EditionRequest request) {
        return idempotency.execute(key, "POST /report-editions", request, () -> {
            EditionView created = editions.create(request);
            return Response.created(URI.create("/report-editions/" + created.id())).entity(created)
                    .tag(Versions.etag(created.version())).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ANALYST, Roles.ADMIN })
    @Operation(summary = "A report edition: its period, status and drafts")
    @APIResponse(responseCode = "200", description = "The edition.", content = @Content(schema = @Schema(implementation = EditionView.class)))
    public Response get(@PathParam("id") UUID id) {
        EditionView edition = editions.get(id).orElseThrow(() -> ProblemException.notFound(NOT_FOUND + id));
        return Response.ok(edition).tag(Versions.etag(edition.version())).build();
    }

    @PUT
    @Path("/{id}/draft")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Save a new draft", description = "Each save is a new draft; earlier ones are kept. Refused "
            + "(409) once the edition is published; 400 for a figure reference to no indicator or breakdown.")
    @APIResponse(responseCode = "200", description = "Saved.", content = @Content(schema = @Schema(implementation = EditionView.class)))
    public Response saveDraft(@PathParam("id") UUID id,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull EditionContent content) {
        return idempotency.execute(key, "PUT /report-editions/" + id + "/draft", content, () -> {
            EditionView saved = editions.saveDraft(id, content, Versions.fromIfMatch(ifMatch))
                    .orElseThrow(() -> ProblemException.notFound(NOT_FOUND + id));
            return Response.ok(saved).tag(Versions.etag(saved.version())).build();
        });
    }

    @GET
    @Path("/{id}/drafts/{number}")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ANALYST, Roles.ADMIN })
    @Operation(summary = "The text of one draft, as saved")
    @APIResponse(responseCode = "200", description = "The draft.", content = @Content(schema = @Schema(implementation = EditionContent.class)))
    public EditionContent draft(@PathParam("id") UUID id, @PathParam("number") @Min(1) @Max(100_000) int number) {
        return editions.draft(id, number).orElseThrow(() -> ProblemException.notFound("Draft " + number + " of " + id));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Publish the latest draft", description = "Freezes the edition with its figures as they are now, "
            + "for the lead and (disclosure-controlled) for every other reader.")
    @APIResponse(responseCode = "200", description = "Published.", content = @Content(schema = @Schema(implementation = EditionView.class)))
    public Response publish(@PathParam("id") UUID id,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @HeaderParam("If-Match") String ifMatch) {
        return idempotency.execute(key, "POST /report-editions/" + id + "/publish", null, () -> {
            EditionView published = editions.publish(id, Versions.fromIfMatch(ifMatch))
                    .orElseThrow(() -> ProblemException.notFound(NOT_FOUND + id));
            return Response.ok(published).tag(Versions.etag(published.version())).build();
        });
    }

    @GET
    @Path("/{id}/document")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ANALYST, Roles.ADMIN })
    @Produces({ MediaType.TEXT_HTML, "application/pdf", EditionResource.DOCX })
    @Operation(summary = "The edition as a document", description = "HTML (screen and print styles) or PDF, by "
            + "format=html|pdf|docx (Word). A draft shows live figures; a published edition its frozen ones, for the lead marked "
            + "where a figure has moved since. Figures about people referred are disclosure-controlled for every role "
            + "but prevent-lead.")
    @APIResponse(responseCode = "200", description = "The document.", content = @Content(mediaType = MediaType.TEXT_HTML,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, maxLength = 10_000_000)))
    public Response document(@PathParam("id") UUID id,
            @QueryParam("format") @Parameter(description = "html (the default), pdf or docx.") String format) {
        if (format != null && !format.equals("html") && !format.equals("pdf") && !format.equals("docx")) {
            throw ProblemException.invalidField("format", "html, pdf or docx");
        }
        if ("docx".equals(format)) {
            return Response.ok(editions.word(id).orElseThrow(() -> ProblemException.notFound(NOT_FOUND + id)), DOCX)
                    .header("Content-Disposition", "attachment; filename=\"prevent-report-" + id + ".docx\"").build();
        }
        String html = editions.html(id).orElseThrow(() -> ProblemException.notFound(NOT_FOUND + id));
        if ("pdf".equals(format)) {
            return Response.ok(pdf.render(html), "application/pdf")
                    .header("Content-Disposition", "inline; filename=\"prevent-report-" + id + ".pdf\"").build();
        }
        return Response.ok(html, "text/html; charset=utf-8").build();
    }

    @GET
    @Path("/{id}/moved")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Figures of a published edition that have moved since", description = "Late data changes the "
            + "live figures, never the published ones: this lists where they now differ.")
    @APIResponse(responseCode = "200", description = "The moved figures.", content = @Content(schema = @Schema(
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, maxItems = 10000,
            implementation = MovedFigure.class)))
    public List<MovedFigure> moved(@PathParam("id") UUID id) {
        return editions.moved(id).orElseThrow(() -> ProblemException.notFound(NOT_FOUND + id));
    }
}
