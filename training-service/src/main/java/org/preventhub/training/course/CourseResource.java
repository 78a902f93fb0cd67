package org.preventhub.training.course;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.preventhub.training.api.Examples;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.platform.idempotency.IdempotentRequests;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.Roles;
import org.preventhub.platform.web.Versions;

import io.quarkus.security.Authenticated;

@Path("/courses")
@Tag(name = "Courses", description = "The training catalogue: WRAP, Prevent Update, Online Grooming and the rest.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CourseResource {

    private final CourseService courses;
    private final IdempotentRequests idempotency;

    public CourseResource(CourseService courses, IdempotentRequests idempotency) {
        this.courses = courses;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({ Roles.TRAINER, Roles.PREVENT_LEAD })
    @Operation(summary = "Add a course to the catalogue",
            description = "Publishes `training.course.registered.v1`. Send an `Idempotency-Key` to retry safely.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CourseRequest.class),
            examples = @ExampleObject(name = "wrap", value = Examples.COURSE_REQUEST)))
    @APIResponse(responseCode = "201", description = "Course added; `Location` is its address.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CourseResponse.class), examples = @ExampleObject(name = "wrap", value = Examples.COURSE)))
    public Response register(
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = "Makes retries safe: the first answer is replayed.") String idempotencyKey,
            @Valid @NotNull CourseRequest request) {
        return idempotency.execute(idempotencyKey, "POST /courses", request, () -> {
            CourseResponse created = courses.register(request);
            return Response.created(URI.create("/courses/" + created.id())).entity(created)
                    .tag(Versions.etag(created.version())).build();
        });
    }

    @GET
    @Authenticated
    @Operation(summary = "List the catalogue", description = "Ordered by code. Not paged: a partnership's catalogue is "
            + "a handful of courses (the seed year has five), so one answer is always small.")
    @APIResponse(responseCode = "200", description = "The catalogue.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = CourseResponse.class), examples = @ExampleObject(name = "catalogue", value = Examples.COURSE_LIST)))
    public List<CourseResponse> list(@QueryParam("active") @Parameter(description = "Only active (true) or retired (false) courses.") Boolean active) {
        return courses.list(active);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Read a course", description = "Any authenticated caller.")
    @APIResponse(responseCode = "200", description = "The course; its `ETag` is the version to send in `If-Match`.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CourseResponse.class), examples = @ExampleObject(name = "wrap", value = Examples.COURSE)))
    public Response get(@PathParam("id") UUID id) {
        return courses.get(id)
                .map(course -> Response.ok(course).tag(Versions.etag(course.version())).build())
                .orElseThrow(() -> ProblemException.notFound("Course " + id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.TRAINER, Roles.PREVENT_LEAD })
    @Operation(summary = "Change a course", description = "Publishes `training.course.updated.v1`.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CourseRequest.class),
            examples = @ExampleObject(name = "wrap", value = Examples.COURSE_REQUEST)))
    @APIResponse(responseCode = "200", description = "The changed course.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CourseResponse.class), examples = @ExampleObject(name = "wrap", value = Examples.COURSE)))
    @APIResponse(responseCode = "412", description = "`If-Match` names an older version: someone changed the course since you read it.")
    public Response update(@PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "The ETag you read; the update fails with 412 if it changed since.") String ifMatch,
            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key,
            @Valid @NotNull CourseRequest request) {
        return idempotency.execute(key, "PUT /courses/" + id, request, () -> courses.update(id, request, Versions.fromIfMatch(ifMatch))
                .map(course -> Response.ok(course).tag(Versions.etag(course.version())).build())
                .orElseThrow(() -> ProblemException.notFound("Course " + id)));
    }
}
