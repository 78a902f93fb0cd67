package org.preventhub.testing.openapi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.preventhub.testing.ManagementInterface;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * The running service's own OpenAPI document, as its management interface serves it (the build stores the same one
 * in {@code target/openapi/}), read as JSON: its operations, their parameters and request schemas, {@code $ref}s
 * resolved.
 */
public final class ServiceDocument {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode document;

    private ServiceDocument(JsonNode document) {
        this.document = document;
    }

    /** Reads the document of the service under test. */
    public static ServiceDocument read() {
        try {
            return new ServiceDocument(MAPPER.readTree(ManagementInterface.given().accept("application/json")
                    .queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString()));
        } catch (Exception e) {
            throw new IllegalStateException("The service's OpenAPI document cannot be read", e);
        }
    }

    public JsonNode json() {
        return document;
    }

    /** One operation: its method, path template and description. */
    public record Operation(String method, String path, JsonNode node, JsonNode pathItem) {

        /** How the tests name it: {@code "POST /panels/{id}/agenda"}. */
        public String id() {
            return method + " " + path;
        }

        public boolean isWrite() {
            return method.equals("POST") || method.equals("PUT");
        }
    }

    /** Every operation of the service (not Quarkus' own {@code /q} endpoints). */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    operations.add(new Operation(method.toUpperCase(), path.getKey(), path.getValue().get(method),
                            path.getValue()));
                }
            }
        }
        return operations;
    }

    /** The operation's parameters, the path item's included, each resolved. */
    public List<JsonNode> parameters(Operation operation) {
        List<JsonNode> parameters = new ArrayList<>();
        for (JsonNode list : List.of(operation.pathItem().path("parameters"), operation.node().path("parameters"))) {
            if (list instanceof ArrayNode array) {
                array.forEach(p -> parameters.add(resolve(p)));
            }
        }
        return parameters;
    }

    /** Follows a local {@code $ref} ({@code #/components/...}) to what it names. */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 20 && current != null && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("Not a local reference: " + ref);
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }
}
