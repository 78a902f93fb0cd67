package org.preventhub.gateway.openapi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.preventhub.gateway.config.GatewayConfig;
import org.preventhub.gateway.security.FrontDoor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the gateway adds to every operation of the suite, because it is the gateway that does it: the caller's
 * {@code RateLimit-*} headers on every answer, {@code 429} with {@code Retry-After} when they run out, {@code 502},
 * {@code 503} and {@code 504} when a service fails, and the CORS header of the web frontend's origins. The bounds
 * stated (the largest burst, the longest wait) are computed from the gateway's own configuration.
 */
final class GatewayResponses {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String LIMIT = FrontDoor.RATE_LIMIT_LIMIT;
    private static final String REMAINING = FrontDoor.RATE_LIMIT_REMAINING;
    private static final String RESET = FrontDoor.RATE_LIMIT_RESET;
    private static final String RETRY_AFTER = "Retry-After";
    private static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    private static final String WHEN = "Sent on every answer except the gateway's own refusals of a malformed path "
            + "(400) and of a service's operator endpoints (404), which come before the caller is known.";

    /**
     * @param maxBurst the largest configured burst: the most {@code RateLimit-Limit} and {@code RateLimit-Remaining} say
     * @param maxResetSeconds the longest an empty bucket takes to fill again
     * @param maxRetryAfterSeconds the longest {@code Retry-After} (a 429's, or an open circuit breaker's 503)
     * @param origins the web frontend's origins, the only values of {@code Access-Control-Allow-Origin}
     */
    record Bounds(int maxBurst, long maxResetSeconds, long maxRetryAfterSeconds, List<String> origins) {

        static Bounds of(GatewayConfig config, List<String> origins) {
            GatewayConfig.RateLimits limits = config.rateLimits();
            List<GatewayConfig.Limit> all = Stream.of(Stream.of(limits.defaults(), limits.unauthenticated()),
                    limits.roles().values().stream(), limits.clients().values().stream()).flatMap(s -> s).toList();
            int burst = all.stream().mapToInt(l -> Math.max(1, l.burst())).max().orElse(1);
            long reset = all.stream().mapToLong(l -> ceilDiv(Math.max(1, l.burst()), Math.max(1, l.perSecond())))
                    .max().orElse(1);
            // A token comes within a second at any rate of 1/s or more; an open breaker says when its trial is due.
            long retry = Math.max(1, ceilDiv(config.circuitBreaker().openFor().toMillis(), 1000));
            return new Bounds(burst, reset, retry, origins);
        }

        private static long ceilDiv(long a, long b) {
            return (a + b - 1) / b;
        }
    }

    private final Bounds bounds;

    GatewayResponses(Bounds bounds) {
        this.bounds = bounds;
    }

    void document(ObjectNode suite) {
        ObjectNode components = obj(suite, "components");
        boolean problems = components.path("schemas").has("Problem");
        headers(obj(components, "headers"));
        for (Iterator<Map.Entry<String, JsonNode>> paths = suite.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey()) || !(op.getValue() instanceof ObjectNode operation)) {
                    continue;
                }
                ObjectNode responses = obj(operation, "responses");
                String instance = path.getKey().replaceAll("\\{[^}]+}", "3f2b8c1e-7a4d-4e6f-9b0a-2c5d8e1f4a7b");
                problem(responses, "429", "The caller's rate limit is used up (`RateLimit-Remaining` was 0): wait "
                        + "`Retry-After` seconds.", "too-many-requests", "Too many requests",
                        "This client's rate limit is used up; try again in 1 s.", instance, true, problems);
                problem(responses, "502", "The service broke off its answer.", "bad-gateway", "Bad gateway",
                        "The service broke off its answer.", instance, false, problems);
                problem(responses, "503", "The service is not answering (stopped, or its circuit breaker is open): try "
                        + "again after `Retry-After` seconds.", "service-unavailable", "Service unavailable",
                        "The service is not answering; try again shortly.", instance, true, problems);
                problem(responses, "504", "The service did not answer in time.", "service-timeout", "Service timed out",
                        "The service did not answer within 30 s.", instance, false, problems);
                for (Iterator<Map.Entry<String, JsonNode>> each = responses.fields(); each.hasNext();) {
                    if (each.next().getValue() instanceof ObjectNode response && !response.has("$ref")) {
                        ObjectNode headers = obj(response, "headers");
                        for (String header : List.of(LIMIT, REMAINING, RESET, ALLOW_ORIGIN)) {
                            if (!headers.has(header)) {
                                headers.putObject(header).put("$ref", "#/components/headers/" + header);
                            }
                        }
                    }
                }
            }
        }
        // Every other headers object (a service's Location, ETag ...) lists the CORS header as well.
        corsEverywhere(suite.path("paths"));
    }

    private void headers(ObjectNode headers) {
        header(headers, LIMIT, "How many requests the caller may send at once (its burst), refilled at its sustained "
                + "rate. A caller is one subject of one OAuth client; requests without a valid token are counted per "
                + "remote address. " + WHEN, integer(1, bounds.maxBurst()));
        header(headers, REMAINING, "How many of them are left after this request; 0 on a 429. " + WHEN,
                integer(0, bounds.maxBurst()));
        header(headers, RESET, "Seconds until the caller's limit is whole again. " + WHEN,
                integer(0, bounds.maxResetSeconds()));
        header(headers, RETRY_AFTER, "Seconds to wait before trying again.", integer(1, bounds.maxRetryAfterSeconds()));
        ObjectNode origin = headers.objectNode().put("type", "string");
        List<String> plain = bounds.origins().stream().filter(o -> !o.contains("*") && !o.startsWith("/")).toList();
        if (!plain.isEmpty() && plain.size() == bounds.origins().size()) {
            plain.forEach(origin.putArray("enum")::add);
        } else {
            origin.put("maxLength", 2048);
        }
        header(headers, ALLOW_ORIGIN, "The request's `Origin` when it is one of the web frontend's origins "
                + "(`GATEWAY_WEB_ORIGINS`); absent for any other origin, so no other site's pages can read the answer.",
                origin);
    }

    private static void header(ObjectNode headers, String name, String description, ObjectNode schema) {
        ObjectNode header = headers.putObject(name);
        header.put("description", description);
        header.set("schema", schema);
    }

    /** The named member object, made when missing. */
    private static ObjectNode obj(ObjectNode parent, String name) {
        JsonNode existing = parent.get(name);
        return existing instanceof ObjectNode object ? object : parent.putObject(name);
    }

    private static ObjectNode integer(long minimum, long maximum) {
        ObjectNode schema = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        return schema.put("type", "integer").put("format", "int32").put("minimum", minimum).put("maximum", maximum);
    }

    private static void problem(ObjectNode responses, String status, String description, String kind, String title,
            String detail, String instance, boolean retryAfter, boolean problems) {
        if (responses.has(status)) {
            return;
        }
        ObjectNode response = responses.putObject(status);
        response.put("description", description);
        if (retryAfter) {
            obj(response, "headers").putObject(RETRY_AFTER).put("$ref", "#/components/headers/" + RETRY_AFTER);
        }
        if (problems) {
            ObjectNode media = obj(obj(response, "content"), "application/problem+json");
            media.putObject("schema").put("$ref", PROBLEM_REF);
            obj(obj(obj(media, "examples"), "problem"), "value")
                    .put("type", "urn:prevent-hub:problem:" + kind).put("title", title)
                    .put("status", Integer.parseInt(status)).put("detail", detail).put("instance", instance)
                    .put("requestId", "5b0e1c4e-3c4f-4b5e-9a53-9f1f0c6b2a10");
        }
    }

    private static void corsEverywhere(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode headers = object.get("headers");
            if (headers instanceof ObjectNode named && !named.has(ALLOW_ORIGIN)) {
                named.putObject(ALLOW_ORIGIN).put("$ref", "#/components/headers/" + ALLOW_ORIGIN);
            }
            List<JsonNode> children = new ArrayList<>();
            object.elements().forEachRemaining(children::add);
            children.forEach(GatewayResponses::corsEverywhere);
        } else if (node != null && node.isArray()) {
            node.forEach(GatewayResponses::corsEverywhere);
        }
    }
}
