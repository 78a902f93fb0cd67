package org.preventhub.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.preventhub.platform.problem.Problem;

/**
 * Documents the problem responses every operation can give, once, instead of on every resource method:
 * the {@code Problem} schema and, per operation, the error statuses that apply to it.
 */
public class ProblemOpenApiFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

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
            statuses.put("415", "The body is not `application/json`.");
        }
        if (method == PathItem.HttpMethod.POST) {
            statuses.put("422", "The `Idempotency-Key` was already used with a different body.");
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
                responses.addAPIResponse(status.getKey(), problemResponse(status.getKey(), status.getValue()));
            } else if (existing.getContent() == null || existing.getContent().getMediaTypes() == null
                    || existing.getContent().getMediaTypes().isEmpty()) {
                // Quarkus documents 400/401/403 by itself, without a body: say what the body is.
                existing.setContent(problemResponse(status.getKey(), status.getValue()).getContent());
            }
        }
        // A declared error response (412, say) is a problem document too.
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                if (response.getContent() == null || response.getContent().getMediaTypes() == null
                        || response.getContent().getMediaTypes().isEmpty()) {
                    response.setContent(problemResponse(code, response.getDescription()).getContent());
                }
            }
        });
    }

    private APIResponse problemResponse(String status, String description) {
        Example example = OASFactory.createExample().value(Map.of(
                "type", Problem.TYPE_PREFIX + (status.equals("400") ? "validation" : "…"),
                "title", status.equals("400") ? "Invalid request" : description,
                "status", Integer.parseInt(status),
                "instance", "/sessions",
                "requestId", "5b0e1c4e-3c4f-4b5e-9a53-9f1f0c6b2a10"));
        return OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM_REF))
                                .addExample("problem", example)));
    }

    private Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string)
                .addProperty("message", string);
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document.")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("URN of the kind of problem, e.g. `urn:prevent-hub:problem:validation`."))
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string)
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The request path."))
                .addProperty("requestId", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Quote it when asking for help; it is in the logs."))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(violation));
    }
}
