package org.preventhub.reporting.edition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.platform.idempotency.IdempotentRequests;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.Roles;
import org.preventhub.reporting.edition.EditionDtos.ImageView;

/** Photos of a report edition: uploaded by the lead, cleaned of their metadata, placed in the text by reference. */
@Path("/report-editions/{id}/images")
@Tag(name = "Report editions")
@Produces(MediaType.APPLICATION_JSON)
public class EditionImageResource {

    private static final String NOT_FOUND = "Report edition ";
    /** The documented upload limit (the configured one may be lower). */
    private static final int MAX_DOCUMENTED = 5_242_880;

    private final EditionImages images;
    private final IdempotentRequests idempotency;

    public EditionImageResource(EditionImages images, IdempotentRequests idempotency) {
        this.images = images;
        this.idempotency = idempotency;
    }

    /** What the key's request hash covers: the file's bytes and the words that go with it. */
    record Upload(String contentType, String caption, String alt, byte[] bytes) {
    }

    @POST
    @RolesAllowed(Roles.PREVENT_LEAD)
    @Consumes({ ImageCleaner.PNG, ImageCleaner.JPEG })
    @Operation(summary = "Add a photo to a draft edition", description = "The file's bytes must be a PNG or JPEG image "
            + "(its first bytes are checked, not only Content-Type), at most 5 MB and 12,000 pixels a side (40 megapixels). "
            + "It is re-encoded from its pixels, so EXIF (GPS position, camera), XMP and PNG text are not kept; a phone's "
            + "EXIF orientation is applied first. Place it in a section as a paragraph of its own: `{{image:<id>}}`. "
            + "415 for another type, 413 for a larger file or image, 400 for a truncated or damaged one, 409 once the "
            + "edition is published.")
    @RequestBody(required = true, description = "The image file.", content = {
            @Content(mediaType = ImageCleaner.JPEG, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    maxLength = MAX_DOCUMENTED)),
            @Content(mediaType = ImageCleaner.PNG, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    maxLength = MAX_DOCUMENTED)) })
    @APIResponse(responseCode = "201", description = "Stored, metadata stripped.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImageView.class)))
    public Response upload(@PathParam("id") UUID id,
            @QueryParam("alt") @NotBlank @Size(max = 500) @Parameter(required = true, description = "Alt text: what the "
                    + "photo shows, for readers who cannot see it.", example = "Year 9 pupils watching the Game On performance")
            String alt,
            @QueryParam("caption") @Size(max = 500) @Parameter(description = "The caption printed under the photo.",
                    example = "Game On: 220 pupils over 9 days") String caption,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            InputStream body) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        Upload upload = new Upload(type, caption, alt, read(body, images.maxBytes()));
        return idempotency.execute(key, "POST /report-editions/" + id + "/images", upload, () -> {
            ImageView stored = images.upload(id, upload.bytes(), type, caption, alt)
                    .orElseThrow(() -> ProblemException.notFound(NOT_FOUND + id));
            return Response.created(URI.create("/report-editions/" + id + "/images/" + stored.id())).entity(stored).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ANALYST, Roles.ADMIN })
    @Operation(summary = "The photos of an edition", description = "Oldest first, with the reference that places each.")
    @APIResponse(responseCode = "200", description = "The photos.", content = @Content(schema = @Schema(
            type = SchemaType.ARRAY, maxItems = 1000, implementation = ImageView.class)))
    public List<ImageView> list(@PathParam("id") UUID id) {
        return images.list(id).orElseThrow(() -> ProblemException.notFound(NOT_FOUND + id));
    }

    @GET
    @Path("/{image}")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ANALYST, Roles.ADMIN })
    @Produces({ ImageCleaner.JPEG, ImageCleaner.PNG })
    @Operation(summary = "A photo's file, as stored", description = "The re-encoded file: no EXIF, XMP or PNG text.")
    @APIResponse(responseCode = "200", description = "The image.", content = {
            @Content(mediaType = ImageCleaner.JPEG, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    maxLength = 100_000_000)),
            @Content(mediaType = ImageCleaner.PNG, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    maxLength = 100_000_000)) })
    public Response image(@PathParam("id") UUID id, @PathParam("image") UUID image) {
        EditionImages.Stored stored = images.content(id, image)
                .orElseThrow(() -> ProblemException.notFound("Image " + image + " of report edition " + id));
        return Response.ok(stored.bytes(), stored.view().mediaType()).header("Cache-Control", "private, max-age=86400")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    /** The body, up to {@code max} bytes: one more is 413 before the rest is read. */
    private static byte[] read(InputStream body, int max) {
        if (body == null) {
            throw ProblemException.badRequest("The request has no image.",
                    new org.preventhub.platform.problem.Violation("body", "a PNG or JPEG image"));
        }
        try (InputStream in = body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0;) {
                out.write(buffer, 0, n);
                if (out.size() > max) {
                    throw new ProblemException(413, "payload-too-large", "Payload too large",
                            "The image is larger than the " + max + " bytes accepted.", List.of(), java.util.Map.of());
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
