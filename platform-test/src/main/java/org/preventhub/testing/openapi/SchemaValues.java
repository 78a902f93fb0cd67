package org.preventhub.testing.openapi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Values for {@link OpenApiFuzzer} from a schema of the service's document, in one of three modes: {@code valid}
 * (within every declared type, format, bound and enum), {@code boundary} (one value at or just past its bounds, the
 * rest valid) and {@code garbage} (wrong types, NUL and lone surrogates, extreme dates and numbers, unknown fields);
 * plus malformed documents and text. Drawn from the fuzzer's seeded random, so a run can be repeated.
 */
final class SchemaValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ServiceDocument document;
    private final Random random;

    SchemaValues(ServiceDocument document, Random random) {
        this.document = document;
        this.random = random;
    }

    JsonNode value(JsonNode schemaOrRef, String mode, int depth) {
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
        Set<String> required = new HashSet<>();
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

    JsonNode scalar(JsonNode schema, String mode) {
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

    String malformedDocument() {
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

    String garbageText() {
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

    static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : node.toString();
    }
}
