package org.preventhub.engagement.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.engagement.document.DocumentDtos.GovernanceDocumentRequest;
import org.preventhub.engagement.document.DocumentDtos.GovernanceDocumentView;
import org.preventhub.engagement.document.DocumentDtos.GovernanceReviewRequest;
import org.preventhub.engagement.document.DocumentService.Download;
import org.preventhub.platform.idempotency.IdempotentRequests;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.Roles;
import org.preventhub.platform.validation.PlausibleDate;
import org.preventhub.platform.validation.PlausibleDate.Kind;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.Versions;

/**
 * The document register. The Prevent lead keeps it; staff roles read the entries and files their protective marking
 * allows (configured per marking), and every file download is logged.
 */
@Path("/documents")
@Tag(name = "Documents", description = "CTLP, Local Area Prevent Assessments, Terms of Reference, action plan versions.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DocumentResource {

    static final String PDF = "application/pdf";
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final String[] READERS = { Roles.PREVENT_LEAD, Roles.ENGAGEMENT_OFFICER, Roles.ANALYST, Roles.TRAINER,
            Roles.CHANNEL_PANEL, Roles.REFERRER };

    private final DocumentService documents;
    private final DocumentConfig config;
    private final IdempotentRequests idempotency;

    public DocumentResource(DocumentService documents, DocumentConfig config, IdempotentRequests idempotency) {
        this.documents = documents;
        this.config = config;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Enter a document in the register", description = "Publishes `engagement.document.registered.v1`.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GovernanceDocumentRequest.class), examples = @ExampleObject(name = "example", value = DocumentExamples.REQUEST)))
    @APIResponse(responseCode = "201", description = "Registered; `Location` is its address.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GovernanceDocumentView.class), examples = @ExampleObject(name = "example", value = DocumentExamples.DOCUMENT)))
    public Response register(@HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull GovernanceDocumentRequest request) {
        return idempotency.execute(key, "POST /documents", request, () -> {
            GovernanceDocumentView created = documents.register(request);
            return Response.created(URI.create("/documents/" + created.id())).entity(created)
                    .tag(Versions.etag(created.version())).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ENGAGEMENT_OFFICER, Roles.ANALYST, Roles.TRAINER, Roles.CHANNEL_PANEL,
            Roles.REFERRER })
    @Operation(summary = "List the register", description = "By type, status, area and body; only the markings your "
            + "roles may read.")
    @APIResponse(responseCode = "200", description = "One page of documents.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GovernanceDocumentPage.class),
                    examples = @ExampleObject(name = "page", value = DocumentExamples.PAGE)))
    public Page<GovernanceDocumentView> list(
            @QueryParam("type") @Size(max = 40) @Parameter(example = "LOCAL_AREA_PREVENT_ASSESSMENT") String type,
            @QueryParam("status") @Size(max = 20) @Parameter(example = "DRAFT") String status,
            @QueryParam("area") @Size(max = 80) @Parameter(example = "rugby") String area,
            @QueryParam("bodyId") UUID bodyId, @Valid @BeanParam PageParams page) {
        return documents.list(type, status, area, bodyId, page);
    }

    @GET
    @Path("/overdue")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ENGAGEMENT_OFFICER, Roles.ANALYST, Roles.TRAINER, Roles.CHANNEL_PANEL,
            Roles.REFERRER })
    @Operation(summary = "Documents overdue for review", description = "In force (not superseded or withdrawn) with "
            + "their next review due before `on` (today by default); oldest first.")
    @APIResponse(responseCode = "200", description = "One page of overdue documents.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GovernanceDocumentPage.class),
                    examples = @ExampleObject(name = "page", value = DocumentExamples.PAGE)))
    public Page<GovernanceDocumentView> overdue(
            @QueryParam("on") @PlausibleDate(Kind.FILTER) @Parameter(example = "2021-10-01") LocalDate on,
            @Valid @BeanParam PageParams page) {
        return documents.overdue(on == null ? LocalDate.now() : on, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ENGAGEMENT_OFFICER, Roles.ANALYST, Roles.TRAINER, Roles.CHANNEL_PANEL,
            Roles.REFERRER })
    @Operation(summary = "Read a register entry", description = "Only if its marking is for your roles.")
    @APIResponse(responseCode = "200", description = "The entry; its `ETag` is the version to send in `If-Match`.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GovernanceDocumentView.class), examples = @ExampleObject(name = "example", value = DocumentExamples.DOCUMENT)))
    @APIResponse(responseCode = "403", description = "Its marking is not for your roles.")
    public Response get(@PathParam("id") UUID id) {
        GovernanceDocumentView document = documents.get(id).orElseThrow(() -> ProblemException.notFound("Document " + id));
        return Response.ok(document).tag(Versions.etag(document.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Change a register entry", description = "A new version, status or marking; publishes "
            + "`engagement.document.registered.v1` with the whole entry.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GovernanceDocumentRequest.class), examples = @ExampleObject(name = "example", value = DocumentExamples.REQUEST)))
    @APIResponse(responseCode = "200", description = "The changed entry.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GovernanceDocumentView.class), examples = @ExampleObject(name = "example", value = DocumentExamples.DOCUMENT)))
    @APIResponse(responseCode = "412", description = "`If-Match` names an older version.")
    public Response update(@PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "The ETag you read; 412 if it changed since.") String ifMatch,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull GovernanceDocumentRequest request) {
        return idempotency.execute(key, "PUT /documents/" + id, request, () -> {
            GovernanceDocumentView document = documents.update(id, request, Versions.fromIfMatch(ifMatch))
                    .orElseThrow(() -> ProblemException.notFound("Document " + id));
            return Response.ok(document).tag(Versions.etag(document.version())).build();
        });
    }

    @POST
    @Path("/{id}/review")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Operation(summary = "Record a review", description = "The next review falls due a cycle later; publishes "
            + "`engagement.document.reviewed.v1`.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GovernanceReviewRequest.class), examples = @ExampleObject(name = "example", value = DocumentExamples.REVIEW_REQUEST)))
    @APIResponse(responseCode = "200", description = "The reviewed entry.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GovernanceDocumentView.class), examples = @ExampleObject(name = "example", value = DocumentExamples.REVIEWED)))
    public Response review(@PathParam("id") UUID id,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull GovernanceReviewRequest request) {
        return idempotency.execute(key, "POST /documents/" + id + "/review", request, () -> {
            GovernanceDocumentView document = documents.review(id, request).orElseThrow(() -> ProblemException.notFound("Document " + id));
            return Response.ok(document).tag(Versions.etag(document.version())).build();
        });
    }

    @PUT
    @Path("/{id}/files/current")
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Consumes({ PDF, MediaType.APPLICATION_OCTET_STREAM })
    @Operation(summary = "Upload the document's file", description = "A PDF, recognised by its first bytes (`%PDF-`) "
            + "whatever its name or declared type, up to the configured size. Earlier files are kept.")
    @RequestBody(required = true, content = @Content(mediaType = PDF,
            schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 20971520)))
    @APIResponse(responseCode = "200", description = "The entry with its new file's size and SHA-256.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GovernanceDocumentView.class), examples = @ExampleObject(name = "example", value = DocumentExamples.DOCUMENT)))
    @APIResponse(responseCode = "413", description = "Larger than the configured limit.")
    @APIResponse(responseCode = "415", description = "Not a PDF.")
    public Response upload(@PathParam("id") UUID id,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            InputStream body) {
        byte[] content = readAtMost(body, config.maxFileBytes());
        if (content.length < PDF_MAGIC.length || !Arrays.equals(content, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length)) {
            throw new ProblemException(415, "not-a-pdf", "Unsupported file", "The file is not a PDF: it does not "
                    + "begin with %PDF-.", null, null);
        }
        // The digest stands for the body: a retry with the same file replays, another file with the same key is 422.
        return idempotency.execute(key, "PUT /documents/" + id + "/files/current", documents.sha256(content), () -> {
            GovernanceDocumentView document = documents.upload(id, content).orElseThrow(() -> ProblemException.notFound("Document " + id));
            return Response.ok(document).tag(Versions.etag(document.version())).build();
        });
    }

    @GET
    @Path("/{id}/files/current")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ENGAGEMENT_OFFICER, Roles.ANALYST, Roles.TRAINER, Roles.CHANNEL_PANEL,
            Roles.REFERRER })
    @Produces({ PDF, "application/problem+json" })
    @Operation(summary = "Download the document's file", description = "Only for the roles its marking allows; every "
            + "attempt, granted or refused, is logged with the user and roles.")
    @APIResponse(responseCode = "200", description = "The PDF.",
            content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 20971520)))
    @APIResponse(responseCode = "403", description = "Its marking is not for your roles.")
    public Response download(@PathParam("id") UUID id) {
        Download download = documents.download(id).orElseThrow(() -> ProblemException.notFound("Document " + id));
        if (!download.granted()) {
            throw ProblemException.forbidden("This document is marked " + download.marking()
                    + ", which your roles may not read.");
        }
        if (download.file() == null) {
            throw ProblemException.notFound("The file of document " + id);
        }
        return Response.ok(download.file().content, PDF).header("Content-Length", download.file().sizeBytes)
                .header("Content-Disposition", "attachment; filename=\"document-" + id + ".pdf\"")
                .header("X-Content-SHA256", download.file().sha256).build();
    }

    /** Reads the body, stopping one byte past {@code limit}, so an oversized upload never fills memory. */
    private static byte[] readAtMost(InputStream body, long limit) {
        try (InputStream in = body) {
            byte[] content = in == null ? new byte[0] : in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (content.length > limit) {
                throw new ProblemException(413, "payload-too-large", "Payload too large",
                        "The file is larger than the " + limit + " bytes a document may have.", null, null);
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
