package org.preventhub.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.preventhub.platform.problem.Problem;
import org.preventhub.platform.problem.Violation;

/**
 * Documents the problem responses every operation can give, once, instead of on every resource method:
 * the {@code Problem} schema and, per operation, the error statuses that apply to it.
 */
public class ProblemOpenApiFilter implements OASFilter {

    /** What Quarkus says of the 400, 401 and 403 it documents for a secured operation. */
    private static final List<String> QUARKUS_DESCRIPTIONS = List.of("Bad Request", "Not Authorized", "Not Allowed");
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String EXAMPLE_ID = "3f2b8c1e-7a4d-4e6f-9b0a-2c5d8e1f4a7b";
    private static final String EXAMPLE_ERROR_ID = "c9a1e2f4-5b6d-4c8e-9f0a-1b2c3d4e5f60";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (item.getOperations() == null) {
                return;
            }
            item.getOperations().forEach((method, operation) -> document(path, method, operation));
        });
    }

    private void document(String path, PathItem.HttpMethod method, Operation operation) {
        if (path.startsWith("/q/")) {
            return;
        }
        OperationRoles.describe(operation);
        boolean hasBody = operation.getRequestBody() != null;
        boolean isWrite = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        Map<String, String> statuses = new LinkedHashMap<>();
        statuses.put("400", "Invalid request: the `violations` member lists each invalid field.");
        statuses.put("401", "No valid bearer token.");
        statuses.put("403", "The caller's role does not allow this operation.");
        if (path.contains("{")) {
            statuses.put("404", "No such record, or not one the caller may see.");
        }
        if (isWrite) {
            statuses.put("409", "The change conflicts with the record's state or with another change.");
        }
        if (hasBody) {
            statuses.put("413", "The body is larger than this operation accepts.");
            statuses.put("415", "The body is not " + accepted(operation) + ".");
        }
        if (method == PathItem.HttpMethod.POST) {
            statuses.put("422", "The request cannot be processed as sent, e.g. its `Idempotency-Key` was already used "
                    + "with a different body.");
        }
        statuses.put("500", "Unexpected failure; the `errorId` identifies it in the logs.");
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        for (Map.Entry<String, String> status : statuses.entrySet()) {
            APIResponse existing = responses.getAPIResponse(status.getKey());
            if (existing == null) {
                responses.addAPIResponse(status.getKey(), problemResponse(path, status.getKey(), status.getValue()));
            } else if (existing.getContent() == null || existing.getContent().getMediaTypes() == null
                    || existing.getContent().getMediaTypes().isEmpty()) {
                // Quarkus documents 400/401/403 by itself, without a body: say what the body is, and what it means.
                existing.setContent(problemResponse(path, status.getKey(), status.getValue()).getContent());
                if (QUARKUS_DESCRIPTIONS.contains(existing.getDescription())) {
                    existing.setDescription(status.getValue());
                }
            }
        }
        // A declared error response (412, say) is a problem document too.
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                if (response.getContent() == null || response.getContent().getMediaTypes() == null
                        || response.getContent().getMediaTypes().isEmpty()) {
                    response.setContent(problemResponse(path, code, response.getDescription()).getContent());
                }
            }
        });
    }

    /** The media types the operation takes, for the 415 text: `text/csv` or `application/json`. */
    private static String accepted(Operation operation) {
        var content = operation.getRequestBody().getContent();
        if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
            return "`application/json`";
        }
        return String.join(" or ", content.getMediaTypes().keySet().stream().map(t -> "`" + t + "`").toList());
    }

    /** A realistic document for this status and this operation's path. */
    private APIResponse problemResponse(String path, String status, String description) {
        int code = Integer.parseInt(status);
        String slug = switch (code) {
            case 400 -> "validation";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "idempotency-key-reused";
            case 500 -> "internal";
            default -> code >= 500 ? "internal" : "request-refused";
        };
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", Problem.TYPE_PREFIX + slug);
        example.put("title", title(code));
        example.put("status", code);
        example.put("detail", description);
        example.put("instance", path.replaceAll("\\{[^}]+}", EXAMPLE_ID));
        example.put("requestId", "5b0e1c4e-3c4f-4b5e-9a53-9f1f0c6b2a10");
        if (code == 400) {
            example.put("detail", "The request has 1 invalid field(s).");
            example.put("violations", List.of(Map.of("field", "capacity", "message", "must be greater than or equal to 1")));
        }
        if (code == 500) {
            example.put("detail", "Something went wrong on our side. Quote error id " + EXAMPLE_ERROR_ID + " when reporting it.");
            example.put("errorId", EXAMPLE_ERROR_ID);
        }
        return OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM_REF))
                                .addExample("problem", OASFactory.createExample().value(example))));
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Invalid request";
            case 409 -> "Conflict";
            case 412 -> "Precondition failed";
            case 422 -> "Unprocessable request";
            case 500 -> "Internal error";
            default -> {
                Response.Status known = Response.Status.fromStatusCode(status);
                yield known == null ? "Request refused" : known.getReasonPhrase();
            }
        };
    }

    private Schema problemSchema() {
        Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", text(Violation.MAX_FIELD, "The invalid field, e.g. `attendees[2].email`."))
                .addProperty("message", text(Violation.MAX_MESSAGE, "What is wrong with it."));
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document.")
                .addProperty("type", text(100, "URN of the kind of problem, e.g. `urn:prevent-hub:problem:validation`."))
                .addProperty("title", text(Problem.MAX_TITLE, null))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", text(Problem.MAX_DETAIL, null))
                // The request line is at most 4096 bytes (the HTTP server's limit), so is the path in it.
                .addProperty("instance", text(4096, "The request path."))
                .addProperty("requestId", text(64, "Quote it when asking for help; it is in the logs."))
                .addProperty("errorId", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uuid")
                        .maxLength(36).description("500 only: the failure's id in the logs."))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .maxItems(Problem.MAX_VIOLATIONS).items(violation)
                        .description("400 only: each invalid field (the first " + Problem.MAX_VIOLATIONS + ")."));
    }

    private static Schema text(int maxLength, String description) {
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(maxLength);
        return description == null ? schema : schema.description(description);
    }
}
