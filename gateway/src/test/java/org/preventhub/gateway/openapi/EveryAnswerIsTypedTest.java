package org.preventhub.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Partner agencies generate their clients from the merged document: an answer without a schema becomes an untyped
 * body in every generated client, and a component no operation points at is a model nobody can receive. So every
 * success answer of every operation carries a schema for each of its media types (a page is a typed page of its
 * item, a file a string of its media type), every error answer the problem schema, and every component is used.
 */
class EveryAnswerIsTypedTest {

    private static final String SCHEMAS = "#/components/schemas/";

    private final ObjectNode suite = SuiteDocument.merged();

    @Test
    void everySuccessAnswerCarriesASchemaForEachOfItsMediaTypes() {
        List<String> untyped = new ArrayList<>();
        operations((name, operation) -> operation.path("responses").fields().forEachRemaining(response -> {
            String status = response.getKey();
            if (!status.startsWith("2")) {
                return;
            }
            JsonNode content = response.getValue().path("content");
            if (content.isMissingNode() || content.isEmpty()) {
                if (!status.equals("204")) {
                    untyped.add(name + " " + status + ": no body described");
                }
                return;
            }
            content.fields().forEachRemaining(media -> {
                JsonNode schema = media.getValue().path("schema");
                if (!typed(schema)) {
                    untyped.add(name + " " + status + " " + media.getKey() + ": no schema");
                } else if (schema.path("type").asText().equals("array") && !typed(schema.path("items"))) {
                    untyped.add(name + " " + status + " " + media.getKey() + ": untyped items");
                }
            });
        }));
        assertThat(untyped).as("success answers without a schema (%d)", untyped.size()).isEmpty();
    }

    @Test
    void everyErrorAnswerCarriesTheProblemSchema() {
        List<String> wrong = new ArrayList<>();
        operations((name, operation) -> operation.path("responses").fields().forEachRemaining(response -> {
            if (!response.getKey().startsWith("4") && !response.getKey().startsWith("5")) {
                return;
            }
            JsonNode problem = response.getValue().path("content").path("application/problem+json");
            if (!problem.path("schema").path("$ref").asText().endsWith("/Problem")) {
                wrong.add(name + " " + response.getKey());
            }
        }));
        assertThat(wrong).as("error answers that are not problem documents").isEmpty();
    }

    @Test
    void everyComponentSchemaIsReachableFromAnOperation() {
        Set<String> reachable = new HashSet<>();
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.add(suite.path("paths"));
        // Shared responses, parameters and headers are reached through operations too; schemas only through refs.
        suite.path("components").fields().forEachRemaining(kind -> {
            if (!kind.getKey().equals("schemas")) {
                todo.add(kind.getValue());
            }
        });
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            if (node.isObject() && node.path("$ref").isTextual() && node.path("$ref").asText().startsWith(SCHEMAS)) {
                String name = node.path("$ref").asText().substring(SCHEMAS.length());
                if (reachable.add(name)) {
                    todo.add(suite.path("components").path("schemas").path(name));
                }
            }
            node.forEach(todo::add);
        }
        Set<String> unused = new TreeSet<>();
        suite.path("components").path("schemas").fieldNames().forEachRemaining(unused::add);
        unused.removeAll(reachable);
        assertThat(unused).as("component schemas no operation uses").isEmpty();
    }

    private static boolean typed(JsonNode schema) {
        return schema.isObject() && (schema.has("$ref") || schema.has("type") || schema.has("oneOf")
                || schema.has("anyOf") || schema.has("allOf"));
    }

    private interface OperationVisitor {
        void visit(String name, JsonNode operation);
    }

    private void operations(OperationVisitor visitor) {
        Set<String> methods = Set.of("get", "put", "post", "delete", "patch", "head", "options");
        suite.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (methods.contains(op.getKey())) {
                visitor.visit(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
            }
        }));
    }
}
