package org.preventhub.training.evaluation;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.preventhub.training.api.Examples;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.validation.PlausibleDate;
import org.preventhub.platform.validation.PlausibleDate.Kind;

import io.quarkus.security.Authenticated;

/** A course's evaluation figures over a period. */
@Path("/courses")
@Tag(name = "Evaluations")
@Produces(MediaType.APPLICATION_JSON)
public class CourseEvaluationResource {

    private final EvaluationService evaluations;

    public CourseEvaluationResource(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @GET
    @Path("/{courseId}/evaluation-summary")
    @Authenticated
    @Operation(summary = "A course's evaluation figures over a period",
            description = "Sessions starting from `from` to `to` (inclusive days); all sessions when omitted. "
                    + "An unknown course is 404; a course without evaluations has zero responses.")
    @APIResponse(responseCode = "200", description = "The figures.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvaluationSummary.class), examples = @ExampleObject(name = "figures", value = Examples.SUMMARY)))
    public EvaluationSummary courseSummary(@PathParam("courseId") UUID courseId,
            @QueryParam("from") @Parameter(example = "2019-09-01") @PlausibleDate(Kind.FILTER) LocalDate from,
            @QueryParam("to") @Parameter(example = "2020-08-31") @PlausibleDate(Kind.FILTER) LocalDate to) {
        return evaluations.courseSummary(courseId, from, to).orElseThrow(() -> ProblemException.notFound("Course " + courseId));
    }
}
