package org.preventhub.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.preventhub.testing.openapi.ServiceDocument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;

/**
 * The {@code Idempotency-Key} contract, checked for every state-changing POST and PUT of a service, driven by its own
 * OpenAPI document: each declares the header; each has an entry in the module's table of writes (so a new operation
 * cannot slip through untested); and for each, a retry with the same key answers as the first call did (status,
 * {@code Location}, {@code ETag}, body, marked {@code Idempotent-Replayed: true}) and has no further effect, the same
 * key with another body is 422 {@code idempotency-key-reused}, and concurrent retries have the effect of one call.
 */
public final class IdempotencyContract {

    public static final String HEADER = "Idempotency-Key";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int CONCURRENT_RETRIES = 6;

    private IdempotencyContract() {
    }

    /** The service's POSTs and PUTs, less the reads sent as POST ({@code reads}: operation to why it is a read). */
    public static List<ServiceDocument.Operation> writes(ServiceDocument document, Map<String, String> reads) {
        return document.operations().stream().filter(ServiceDocument.Operation::isWrite)
                .filter(op -> !reads.containsKey(op.id())).toList();
    }

    public static void everyWriteDeclaresTheKey(ServiceDocument document, Map<String, String> reads) {
        List<String> without = new ArrayList<>();
        for (ServiceDocument.Operation op : writes(document, reads)) {
            boolean declared = document.parameters(op).stream().anyMatch(p -> "header".equals(p.path("in").asText())
                    && HEADER.equalsIgnoreCase(p.path("name").asText()));
            if (!declared) {
                without.add(op.id());
            }
        }
        assertThat(without).as("POSTs and PUTs without an Idempotency-Key header parameter").isEmpty();
        for (String read : reads.keySet()) {
            assertThat(document.operations().stream().anyMatch(op -> op.id().equals(read)))
                    .as("the read " + read + " is an operation of the service").isTrue();
        }
    }

    public static void everyWriteHasACase(ServiceDocument document, Map<String, String> reads, Set<String> cases) {
        Set<String> writes = new TreeSet<>();
        writes(document, reads).forEach(op -> writes.add(op.id()));
        assertThat(new TreeSet<>(cases)).as("the table of writes (add an entry for each new operation)")
                .containsExactlyElementsOf(writes);
    }

    /** One test per write: a replay answers the first answer with one effect; another body is 422. */
    public static Stream<DynamicTest> retries(Map<String, Supplier<Write>> cases) {
        return cases.entrySet().stream().map(c -> DynamicTest.dynamicTest(c.getKey(), () -> replays(c.getValue().get())));
    }

    /** One test per write: concurrent retries with one key have the effect of a single call, and one answer. */
    public static Stream<DynamicTest> concurrentRetries(Map<String, Supplier<Write>> cases) {
        return cases.entrySet().stream().map(c -> DynamicTest.dynamicTest(c.getKey(),
                () -> concurrently(c.getValue())));
    }

    static void replays(Write write) {
        String key = UUID.randomUUID().toString();
        long before = write.effect();
        Response first = write.send(key);
        assertThat(first.statusCode()).as(write + " first call: " + first.asString()).isBetween(200, 299);
        long afterFirst = write.effect();
        assertThat(afterFirst).as(write + ": the first call has an effect").isNotEqualTo(before);

        Response retry = write.send(key);
        assertThat(retry.statusCode()).as(write + " retry: " + retry.asString()).isEqualTo(first.statusCode());
        assertThat(retry.header("Idempotent-Replayed")).as(write + " retry marked as replayed").isEqualTo("true");
        assertThat(retry.header("Location")).as(write + " retry Location").isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).as(write + " retry ETag").isEqualTo(first.header("ETag"));
        assertThat(json(retry)).as(write + " retry body").isEqualTo(json(first));
        assertThat(write.effect()).as(write + ": a retry has no effect").isEqualTo(afterFirst);

        if (write.hasOtherBody()) {
            Response other = write.sendOtherBody(key);
            assertThat(other.statusCode()).as(write + " with another body: " + other.asString()).isEqualTo(422);
            assertThat(other.contentType()).startsWith("application/problem+json");
            assertThat(other.jsonPath().getString("type")).isEqualTo("urn:prevent-hub:problem:idempotency-key-reused");
            assertThat(write.effect()).as(write + ": another body with the same key has no effect").isEqualTo(afterFirst);
        } else {
            assertThat(write.isBodiless()).as(write + " needs another body to try the key with").isTrue();
        }
    }

    static void concurrently(Supplier<Write> prepare) throws Exception {
        Write once = prepare.get();
        long beforeOnce = once.effect();
        assertThat(once.send(UUID.randomUUID().toString()).statusCode()).as(once + " once").isBetween(200, 299);
        long oneEffect = once.effect() - beforeOnce;

        Write write = prepare.get();
        String key = UUID.randomUUID().toString();
        long before = write.effect();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_RETRIES);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_RETRIES; i++) {
                calls.add(() -> write.send(key));
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
            List<Response> done = new ArrayList<>();
            for (Response answer : answers) {
                if (write.isClaimedApart() && answer.statusCode() == 409) {
                    assertThat(answer.jsonPath().getString("type"))
                            .isEqualTo("urn:prevent-hub:problem:idempotency-in-progress");
                    continue;
                }
                assertThat(answer.statusCode()).as(write + " concurrent retry: " + answer.asString()).isBetween(200, 299);
                done.add(answer);
            }
            assertThat(done).as(write + ": at least the first call answered").isNotEmpty();
            for (Response answer : done) {
                assertThat(answer.statusCode()).isEqualTo(done.get(0).statusCode());
                assertThat(json(answer)).as(write + ": every retry answers as the first").isEqualTo(json(done.get(0)));
            }
        } finally {
            pool.shutdown();
        }
        if (write.isMoment()) {
            assertThat(write.effect()).as(write + ": concurrent retries started the work").isNotEqualTo(before);
        } else {
            assertThat(write.effect() - before).as(write + ": concurrent retries have the effect of one call")
                    .isEqualTo(oneEffect);
        }
    }

    private static JsonNode json(Response response) {
        String body = response.asString();
        if (body == null || body.isEmpty()) {
            return MAPPER.nullNode();
        }
        try {
            return MAPPER.readTree(body);
        } catch (Exception e) {
            return MAPPER.getNodeFactory().textNode(body);
        }
    }
}
