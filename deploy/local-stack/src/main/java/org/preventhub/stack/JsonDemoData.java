package org.preventhub.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.preventhub.testing.DemoDataSteps;

import com.fasterxml.jackson.databind.JsonNode;

/** Runs a deploy/demo-data/&lt;service&gt;.json file of API calls (the format is in that folder's README). */
final class JsonDemoData {

    private JsonDemoData() {
    }

    /** @return how many calls were made, 0 when the data was loaded before */
    static int load(Path file, String baseUrl, ApiClient api) {
        JsonNode plan;
        try {
            plan = ApiClient.JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        JsonNode loadedWhen = plan.path("loadedWhen");
        if (!loadedWhen.isMissingNode()) {
            JsonNode existing = api.get(baseUrl + loadedWhen.get("path").asText(), loadedWhen.path("as").asText("prevent-lead"));
            JsonNode items = existing.isArray() ? existing : existing.path("items");
            if (items.size() >= loadedWhen.path("minItems").asInt(1)) {
                return 0;
            }
        }
        Map<String, String> refs = new HashMap<>();
        int calls = 0;
        for (JsonNode step : plan.path("steps")) {
            String path = DemoDataSteps.resolve(step.get("path").asText(), refs);
            String body = step.has("body") ? DemoDataSteps.resolve(step.get("body").toString(), refs) : null;
            Integer expected = step.has("expect") ? step.get("expect").asInt() : null;
            Map<String, String> headers = new HashMap<>();
            step.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), DemoDataSteps.resolve(h.getValue().asText(), refs)));
            JsonNode answer = api.send(step.path("method").asText("POST"), baseUrl + path,
                    step.path("as").asText("prevent-lead"), body, expected, headers);
            DemoDataSteps.remember(step, answer, refs);
            calls++;
        }
        return calls;
    }
}
