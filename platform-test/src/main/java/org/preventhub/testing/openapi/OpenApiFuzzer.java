package org.preventhub.testing.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
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
                        query.put(name, text(scalar(schema, mode.equals("valid") ? "valid" : mode)));
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
                body = mode.equals("document") ? malformedDocument() : json(value(schema, mode, 0));
            } else {
                contentType = content.fieldNames().next();
                body = mode.equals("document") ? malformedDocument() : garbageText();
            }
        } else if (!operation.method().equals("GET") && mode.equals("document")) {
            contentType = "application/json";
            body = malformedDocument();
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
        return text(scalar(schema, mode.equals("valid") ? "valid" : mode));
    }

    private String headerValue(String name, JsonNode schema, String mode) {
        if (name.equalsIgnoreCase("Idempotency-Key") && mode.equals("valid")) {
            return UUID.randomUUID().toString();
        }
        if (name.equalsIgnoreCase("If-Match") && mode.equals("valid")) {
            return "\"" + random.nextInt(5) + "\"";
        }
        String value = text(scalar(schema, mode));
        // A header carries Latin-1 at most; HTTP clients refuse line breaks in it.
        StringBuilder latin = new StringBuilder();
        for (char c : value.toCharArray()) {
            latin.append(c < 0x20 && c != 0 ? ' ' : c > 0xFF ? '?' : c);
        }
        return latin.toString();
    }

    // --- values ---

    private JsonNode value(JsonNode schemaOrRef, String mode, int depth) {
        JsonNode schema = document.resolve(schemaOrRef);
        if (schema == null || schema.isMissingNode()) {
            return JSON.textNode("x");
        }
        if (schema.has("allOf")) {
            ObjectNode merged = JSON.objectNode();
            for (JsonNode part : schema.get("allOf")) {
                JsonNode resolved = document.resolve(part);
                if (resolved != null && resolved.isObject()) {
                    merged.setAll((ObjectNode) resolved.deepCopy());
                }
            }
            schema.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("allOf")) {
                    merged.set(f.getKey(), f.getValue());
                }
            });
            schema = merged;
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.has(choice) && schema.get(choice).size() > 0) {
                return value(schema.get(choice).get(random.nextInt(schema.get(choice).size())), mode, depth);
            }
        }
        if (mode.equals("garbage") && random.nextInt(4) == 0) {
            return garbage(depth);
        }
        String type = type(schema);
        return switch (type) {
            case "object" -> object(schema, mode, depth);
            case "array" -> array(schema, mode, depth);
            default -> scalar(schema, mode);
        };
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            return type.asText();
        }
        if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (schema.has("properties") || schema.has("additionalProperties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return schema.has("enum") ? "string" : "object";
    }

    private JsonNode object(JsonNode schema, String mode, int depth) {
        ObjectNode object = JSON.objectNode();
        Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        JsonNode properties = schema.path("properties");
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        // In boundary mode one field (chosen here) gets a value at or just past its bounds; the rest stay valid.
        String mutated = names.isEmpty() ? null : names.get(random.nextInt(names.size()));
        for (String name : names) {
            boolean include = required.contains(name) ? random.nextInt(20) > 0 : random.nextInt(3) > 0;
            if (!include && !(mode.equals("boundary") && name.equals(mutated))) {
                continue;
            }
            String fieldMode = mode.equals("boundary") ? (name.equals(mutated) ? "boundary" : "valid") : mode;
            object.set(name, depth > 6 ? JSON.nullNode() : value(properties.get(name), fieldMode, depth + 1));
        }
        if (properties.isEmpty() && schema.path("additionalProperties").isObject()) {
            int n = random.nextInt(3);
            for (int i = 0; i < n; i++) {
                object.set(text(JSON.textNode(string(1, 20, mode))),
                        value(schema.get("additionalProperties"), mode, depth + 1));
            }
        } else if (properties.isEmpty() && !mode.equals("valid")) {
            object.set(string(1, 10, "valid"), scalarOfAnyType(mode));
        }
        if (!mode.equals("valid") && random.nextInt(8) == 0) {
            object.put("unknownField" + random.nextInt(100), "x"); // unknown fields are 400
        }
        return object;
    }

    private JsonNode array(JsonNode schema, String mode, int depth) {
        int min = schema.path("minItems").asInt(0);
        int max = schema.has("maxItems") ? schema.get("maxItems").asInt() : 5;
        int size;
        if (mode.equals("boundary")) {
            int[] choices = { min, Math.max(0, min - 1), Math.min(max, 50), max + 1 <= 120 ? max + 1 : max };
            size = choices[random.nextInt(choices.length)];
        } else {
            size = min + random.nextInt(Math.max(1, Math.min(max, min + 3) - min + 1));
        }
        ArrayNode array = JSON.arrayNode();
        for (int i = 0; i < size && depth <= 6; i++) {
            array.add(value(schema.path("items"), mode.equals("boundary") ? (random.nextInt(4) == 0 ? "boundary" : "valid")
                    : mode, depth + 1));
        }
        return array;
    }

    private JsonNode scalar(JsonNode schema, String mode) {
        if (schema == null || schema.isMissingNode()) {
            return JSON.textNode(string(0, 20, mode));
        }
        if (mode.equals("garbage") && random.nextInt(3) == 0) {
            return scalarOfAnyType(mode);
        }
        if (schema.has("enum") && schema.get("enum").size() > 0 && (mode.equals("valid") || random.nextBoolean())) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        String type = type(schema);
        String format = schema.path("format").asText("");
        return switch (type) {
            case "integer" -> integer(schema, mode);
            case "number" -> number(schema, mode);
            case "boolean" -> mode.equals("valid") || random.nextBoolean() ? JSON.booleanNode(random.nextBoolean())
                    : scalarOfAnyType(mode);
            default -> switch (format) {
                case "date" -> JSON.textNode(date(mode));
                case "date-time" -> JSON.textNode(dateTime(mode));
                case "uuid" -> JSON.textNode(mode.equals("valid") || random.nextInt(3) > 0 ? UUID.randomUUID().toString()
                        : string(0, 40, mode));
                case "email" -> JSON.textNode(mode.equals("valid") ? "someone" + random.nextInt(1000) + "@example.org"
                        : string(0, 340, mode));
                default -> JSON.textNode(stringFor(schema, mode));
            };
        };
    }

    private JsonNode scalarOfAnyType(String mode) {
        return switch (random.nextInt(9)) {
            case 0 -> JSON.nullNode();
            case 1 -> JSON.booleanNode(true);
            case 2 -> JSON.numberNode(new BigInteger("123456789012345678901234567890"));
            case 3 -> JSON.numberNode(new BigDecimal("1.5"));
            case 4 -> JSON.numberNode(-1);
            case 5 -> JSON.objectNode().put("a", 1);
            case 6 -> JSON.arrayNode().add(1).add("x");
            case 7 -> JSON.textNode(date("boundary"));
            default -> JSON.textNode(string(0, 30, mode));
        };
    }

    private JsonNode integer(JsonNode schema, String mode) {
        long min = schema.has("minimum") ? schema.get("minimum").asLong() : -1000;
        long max = schema.has("maximum") ? schema.get("maximum").asLong() : 100_000;
        if (mode.equals("valid")) {
            return JSON.numberNode(sample(Arbitraries.longs().between(min, Math.max(min, max))));
        }
        return switch (random.nextInt(9)) {
            case 0 -> JSON.numberNode(min);
            case 1 -> JSON.numberNode(max);
            case 2 -> JSON.numberNode(min - 1);
            case 3 -> JSON.numberNode(max + 1);
            case 4 -> JSON.numberNode(Long.MAX_VALUE);
            case 5 -> JSON.numberNode(new BigInteger("99999999999999999999999"));
            case 6 -> JSON.numberNode(new BigDecimal("2.5"));
            case 7 -> JSON.textNode(String.valueOf(max));
            default -> JSON.numberNode(sample(Arbitraries.integers()));
        };
    }

    private JsonNode number(JsonNode schema, String mode) {
        double min = schema.has("minimum") ? schema.get("minimum").asDouble() : -1000;
        double max = schema.has("maximum") ? schema.get("maximum").asDouble() : 100_000;
        if (mode.equals("valid")) {
            return JSON.numberNode(sample(Arbitraries.doubles().between(min, Math.max(min, max)).ofScale(2)));
        }
        return switch (random.nextInt(7)) {
            case 0 -> JSON.numberNode(min);
            case 1 -> JSON.numberNode(max + 0.01);
            case 2 -> JSON.numberNode(new BigDecimal("1e400"));
            case 3 -> JSON.numberNode(new BigDecimal("-1e-400"));
            case 4 -> JSON.numberNode(Double.MAX_VALUE);
            case 5 -> JSON.textNode("NaN");
            default -> JSON.numberNode(sample(Arbitraries.doubles()));
        };
    }

    private String stringFor(JsonNode schema, String mode) {
        int min = schema.path("minLength").asInt(0);
        int max = schema.has("maxLength") ? schema.get("maxLength").asInt() : 60;
        if (mode.equals("valid")) {
            JsonNode example = schema.get("example");
            if ((schema.has("pattern") || random.nextBoolean()) && example != null && example.isTextual()) {
                return example.asText();
            }
            return string(Math.max(min, 1), Math.min(max, 80), "valid");
        }
        return switch (random.nextInt(6)) {
            case 0 -> "x".repeat(Math.min(max, 20_000));
            case 1 -> "x".repeat(Math.min(max + 1, 20_001));
            case 2 -> "";
            default -> string(0, Math.min(max + 5, 300), mode);
        };
    }

    /** A string from jqwik's generators; outside valid mode it may hold NUL, lone surrogates, controls and emoji. */
    private String string(int min, int max, String mode) {
        if (mode.equals("valid")) {
            return sample(Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withChars(' ', '-', '\'')
                    .ofMinLength(Math.max(min, 1)).ofMaxLength(Math.max(max, 1)));
        }
        return switch (random.nextInt(8)) {
            case 0 -> "a\u0000b";
            case 1 -> "\uD800" + "lone";
            case 2 -> "   ";
            case 3 -> "'; DROP TABLE x; --\u202E\uD83D\uDE00";
            case 4 -> "%00" + "\u0007\u001B[31m";
            default -> sample(Arbitraries.strings().all().ofMinLength(min).ofMaxLength(Math.max(min, max)));
        };
    }

    private String date(String mode) {
        LocalDate today = LocalDate.now();
        if (mode.equals("valid")) {
            return today.minusDays(random.nextInt(3650)).plusDays(random.nextInt(3650)).toString();
        }
        String[] dates = { "+999999999-12-31", "-999999999-01-01", "0001-01-01", "1899-12-31", "1900-01-01",
                "1989-12-31", "1990-01-01", today.toString(), today.plusDays(1).toString(),
                today.plusYears(10).toString(), today.plusYears(10).plusDays(1).toString(), "9999-12-31",
                "+10000-01-01", "2020-02-30", "2021-13-01", "20200101", "yesterday", "2020-1-1" };
        return dates[random.nextInt(dates.length)];
    }

    private String dateTime(String mode) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        if (mode.equals("valid")) {
            return now.plusHours(random.nextInt(24 * 365) - 24 * 180).toString();
        }
        String[] times = { "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0001-01-01T00:00:00Z",
                "9999-12-31T23:59:59+18:00", now.plusYears(11).toString(), "2020-01-01T25:00:00Z", "2020-01-01",
                "2020-01-01T10:00:00+25:00", "now" };
        return times[random.nextInt(times.length)];
    }

    private JsonNode garbage(int depth) {
        return depth > 3 ? JSON.textNode("\u0000") : scalarOfAnyType("garbage");
    }

    private String malformedDocument() {
        return switch (random.nextInt(9)) {
            case 0 -> "{";
            case 1 -> "{\"a\": }";
            case 2 -> "[".repeat(5000) + "]".repeat(5000);
            case 3 -> "{\"a\":".repeat(3000) + "1" + "}".repeat(3000);
            case 4 -> "{\"x\": \"" + "y".repeat(1_100_000) + "\"}";
            case 5 -> "";
            case 6 -> "null";
            case 7 -> "\"\\u0000\"";
            default -> "{\"a\": \"\\ud800\"}";
        };
    }

    private String garbageText() {
        return switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> "a,b\n\u0000,\"\n";
            case 2 -> "x".repeat(2000);
            default -> string(0, 200, "garbage");
        };
    }

    private <T> T sample(Arbitrary<T> arbitrary) {
        return arbitrary.generatorWithEmbeddedEdgeCases(100).next(random).value();
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : node.toString();
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
