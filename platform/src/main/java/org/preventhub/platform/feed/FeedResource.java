package org.preventhub.platform.feed;

import java.io.InputStream;
import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.security.Roles;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.idempotency.IdempotentRequests;

/**
 * The feed endpoints. A service that takes feeds declares {@code @Path("/feeds") class XFeedResource extends
 * FeedResource {}} and implements {@link FeedHandler}s; everything else is here.
 *
 * <p>Uploads need the {@code feed} role, and the source system is the feed client's {@code agency} claim, so a
 * council can only ever send, and see, its own imports. The Prevent team (prevent-lead, admin) sees every
 * import and maintains the code mappings.
 */
@Tag(name = "Feeds", description = "Council data feeds: CSV or JSON uploads, dry runs, import summaries, code mappings.")
// Each operation names its requirement and its roles: Quarkus derives them from @RolesAllowed for a class's own
// methods only, not for those a subclass inherits (InheritedOperationRolesTest keeps the two alike).
@Produces(MediaType.APPLICATION_JSON)
public abstract class FeedResource {

    private static final Pattern WAIT = Pattern.compile("wait=(\\d+)");

    @Inject
    FeedImports imports;

    @Inject
    FeedMappings mappings;

    @Inject
    CurrentUser user;

    @Inject
    FeedConfig config;

    @Inject
    IdempotentRequests idempotency;

    @Schema(description = "A kind of feed this service takes, and the fields of its records.")
    public record FeedDescription(@Schema(maxLength = 60) String name, @Schema(maxLength = 1000) String description,
            @Schema(maxItems = 100) List<FeedField> fields) {
    }

    @Schema(description = "The service's code for a source system's code.")
    public record MappingValue(@NotBlank @Size(max = 200) @Schema(example = "warwick") String internalCode) {
    }

    @SecurityRequirement(name = "bearer", scopes = { Roles.FEED, Roles.PREVENT_LEAD, Roles.ADMIN })
    @GET
    @RolesAllowed({ Roles.FEED, Roles.PREVENT_LEAD, Roles.ADMIN })
    @Operation(summary = "The feeds this service takes", description = "With the fields of each feed's records. "
            + "Not paged: the feeds are part of the service (one or two), not data that grows.")
    @APIResponse(responseCode = "200", description = "Each feed and its fields.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, maxItems = 20, implementation = FeedDescription.class),
            examples = @ExampleObject(name = "feeds", value = FeedExamples.FEEDS)))
    public List<FeedDescription> feeds() {
        return imports.handlers().stream().map(h -> new FeedDescription(h.name(), h.description(), h.fields())).toList();
    }

    @SecurityRequirement(name = "bearer", scopes = { Roles.FEED })
    @POST
    @Path("/{feed}/imports")
    @RolesAllowed(Roles.FEED)
    @Consumes({ "text/csv", MediaType.APPLICATION_JSON })
    @Operation(summary = "Upload a feed file",
            description = "CSV with a header row, or JSON (an array of records, or `{\"batchId\": ..., \"records\": [...]}`). "
                    + "The file is checked line by line; if any line is rejected nothing is applied, and the import "
                    + "lists every rejected line with its reason. `dryRun=true` checks and counts without storing. "
                    + "The same file, or the same `X-Batch-Id`, sent again is a no-op (status DUPLICATE). "
                    + "Answers 202 with the import's address; with `Prefer: wait=N` it waits up to N seconds and "
                    + "answers 200 with the finished import when it finishes in time.")
    @RequestBody(required = true, description = "The file: CSV with a header row, or JSON.", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, maxLength = FeedConfig.MAX_UPLOAD_DOCUMENTED),
                    examples = @ExampleObject(name = "csv", summary = "CSV with a header row", value = FeedExamples.CSV_UPLOAD)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "json", summary = "A JSON batch", value = FeedExamples.JSON_UPLOAD)) })
    @APIResponse(responseCode = "202", description = "Accepted; poll `Location` for progress and the summary.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedJob.class),
                    examples = @ExampleObject(name = "running", value = FeedExamples.JOB_ACCEPTED)))
    @APIResponse(responseCode = "200", description = "Finished within the wait asked for, or a duplicate.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedJob.class),
                    examples = { @ExampleObject(name = "applied", value = FeedExamples.JOB_APPLIED),
                            @ExampleObject(name = "rejected", summary = "Rejected whole: nothing applied",
                                    value = FeedExamples.JOB_REJECTED) }))
    public Response upload(@PathParam("feed") String feed,
            @QueryParam("dryRun") @DefaultValue("false") @Parameter(description = "Check and count only.") boolean dryRun,
            @HeaderParam("X-Batch-Id") @Parameter(description = "The sender's id for this batch; a batch is applied once.") String batchId,
            @HeaderParam("Prefer") @Parameter(description = "`wait=N`: wait up to N seconds for the result.") String prefer,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC
                    + " A file is also applied once without it (the same file or `X-Batch-Id` is DUPLICATE).") String key,
            InputStream body) {
        FeedHandler<?> handler = handler(feed);
        String source = user.agency().orElseThrow(() -> ProblemException.forbidden(
                "This feed client has no agency claim, so its imports cannot be attributed to a source system."));
        if (batchId != null && (batchId.isBlank() || batchId.length() > 200)) {
            throw ProblemException.invalidField("X-Batch-Id", "1 to 200 characters");
        }
        try (FeedUpload upload = imports.spool(body, contentType)) {
            // The job runs on threads and connections of its own, so the key is claimed apart from it.
            return idempotency.executeApart(key, "POST /feeds/" + feed + "/imports",
                    List.of(source, String.valueOf(batchId), String.valueOf(dryRun), contentType, upload.hash()),
                    () -> answer(feed, prefer, imports.submit(handler, source, batchId, dryRun, upload, user.name())));
        }
    }

    private Response answer(String feed, String prefer, FeedImports.Submission submission) {
        FeedJob job = submission.job();
        if (job.status() == FeedStatus.DUPLICATE) {
            return Response.ok(job).location(location(feed, job.id())).build();
        }
        int wait = requestedWait(prefer);
        if (wait > 0) {
            try {
                submission.done().get(wait, TimeUnit.SECONDS);
                return Response.ok(imports.job(job.id()).orElseThrow()).location(location(feed, job.id()))
                        .header("Preference-Applied", "wait=" + wait).build();
            } catch (TimeoutException e) {
                // still running: fall through to 202
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // the job records its own failure
            }
        }
        return Response.accepted(imports.job(job.id()).orElseThrow()).location(location(feed, job.id())).build();
    }

    @SecurityRequirement(name = "bearer", scopes = { Roles.FEED, Roles.PREVENT_LEAD, Roles.ADMIN })
    @GET
    @Path("/{feed}/imports")
    @RolesAllowed({ Roles.FEED, Roles.PREVENT_LEAD, Roles.ADMIN })
    @Operation(summary = "List imports", description = "Newest first. A feed client sees its own imports only.")
    @APIResponse(responseCode = "200", description = "One page of imports.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedPages.Jobs.class),
            examples = @ExampleObject(name = "imports", value = FeedExamples.JOB_PAGE)))
    public Page<FeedJob> list(@PathParam("feed") String feed, @Valid @BeanParam PageParams page) {
        handler(feed);
        String source = visibleSource();
        return Page.of(imports.list(feed, source, page.page, page.size), page, imports.count(feed, source));
    }

    @SecurityRequirement(name = "bearer", scopes = { Roles.FEED, Roles.PREVENT_LEAD, Roles.ADMIN })
    @GET
    @Path("/{feed}/imports/{id}")
    @RolesAllowed({ Roles.FEED, Roles.PREVENT_LEAD, Roles.ADMIN })
    @Operation(summary = "An import: progress and summary",
            description = "Counts of created, updated, ignored and rejected records, and the first rejected lines.")
    @APIResponse(responseCode = "200", description = "The import.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedJob.class),
            examples = { @ExampleObject(name = "running", value = FeedExamples.JOB_ACCEPTED),
                    @ExampleObject(name = "applied", value = FeedExamples.JOB_APPLIED),
                    @ExampleObject(name = "rejected", value = FeedExamples.JOB_REJECTED) }))
    public FeedJob job(@PathParam("feed") String feed, @PathParam("id") UUID id) {
        return visibleJob(feed, id);
    }

    @SecurityRequirement(name = "bearer", scopes = { Roles.FEED, Roles.PREVENT_LEAD, Roles.ADMIN })
    @GET
    @Path("/{feed}/imports/{id}/rejections")
    @RolesAllowed({ Roles.FEED, Roles.PREVENT_LEAD, Roles.ADMIN })
    @Operation(summary = "Every rejected line of an import, with its reason",
            description = "In line order, paged; at most `hub.feeds.max-stored-rejections` lines are kept (all are counted).")
    @APIResponse(responseCode = "200", description = "One page of rejected lines.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedPages.Rejections.class),
            examples = @ExampleObject(name = "rejections", value = FeedExamples.REJECTIONS_PAGE)))
    public Page<RejectedLine> rejections(@PathParam("feed") String feed, @PathParam("id") UUID id,
            @Valid @BeanParam PageParams page) {
        FeedJob job = visibleJob(feed, id);
        return Page.of(imports.rejections(id, page.page, page.size), page,
                Math.min(job.rejected(), config.maxStoredRejections()));
    }

    @SecurityRequirement(name = "bearer", scopes = { Roles.FEED, Roles.PREVENT_LEAD, Roles.ADMIN })
    @GET
    @Path("/mappings")
    @RolesAllowed({ Roles.FEED, Roles.PREVENT_LEAD, Roles.ADMIN })
    @Operation(summary = "Code mappings", description = "A feed client sees its own source's mappings. "
            + "Paged; sorted by source, kind and code unless `sort` says otherwise.")
    @APIResponse(responseCode = "200", description = "One page of mappings.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedPages.Mappings.class),
            examples = @ExampleObject(name = "mappings", value = FeedExamples.MAPPING_PAGE)))
    public Page<FeedMappings.Mapping> mappings(
            @QueryParam("source") @Size(max = 100) @Parameter(description = "Only this source system's mappings.") String source,
            @Valid @BeanParam PageParams page) throws SQLException {
        String visible = visibleSource();
        String shown = visible != null ? visible : source;
        List<String> order = new ArrayList<>();
        page.toSort(MAPPING_SORT, "source", "source").getColumns()
                .forEach(c -> order.add(MAPPING_SORT_COLUMNS.get(c.getName())
                        + (c.getDirection() == io.quarkus.panache.common.Sort.Direction.Descending ? " DESC" : "")));
        return Page.of(mappings.list(shown, order, page.page, page.size), page, mappings.count(shown));
    }

    private static final Map<String, String> MAPPING_SORT = Map.of("source", "source", "kind", "kind",
            "externalCode", "externalCode", "internalCode", "internalCode");
    private static final Map<String, String> MAPPING_SORT_COLUMNS = Map.of("source", "source", "kind", "kind",
            "externalCode", "external_code", "internalCode", "internal_code");

    @SecurityRequirement(name = "bearer", scopes = { Roles.PREVENT_LEAD, Roles.ADMIN })
    @PUT
    @Path("/mappings/{source}/{kind}/{code}")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ADMIN })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Map a source system's code to this service's code",
            description = "Creates or replaces the mapping; the next files from that source use it.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MappingValue.class),
            examples = @ExampleObject(name = "course", value = FeedExamples.MAPPING_VALUE)))
    @APIResponse(responseCode = "200", description = "The mapping as stored.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedMappings.Mapping.class),
            examples = @ExampleObject(name = "course", value = FeedExamples.MAPPING)))
    public Response putMapping(@PathParam("source") @Size(max = 100) String source,
            @PathParam("kind") @Size(max = 60) String kind, @PathParam("code") @Size(max = 200) String code,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid MappingValue value) {
        if (value == null) {
            throw ProblemException.badRequest("The body must name the internal code.");
        }
        FeedMappings.Mapping mapping = new FeedMappings.Mapping(source, kind, code, value.internalCode().trim());
        return idempotency.execute(key, "PUT /feeds/mappings/" + source + "/" + kind + "/" + code, value, () -> {
            try {
                mappings.put(mapping, user.name());
            } catch (SQLException e) {
                throw new IllegalStateException("Could not store the mapping", e);
            }
            return Response.ok(mapping).build();
        });
    }

    @SecurityRequirement(name = "bearer", scopes = { Roles.PREVENT_LEAD, Roles.ADMIN })
    @DELETE
    @Path("/mappings/{source}/{kind}/{code}")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ADMIN })
    @Operation(summary = "Remove a code mapping", description = "Records using the code are rejected again until it is mapped.")
    @APIResponse(responseCode = "204", description = "Removed.")
    public Response deleteMapping(@PathParam("source") @Size(max = 100) String source,
            @PathParam("kind") @Size(max = 60) String kind, @PathParam("code") @Size(max = 200) String code)
            throws SQLException {
        if (!mappings.delete(source, kind, code)) {
            throw ProblemException.notFound("Mapping");
        }
        return Response.noContent().build();
    }

    private FeedHandler<?> handler(String feed) {
        return imports.handler(feed).orElseThrow(() -> ProblemException.notFound("Feed '" + feed + "'"));
    }

    private FeedJob visibleJob(String feed, UUID id) {
        handler(feed);
        String source = visibleSource();
        return imports.job(id)
                .filter(job -> job.feed().equals(feed))
                .filter(job -> source == null || source.equals(job.source()))
                .orElseThrow(() -> ProblemException.notFound("Import " + id));
    }

    /** A feed client sees its own source only; the Prevent team sees all (null). */
    private String visibleSource() {
        if (user.hasRole(Roles.PREVENT_LEAD) || user.hasRole(Roles.ADMIN)) {
            return null;
        }
        return user.agency().orElse("\u0000none");
    }

    private int requestedWait(String prefer) {
        if (prefer == null) {
            return 0;
        }
        Matcher matcher = WAIT.matcher(prefer);
        if (!matcher.find()) {
            return 0;
        }
        long seconds = Math.min(Long.parseLong(matcher.group(1)), config.maxWait().toSeconds());
        return (int) seconds;
    }

    private static URI location(String feed, UUID id) {
        return URI.create("/feeds/" + feed + "/imports/" + id);
    }
}
