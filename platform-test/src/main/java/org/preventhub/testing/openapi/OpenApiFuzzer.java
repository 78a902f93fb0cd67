package org.preventhub.testing.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.preventhub.testing.Sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Property-based fuzzing of a service through its own OpenAPI document: for every operation, requests whose
 * parameters, headers and bodies are generated from the declared schemas (types, formats, bounds, enums), with their
 * boundary values, values just outside them and garbage (wrong types, NUL and lone surrogates, dates of year 1 and
 * +999999999, huge and fractional numbers, unknown fields), plus malformed, oversized and deeply nested documents.
 * Every answer must be below 500, and every 4xx an {@code application/problem+json} document; and after each batch of
 * requests that were all refused, no table of the service's database may have gained or lost a row (nothing
 * half-written). Random values come from jqwik's generators (edge cases included), seeded, so a run can be repeated:
 * the seed is printed with the number of requests sent.
 */
public final class OpenApiFuzzer {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int BATCH = 12;
    /** Bodies larger than the services' 1 MB limit. */
    private static final int OVER_THE_BODY_LIMIT = 1_048_576;

    private final ServiceDocument document;
    private Supplier<RequestSpecification> caller;
    private final Map<String, List<String>> pathValues = new LinkedHashMap<>();
    private final Set<String> skippedOperations = new java.util.HashSet<>();
    private final Set<String> volatileTables = new java.util.HashSet<>(Set.of("flyway_schema_history"));
    private int tries = 40;
    private Runnable settle = () -> { };
    private long seed = Long.getLong("fuzz.seed", 20261206L);
    private Random random;
    private SchemaValues values;
    private final List<String> failures = new ArrayList<>();
    private int sent;

    private OpenApiFuzzer(ServiceDocument document) {
        this.document = document;
    }

    public static OpenApiFuzzer of(ServiceDocument document) {
        return new OpenApiFuzzer(document);
    }

    /** Who sends every request: a token whose roles reach every operation. */
    public OpenApiFuzzer as(Supplier<RequestSpecification> caller) {
        this.caller = caller;
        return this;
    }

    /**
     * Real values for a path parameter (e.g. an existing session's id), used for half the requests. Every operation
     * that takes the parameter gets them, DELETE and PUT included: give records made for the fuzz test, never ones
     * other tests rely on.
     */
    public OpenApiFuzzer pathValues(String parameter, String... values) {
        pathValues.computeIfAbsent(parameter, p -> new ArrayList<>()).addAll(List.of(values));
        return this;
    }

    /** Requests per operation. */
    public OpenApiFuzzer tries(int tries) {
        this.tries = tries;
        return this;
    }

    /** Tables whose rows change on their own (consumers, background jobs): not compared. */
    public OpenApiFuzzer volatileTables(String... tables) {
        volatileTables.addAll(List.of(tables));
        return this;
    }

    /** Waits for work that earlier requests started (feed jobs) before counting the tables. */
    public OpenApiFuzzer settleWith(Runnable settle) {
        this.settle = settle;
        return this;
    }

    /** Waits for every feed import to finish: their jobs write on their own threads after the upload was answered. */
    public OpenApiFuzzer settlingFeedJobs() {
        return settleWith(() -> org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> Sql.count("SELECT count(*) FROM feed_import WHERE status IN ('RECEIVED', 'VALIDATING', "
                        + "'APPLYING')") == 0));
    }

    /** Operations not fuzzed, each for a reason the caller states (e.g. it erases data by design). */
    public OpenApiFuzzer skip(String operation) {
        skippedOperations.add(operation);
        return this;
    }

    /** Sends the requests; returns how many. Fails with every 5xx, non-problem 4xx and half-written batch found. */
    public int run() {
        JqwikSession.start(); // jqwik's generators, outside its own engine
        try {
            return fuzz();
        } finally {
            JqwikSession.finish();
        }
    }

    private int fuzz() {
        random = new Random(seed);
        values = new SchemaValues(document, random);
        long started = System.nanoTime();
        List<ServiceDocument.Operation> operations = document.operations().stream()
                .filter(op -> !skippedOperations.contains(op.id())).toList();
        for (ServiceDocument.Operation operation : operations) {
            for (int batch = 0; batch < tries; batch += BATCH) {
                settle.run();
                Map<String, Long> before = tableCounts();
                boolean allRefused = true;
                List<String> sentInBatch = new ArrayList<>();
                for (int i = batch; i < Math.min(tries, batch + BATCH); i++) {
                    Attempt attempt = attempt(operation, i);
                    sent++;
                    sentInBatch.add(attempt.describe());
                    Response response;
                    try {
                        response = send(operation, attempt);
                    } catch (Exception e) {
                        if (attempt.body() != null && attempt.body().length() > OVER_THE_BODY_LIMIT) {
                            // Refused on its declared length before it is read: the 413 and the closed connection
                            // may reach the client before it has finished sending, as a reset instead of the answer.
                            continue;
                        }
                        // The server closed the connection, or never answered: worse than a 500.
                        failures.add(operation.id() + " gave no answer (" + e + ") to " + attempt.describe());
                        allRefused = false;
                        continue;
                    }
                    check(operation, attempt, response);
                    allRefused &= response.statusCode() >= 400;
                }
                if (allRefused) {
                    settle.run();
                    Map<String, Long> after = tableCounts();
                    if (!after.equals(before)) {
                        failures.add(operation.id() + ": refused requests changed the tables " + diff(before, after)
                                + " (requests: " + sentInBatch + ")");
                    }
                }
            }
        }
        settle.run(); // leave nothing running for the tests after this one
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("OpenApiFuzzer: %d requests to %d operations in %d ms (seed %d, %d tries each)%n", sent,
                operations.size(), millis, seed, tries);
        assertThat(failures).as("answers of 500 or more, 4xx that are not problem documents, half-written requests "
                + "(seed " + seed + ")").isEmpty();
        return sent;
    }

    private static String diff(Map<String, Long> before, Map<String, Long> after) {
        Map<String, String> changed = new LinkedHashMap<>();
        after.forEach((table, count) -> {
            if (!count.equals(before.get(table))) {
                changed.put(table, before.get(table) + " -> " + count);
            }
        });
        return changed.toString();
    }

    private Map<String, Long> tableCounts() {
        List<Map<String, Object>> tables = Sql.rows("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                + "ORDER BY tablename");
        StringBuilder sql = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (Map<String, Object> table : tables) {
            String name = (String) table.get("tablename");
            if (volatileTables.contains(name)) {
                continue;
            }
            names.add(name);
            sql.append(sql.length() == 0 ? "" : " UNION ALL ").append("SELECT '").append(name)
                    .append("' AS t, count(*) AS n FROM \"").append(name).append('"');
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        if (names.isEmpty()) {
            return counts;
        }
        for (Map<String, Object> row : Sql.rows(sql.toString())) {
            counts.put((String) row.get("t"), ((Number) row.get("n")).longValue());
        }
        return counts;
    }

    private void check(ServiceDocument.Operation operation, Attempt attempt, Response response) {
        int status = response.statusCode();
        if (status >= 500) {
            failures.add(operation.id() + " answered " + status + " to " + attempt.describe() + ": "
                    + abbreviate(response.asString()));
        } else if (status >= 400) {
            String type = response.contentType();
            if (type == null || !type.startsWith("application/problem+json")) {
                failures.add(operation.id() + " answered " + status + " as " + type + " to " + attempt.describe());
            }
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    // --- one request ---

    /** What was sent, to repeat it: the mode, the path, the query, and the body (abbreviated). */
    private record Attempt(String mode, Map<String, String> path, Map<String, String> query, Map<String, String> headers,
            String contentType, String body) {

        String describe() {
            return mode + " path=" + path + " query=" + query + " headers=" + headers.keySet() + " body="
                    + abbreviate(body == null ? null : body.replace("\u0000", "\\u0000"));
        }
    }

    private Attempt attempt(ServiceDocument.Operation operation, int index) {
        String mode = switch (index % 10) {
            case 0, 1, 2, 3 -> "valid";
            case 4, 5, 6 -> "boundary";
            case 7, 8 -> "garbage";
            default -> "document";
        };
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode parameter : document.parameters(operation)) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            JsonNode schema = document.resolve(parameter.path("schema"));
            switch (in) {
                case "path" -> path.put(name, pathValue(name, schema, mode));
                case "query" -> {
                    if (parameter.path("required").asBoolean() || random.nextInt(3) > 0) {
                        query.put(name, SchemaValues.text(values.scalar(schema, mode.equals("valid") ? "valid" : mode)));
                    }
                }
                case "header" -> {
                    if (random.nextInt(2) == 0) {
                        headers.put(name, headerValue(name, schema, mode));
                    }
                }
                default -> {
                }
            }
        }
        if (operation.path().contains("{")) {
            // Path parameters the document does not list (none should be missing, but never send a raw template).
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(operation.path());
            while (m.find()) {
                path.putIfAbsent(m.group(1), pathValue(m.group(1), JSON.objectNode(), mode));
            }
        }
        String contentType = null;
        String body = null;
        JsonNode requestBody = document.resolve(operation.node().path("requestBody"));
        if (requestBody != null && requestBody.has("content")) {
            JsonNode content = requestBody.get("content");
            if (content.has("application/json")) {
                contentType = "application/json";
                JsonNode schema = content.get("application/json").path("schema");
                body = mode.equals("document") ? values.malformedDocument() : json(values.value(schema, mode, 0));
            } else {
                contentType = content.fieldNames().next();
                body = mode.equals("document") ? values.malformedDocument() : values.garbageText();
            }
        } else if (!operation.method().equals("GET") && mode.equals("document")) {
            contentType = "application/json";
            body = values.malformedDocument();
        }
        return new Attempt(mode, path, query, headers, contentType, body);
    }

    private Response send(ServiceDocument.Operation operation, Attempt attempt) {
        RequestSpecification request = caller.get()
                .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .urlEncodingEnabled(false)
                // Each request a connection of its own, closed after: thousands of kept-alive ones would otherwise
                // stay open until collected, in the same process as the server, and run out of file descriptors.
                .header("Connection", "close");
        String path = operation.path();
        for (Map.Entry<String, String> parameter : attempt.path().entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", encode(parameter.getValue()));
        }
        StringBuilder query = new StringBuilder();
        attempt.query().forEach((name, value) -> query.append(query.length() == 0 ? "?" : "&").append(encode(name))
                .append('=').append(encode(value)));
        attempt.headers().forEach(request::header);
        if (attempt.contentType() != null) {
            request.contentType(attempt.contentType());
        }
        if (attempt.body() != null) {
            request.body(attempt.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return request.request(operation.method(), path + query);
    }

    /** Percent-encodes every byte of the UTF-8 form but the unreserved characters (RFC 3986). */
    private static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return encoded.toString();
    }

    private String pathValue(String name, JsonNode schema, String mode) {
        List<String> known = pathValues.get(name);
        if (known != null && !known.isEmpty() && (mode.equals("valid") || random.nextBoolean())) {
            return known.get(random.nextInt(known.size()));
        }
        return SchemaValues.text(values.scalar(schema, mode.equals("valid") ? "valid" : mode));
    }

    private String headerValue(String name, JsonNode schema, String mode) {
        if (name.equalsIgnoreCase("Idempotency-Key") && mode.equals("valid")) {
            return UUID.randomUUID().toString();
        }
        if (name.equalsIgnoreCase("If-Match") && mode.equals("valid")) {
            return "\"" + random.nextInt(5) + "\"";
        }
        String value = SchemaValues.text(values.scalar(schema, mode));
        // A header carries Latin-1 at most; HTTP clients refuse line breaks in it.
        StringBuilder latin = new StringBuilder();
        for (char c : value.toCharArray()) {
            latin.append(c < 0x20 && c != 0 ? ' ' : c > 0xFF ? '?' : c);
        }
        return latin.toString();
    }

    private static String json(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every operation's id, for a test that lists what it skipped. */
    public List<String> operationIds() {
        List<String> ids = new ArrayList<>();
        for (Iterator<ServiceDocument.Operation> it = document.operations().iterator(); it.hasNext();) {
            ids.add(it.next().id());
        }
        return ids;
    }
}
