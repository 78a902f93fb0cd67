package org.preventhub.gateway.openapi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The changes between the released API description and the built one that would break a client generated from the
 * released one: a removed operation, response or field, a narrowed type (another type, a lower maximum or length, a
 * removed enum value on input), and a new required input (parameter, body, body field). A removal is allowed only
 * for an operation the released description marks {@code deprecated} with an {@code x-sunset} day that has passed,
 * or in a new major version of the whole description ({@code info.version}): that is how the API versions (see
 * api/CHANGELOG.md). Additions are never breaking.
 */
final class ApiCompatibility {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private final JsonNode released;
    private final JsonNode built;
    private final LocalDate today;
    private final List<String> breaking = new ArrayList<>();

    private ApiCompatibility(JsonNode released, JsonNode built, LocalDate today) {
        this.released = released;
        this.built = built;
        this.today = today;
    }

    /** Each breaking change, as a line a developer can act on; empty when the built document is compatible. */
    static List<String> breakingChanges(JsonNode released, JsonNode built, LocalDate today) {
        if (major(built) > major(released)) {
            // A new major version of the whole description is a new contract, announced in api/CHANGELOG.md.
            return List.of();
        }
        ApiCompatibility check = new ApiCompatibility(released, built, today);
        check.compare();
        return check.breaking;
    }

    private void compare() {
        released.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode was = op.getValue();
            JsonNode now = built.path("paths").path(path.getKey()).path(op.getKey());
            if (now.isMissingNode()) {
                if (!pastSunset(was)) {
                    breaking.add(name + ": operation removed (deprecate it with x-sunset first, and keep it until then)");
                }
                return;
            }
            parameters(name, was, now);
            requestBody(name, was, now);
            responses(name, was, now);
        }));
    }

    /** The major of {@code info.version} (1 of "1.4.0"); 0 when it has none. */
    private static int major(JsonNode document) {
        String version = document.path("info").path("version").asText("");
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private boolean pastSunset(JsonNode operation) {
        String sunset = operation.path("x-sunset").asText("");
        return operation.path("deprecated").asBoolean(false) && !sunset.isEmpty()
                && !LocalDate.parse(sunset).isAfter(today);
    }

    private void parameters(String name, JsonNode was, JsonNode now) {
        for (JsonNode p : now.path("parameters")) {
            String key = p.path("in").asText() + ":" + p.path("name").asText();
            JsonNode old = find(was.path("parameters"), p);
            if (p.path("required").asBoolean(false) && (old == null || !old.path("required").asBoolean(false))) {
                breaking.add(name + ": new required parameter " + key);
            }
            if (old != null) {
                schema(name + " parameter " + key, old.path("schema"), p.path("schema"), true, new HashSet<>());
            }
        }
    }

    private static JsonNode find(JsonNode parameters, JsonNode like) {
        for (JsonNode p : parameters) {
            if (p.path("in").asText().equals(like.path("in").asText())
                    && p.path("name").asText().equals(like.path("name").asText())) {
                return p;
            }
        }
        return null;
    }

    private void requestBody(String name, JsonNode was, JsonNode now) {
        JsonNode before = was.path("requestBody");
        JsonNode after = now.path("requestBody");
        if (after.path("required").asBoolean(false) && !before.path("required").asBoolean(false)) {
            breaking.add(name + ": request body now required");
        }
        before.path("content").fields().forEachRemaining(media -> {
            JsonNode next = after.path("content").path(media.getKey());
            if (next.isMissingNode()) {
                breaking.add(name + ": request body " + media.getKey() + " no longer accepted");
            } else {
                schema(name + " body", media.getValue().path("schema"), next.path("schema"), true, new HashSet<>());
            }
        });
    }

    private void responses(String name, JsonNode was, JsonNode now) {
        was.path("responses").fields().forEachRemaining(response -> {
            if (!response.getKey().startsWith("2")) {
                return;
            }
            JsonNode next = now.path("responses").path(response.getKey());
            if (next.isMissingNode()) {
                breaking.add(name + ": answer " + response.getKey() + " removed");
                return;
            }
            response.getValue().path("content").fields().forEachRemaining(media -> {
                JsonNode after = next.path("content").path(media.getKey());
                if (after.isMissingNode()) {
                    breaking.add(name + " " + response.getKey() + ": " + media.getKey() + " no longer answered");
                } else {
                    schema(name + " " + response.getKey(), media.getValue().path("schema"), after.path("schema"), false,
                            new HashSet<>());
                }
            });
        });
    }

    /**
     * Compares a schema of the released document with the built one's. {@code input}: the client sends it (a new
     * required field or a narrower bound breaks it); otherwise the client reads it (a removed field breaks it).
     */
    private void schema(String where, JsonNode was, JsonNode now, boolean input, Set<String> seen) {
        JsonNode before = resolve(released, was);
        JsonNode after = resolve(built, now);
        String pair = was.path("$ref").asText() + "|" + now.path("$ref").asText() + "|" + input;
        if (!pair.equals("||" + input) && !seen.add(pair)) {
            return; // a recursive schema, already being compared
        }
        if (before.isMissingNode() || before.isEmpty()) {
            return;
        }
        String type = before.path("type").asText("");
        String newType = after.path("type").asText("");
        if (!type.isEmpty() && !type.equals(newType) && !(type.equals("integer") && newType.equals("number") && input)) {
            breaking.add(where + ": type " + type + " became " + (newType.isEmpty() ? "untyped" : newType));
            return;
        }
        if (!input && !after.path("format").asText().equals(before.path("format").asText())
                && before.has("format")) {
            breaking.add(where + ": format " + before.path("format").asText() + " became " + after.path("format").asText("none"));
        }
        if (input) {
            narrower(where, "maximum", before, after, true);
            narrower(where, "maxLength", before, after, true);
            narrower(where, "maxItems", before, after, true);
            narrower(where, "minimum", before, after, false);
            narrower(where, "minLength", before, after, false);
            if (before.has("enum")) {
                Set<String> values = new HashSet<>();
                after.path("enum").forEach(v -> values.add(v.asText()));
                before.path("enum").forEach(v -> {
                    if (after.has("enum") && !values.contains(v.asText())) {
                        breaking.add(where + ": value " + v.asText() + " no longer accepted");
                    }
                });
            }
        }
        JsonNode required = after.path("required");
        for (Iterator<String> names = before.path("properties").fieldNames(); names.hasNext();) {
            String field = names.next();
            JsonNode next = after.path("properties").path(field);
            if (next.isMissingNode()) {
                if (!input) {
                    breaking.add(where + ": field " + field + " removed");
                }
                continue;
            }
            schema(where + "." + field, before.path("properties").path(field), next, input, seen);
        }
        if (input) {
            Set<String> wasRequired = new HashSet<>();
            before.path("required").forEach(r -> wasRequired.add(r.asText()));
            required.forEach(r -> {
                if (!wasRequired.contains(r.asText())) {
                    breaking.add(where + ": new required field " + r.asText());
                }
            });
        }
        if (before.has("items")) {
            schema(where + "[]", before.path("items"), after.path("items"), input, seen);
        }
    }

    private void narrower(String where, String keyword, JsonNode before, JsonNode after, boolean upper) {
        if (!after.has(keyword)) {
            return;
        }
        if (!before.has(keyword)) {
            breaking.add(where + ": new " + keyword + " " + after.path(keyword).asText());
            return;
        }
        double was = before.path(keyword).asDouble();
        double now = after.path(keyword).asDouble();
        if (upper ? now < was : now > was) {
            breaking.add(where + ": " + keyword + " " + before.path(keyword).asText() + " became " + after.path(keyword).asText());
        }
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.path("$ref").isTextual(); i++) {
            String ref = current.path("$ref").asText();
            if (!ref.startsWith("#/")) {
                return current;
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }
}
