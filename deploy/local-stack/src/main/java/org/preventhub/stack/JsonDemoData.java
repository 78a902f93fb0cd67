package org.preventhub.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** Runs a deploy/demo-data/&lt;service&gt;.json file of API calls (the format is in that folder's README). */
final class JsonDemoData {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

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
            String path = resolve(step.get("path").asText(), refs);
            String body = step.has("body") ? resolve(step.get("body").toString(), refs) : null;
            Integer expected = step.has("expect") ? step.get("expect").asInt() : null;
            Map<String, String> headers = new HashMap<>();
            step.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), resolve(h.getValue().asText(), refs)));
            JsonNode answer = api.send(step.path("method").asText("POST"), baseUrl + path,
                    step.path("as").asText("prevent-lead"), body, expected, headers);
            if (step.has("ref")) {
                refs.put(step.get("ref").asText(), answer.path("id").asText());
            }
            // Further values of the answer by JSON pointer, e.g. {"bookingRef": "/reference"}.
            step.path("capture").fields().forEachRemaining(c -> refs.put(c.getKey(), answer.at(c.getValue().asText()).asText()));
            calls++;
        }
        return calls;
    }

    private static String resolve(String text, Map<String, String> refs) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = refs.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("Demo data refers to ${" + matcher.group(1) + "} before defining it");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
