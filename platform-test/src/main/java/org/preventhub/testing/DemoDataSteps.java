package org.preventhub.testing;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rules of a {@code deploy/demo-data/<service>.json} step that do not depend on how it is sent: the stack's
 * loader and the tests' {@link DemoDataPlan} both follow them from here. The format is in
 * {@code deploy/demo-data/README.md}.
 */
public final class DemoDataSteps {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

    private DemoDataSteps() {
    }

    /** {@code ${name}} replaced by what an earlier step named {@code name}. */
    public static String resolve(String text, Map<String, String> refs) {
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

    /** Remembers the answer's id under the step's {@code ref}, and each {@code capture} (a JSON pointer) by its name. */
    public static void remember(JsonNode step, JsonNode answer, Map<String, String> refs) {
        if (step.has("ref")) {
            refs.put(step.get("ref").asText(), answer.path("id").asText());
        }
        step.path("capture").fields().forEachRemaining(c -> refs.put(c.getKey(), answer.at(c.getValue().asText()).asText()));
    }
}
