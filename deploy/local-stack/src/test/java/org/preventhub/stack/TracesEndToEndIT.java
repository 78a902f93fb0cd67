package org.preventhub.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Traces end to end on the running suite, exported over OTLP/HTTP to the stack's own receiver as a deployment's
 * collector would get them: one caller's request is one trace from the gateway through training-service and its
 * event on Kafka into reporting-service's projection, and no span carries what the caller sent.
 */
@ExtendWith(RunningSuite.Shared.class)
@Order(4)
class TracesEndToEndIT {

    private static RunningSuite running;
    private static SuiteClient suite;

    @BeforeAll
    static void connect(RunningSuite suiteRunning) {
        running = suiteRunning;
        suite = new SuiteClient(running.gateway());
    }

    @Test
    void aSessionScheduledThroughTheGatewayIsOneTraceFromTheDoorToReportingsProjection() {
        String trainer = running.tokens().forUser("trainer-wcc");
        JsonNode courses = suite.get("/api/training/courses").token(trainer).send().expect(200).json();
        String courseId = null;
        for (JsonNode course : courses.isArray() ? courses : courses.path("items")) {
            if (course.path("code").asText().equals("WRAP")) {
                courseId = course.path("id").asText();
            }
        }
        assertThat(courseId).as("the demo year's WRAP course").isNotNull();

        // The caller (a partner's system) starts the trace: its traceparent names the trace every hop continues.
        String traceId = hex(16);
        String venue = "Trace Hall " + UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).withNano(0);
        Map<String, Object> session = new HashMap<>();
        session.put("courseId", courseId);
        session.put("startsAt", start.toString());
        session.put("endsAt", start.plusHours(2).toString());
        session.put("mode", "IN_PERSON");
        session.put("venue", venue);
        session.put("area", "warwick");
        session.put("capacity", 20);
        session.put("access", "OPEN");
        session.put("audienceSector", "EDUCATION");
        suite.post("/api/training/sessions?trace=" + venue.length()).token(trainer)
                .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
                .header("Idempotency-Key", UUID.randomUUID().toString()).json(session).send().expect(201);

        List<OtlpSpans.Span> spans = awaitSpans(traceId, Duration.ofSeconds(60), found -> {
            Set<String> services = found.stream().map(OtlpSpans.Span::service).collect(Collectors.toSet());
            return services.containsAll(Set.of("gateway", "training-service", "reporting-service"));
        });

        Map<String, OtlpSpans.Span> byId = spans.stream()
                .collect(Collectors.toMap(OtlpSpans.Span::spanId, s -> s, (a, b) -> a));
        OtlpSpans.Span door = only(spans, "gateway", OtlpSpans.Kind.SERVER);
        OtlpSpans.Span training = only(spans, "training-service", OtlpSpans.Kind.SERVER);
        OtlpSpans.Span projection = only(spans, "reporting-service", OtlpSpans.Kind.CONSUMER);
        // gateway server -> gateway client -> training's server span: the forwarded request continues the trace.
        assertThat(byId.get(training.parentSpanId())).as("training's request span's parent")
                .isNotNull().extracting(OtlpSpans.Span::service, OtlpSpans.Span::kind)
                .containsExactly("gateway", OtlpSpans.Kind.CLIENT);
        assertThat(byId.get(byId.get(training.parentSpanId()).parentSpanId())).isEqualTo(door);
        // ... -> Kafka -> reporting: the projection's span descends from the span that wrote the event.
        assertThat(ancestors(projection, byId)).as("the projection span's ancestors").contains(training, door);
        assertThat(projection.name()).contains("training.events");

        // Spans name operations, never what was sent: no venue, no query string.
        assertThat(spans).allSatisfy(span -> {
            assertThat(span.name()).doesNotContain("Trace Hall").doesNotContain("trace=");
            assertThat(span.attributes().values()).noneMatch(v -> v.contains("Trace Hall") || v.contains("trace="));
        });
    }

    /** The span's parent, its parent's parent, ... as far as the received spans go. */
    private static List<OtlpSpans.Span> ancestors(OtlpSpans.Span span, Map<String, OtlpSpans.Span> byId) {
        List<OtlpSpans.Span> found = new java.util.ArrayList<>();
        OtlpSpans.Span at = byId.get(span.parentSpanId());
        while (at != null && found.size() < 50) {
            found.add(at);
            at = byId.get(at.parentSpanId());
        }
        return found;
    }

    private static OtlpSpans.Span only(List<OtlpSpans.Span> spans, String service, OtlpSpans.Kind kind) {
        List<OtlpSpans.Span> matching = spans.stream().filter(s -> s.service().equals(service) && s.kind() == kind).toList();
        assertThat(matching).as(kind + " spans of " + service + " in " + spans).hasSize(1);
        return matching.get(0);
    }

    private static List<OtlpSpans.Span> awaitSpans(String traceId, Duration atMost,
            java.util.function.Predicate<List<OtlpSpans.Span>> complete) {
        Instant until = Instant.now().plus(atMost);
        List<OtlpSpans.Span> spans = running.traces().trace(traceId);
        while (!complete.test(spans) && Instant.now().isBefore(until)) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            spans = running.traces().trace(traceId);
        }
        assertThat(complete.test(spans)).as("spans of trace " + traceId + " within " + atMost + ": " + spans).isTrue();
        return spans;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros, which W3C forbids
        return HexFormat.of().formatHex(random);
    }
}
