package org.preventhub.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A local-stack demo data file ({@code deploy/demo-data/<service>.json}) replayed against the service under test
 * the way the stack's loader runs it: each step as its role, {@code ${name}} resolved in path, body and headers,
 * the expected status (or any 2xx) asserted, {@code ref} and {@code capture} remembered for later steps. The
 * format is in {@code deploy/demo-data/README.md}.
 */
public final class DemoDataPlan {

    /** One call of the file, resolved. */
    public record Step(String as, String method, String path, String body, Map<String, String> headers, JsonNode raw) {
    }

    private final JsonNode document;
    private final Map<String, String> refs = new HashMap<>();

    private DemoDataPlan(JsonNode document) {
        this.document = document;
    }

    /** Reads the file of a service, from the service module's folder (where its tests run). */
    public static DemoDataPlan of(String service) {
        try {
            DemoDataPlan plan = new DemoDataPlan(
                    JsonBodies.MAPPER.readTree(Files.readString(Path.of("../deploy/demo-data/" + service + ".json"))));
            assertThat(plan.document.path("service").asText()).isEqualTo(service);
            return plan;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode document() {
        return document;
    }

    /** The ids and captured values named so far. */
    public Map<String, String> refs() {
        return refs;
    }

    /**
     * Runs every step in order.
     *
     * @param caller a request specification authenticated as the demo user of a role
     * @param each   called after each step with its answer, for the test's own bookkeeping
     */
    public void replay(Function<String, RequestSpecification> caller, BiConsumer<Step, Response> each) {
        for (JsonNode raw : document.path("steps")) {
            Map<String, String> headers = new LinkedHashMap<>();
            raw.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), resolve(h.getValue().asText())));
            Step step = new Step(raw.path("as").asText("prevent-lead"), raw.path("method").asText("POST"),
                    resolve(raw.get("path").asText()), raw.has("body") ? resolve(raw.get("body").toString()) : null,
                    headers, raw);
            RequestSpecification request = caller.apply(step.as());
            if (step.body() != null) {
                request.body(step.body());
            }
            headers.forEach(request::header);
            Response response = request.request(step.method(), step.path());
            String what = step.method() + " " + step.path() + ": " + response.asString();
            if (raw.has("expect")) {
                assertThat(response.statusCode()).as(what).isEqualTo(raw.get("expect").asInt());
            } else {
                assertThat(response.statusCode()).as(what).isBetween(200, 299);
            }
            JsonNode answer = json(response);
            DemoDataSteps.remember(raw, answer, refs);
            each.accept(step, response);
        }
    }

    private static JsonNode json(Response response) {
        try {
            String text = response.asString();
            return text.isBlank() ? JsonBodies.MAPPER.nullNode() : JsonBodies.MAPPER.readTree(text);
        } catch (IOException e) {
            return JsonBodies.MAPPER.nullNode();
        }
    }

    private String resolve(String text) {
        return DemoDataSteps.resolve(text, refs);
    }
}
