package org.preventhub.platform.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.inject.Instance;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.preventhub.platform.json.StrictJson;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

/**
 * Turns every failure into an RFC 9457 problem response. Details never carry stack traces, class names,
 * SQL, or the values a caller sent (they may be personal data): only field names and what is wrong.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ProblemResponses problems;
    private final Instance<ConstraintProblems> constraintProblems;

    public ProblemMappers(ProblemResponses problems, Instance<ConstraintProblems> constraintProblems) {
        this.problems = problems;
        this.constraintProblems = constraintProblems;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return toResponse(e, request.path());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpServerRequest request) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            if (isReturnValue(violation.getPropertyPath())) {
                return unexpected(e, request);
            }
            violations.add(new Violation(fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        violations.sort((a, b) -> a.field().compareTo(b.field()));
        return problems.response(problems.problem(400, "validation", "Invalid request",
                "The request has " + violations.size() + " invalid field(s).", request.path(), violations, null));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, HttpServerRequest request) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return problems.response(400, "malformed-body", "Malformed request body",
                "The body is not well-formed JSON" + where + ".", request.path());
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, HttpServerRequest request) {
        return jsonProblem(e, request);
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e, HttpServerRequest request) {
        if (e instanceof JsonMappingException mapping) {
            return jsonProblem(mapping, request);
        }
        return problems.response(400, "malformed-body", "Malformed request body",
                "The body could not be read as JSON.", request.path());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return problems.response(403, "forbidden", "Forbidden",
                "Your role does not allow this operation.", request.path());
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, HttpServerRequest request) {
        return concurrentModification(request);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException parse) {
                return malformedJson(parse, request);
            }
            if (cause instanceof JsonMappingException mapping) {
                return jsonProblem(mapping, request);
            }
            if (cause instanceof JsonProcessingException) {
                return jsonProcessing((JsonProcessingException) cause, request);
            }
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status == 404 && e.getCause() != null && request.query() != null) {
            // Quarkus REST answers 404 when a query parameter cannot be converted (a date, a UUID, an enum):
            // it is a bad request, not a missing resource.
            return problems.response(400, "bad-request", "Bad request",
                    "A query parameter has a value of the wrong type or format.", request.path());
        }
        if (status >= 500) {
            return unexpected(e, request);
        }
        String title = Optional.ofNullable(Response.Status.fromStatusCode(status))
                .map(Response.Status::getReasonPhrase).orElse("Request refused");
        String detail = switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept " + request.method() + ".";
            case 406 -> "This resource answers application/json only.";
            case 413 -> "The request body is too large.";
            // Most operations take JSON, feed uploads CSV too: the operation's documentation says which.
            case 415 -> "This operation does not accept a body of this content type; see its documentation.";
            case 401 -> "A valid bearer token is required.";
            case 403 -> "Your role does not allow this operation.";
            default -> "A parameter of the request is missing or has an invalid value.";
        };
        Response.ResponseBuilder builder = problems.builder(
                problems.problem(status, slug(status), title, detail, request.path(), null, null));
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return toResponse(problem, request.path());
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
                return constraintViolated(violation.getConstraintName(), request);
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return concurrentModification(request);
            }
            if (cause instanceof ConstraintViolationException violations) {
                return invalid(violations, request);
            }
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s %s", errorId, request.method(), request.path());
        return problems.response(problems.problem(500, "internal", "Internal error",
                "Something went wrong on our side. Quote error id " + errorId + " when reporting it.",
                request.path(), null, java.util.Map.of("errorId", errorId)));
    }

    private Response constraintViolated(String constraintName, HttpServerRequest request) {
        String name = constraintName == null ? "" : constraintName.toLowerCase(Locale.ROOT);
        for (ConstraintProblems known : constraintProblems) {
            Optional<ProblemException> problem = known.forConstraint(name);
            if (problem.isPresent()) {
                return toResponse(problem.get(), request.path());
            }
        }
        return problems.response(409, "conflict", "Conflict",
                "The change conflicts with data already stored; nothing was changed.", request.path());
    }

    private Response concurrentModification(HttpServerRequest request) {
        return problems.response(409, "concurrent-modification", "Conflict",
                "Someone else changed this record at the same time; nothing was changed. Read it again and retry.",
                request.path());
    }

    private Response unauthenticated(HttpServerRequest request) {
        return problems.builder(problems.problem(401, "unauthenticated", "Unauthorized",
                "A valid bearer token is required.", request.path(), null, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private Response jsonProblem(JsonMappingException e, HttpServerRequest request) {
        String field = jsonPath(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            String name = field.isEmpty() ? unknown.getPropertyName() : field;
            return problems.response(problems.problem(400, "validation", "Invalid request",
                    "The body has a field this operation does not know.", request.path(),
                    List.of(new Violation(name, "unknown field")), null));
        }
        if (e instanceof StrictJson.BadTextException) {
            return problems.response(problems.problem(400, "validation", "Invalid request",
                    "The body has text that cannot be stored as sent.", request.path(),
                    List.of(new Violation(field.isEmpty() ? "body" : field, StrictJson.BAD_TEXT)), null));
        }
        if (field.isEmpty()) {
            return problems.response(400, "malformed-body", "Malformed request body",
                    "The body does not have the expected structure.", request.path());
        }
        return problems.response(problems.problem(400, "validation", "Invalid request",
                "The body has a field of the wrong type or format.", request.path(),
                List.of(new Violation(field, "has the wrong type or format")), null));
    }

    private Response toResponse(ProblemException e, String path) {
        Response.ResponseBuilder response = problems.builder(problems.problem(e.status(), e.slug(), e.title(),
                e.getMessage(), path, e.violations(), e.extensions()));
        if (e.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static boolean isReturnValue(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** {@code create.request.endsAt} becomes {@code endsAt}; a query parameter keeps its own name. */
    private static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, CROSS_PARAMETER -> {
                }
                case PARAMETER -> parameter = node.getName();
                // The element of a list ({@code List<@NotNull LocalDate> dates}): its index names it, not "<list element>".
                case CONTAINER_ELEMENT -> {
                    if (node.getIndex() != null && !field.isEmpty()) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                }
                default -> {
                    if (node.getIndex() != null && !field.isEmpty()) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                    if (node.getName() != null) {
                        if (!field.isEmpty()) {
                            field.append('.');
                        }
                        field.append(node.getName());
                    }
                }
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter == null ? "request" : parameter;
    }

    private static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "request-refused";
        };
    }
}
