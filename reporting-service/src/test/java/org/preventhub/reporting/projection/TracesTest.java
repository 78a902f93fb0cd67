package org.preventhub.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.preventhub.contracts.DeliveryMode;
import org.preventhub.contracts.Priority;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.training.CourseSnapshot;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.testing.CloudEventProducer;
import org.preventhub.testing.Sql;
import org.preventhub.testing.trace.RecordedSpans;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The projection continues the trace an event carries in its traceparent header (the producer's request, relayed
 * by its outbox): one span per trace in a batch, a child of the producer's span, with no event data on it.
 */
@QuarkusTest
class TracesTest {

    @Inject
    RecordedSpans spans;

    @Inject
    Generations generations;

    @Test
    void anEventFromATracedRequestIsProjectedInAChildSpanOfThatRequest() {
        String producer = RecordedSpans.newTraceparent();
        String code = "TRACED-" + UUID.randomUUID().toString().substring(0, 6);

        String event = CloudEventProducer.publishTraced(Topics.TRAINING, TrainingEventTypes.COURSE_REGISTERED,
                UUID.randomUUID().toString(), course(code, "Spans across Kafka"), producer);

        SpanData projection = consumerSpans(RecordedSpans.traceId(producer), 1).get(0);
        assertThat(projection.getParentSpanId()).isEqualTo(RecordedSpans.spanId(producer));
        assertThat(projection.getName()).isEqualTo("process " + Topics.TRAINING);
        assertThat(projection.getAttributes().get(ProjectionSpans.EVENT_TYPES))
                .containsExactly(TrainingEventTypes.COURSE_REGISTERED);
        assertThat(projection.getAttributes().asMap().values()).extracting(String::valueOf)
                .noneMatch(value -> value.contains(code) || value.contains("Spans across Kafka"));
        assertThat(Sql.count("SELECT count(*) FROM " + generations.active() + ".processed_event WHERE id = ?", event))
                .isEqualTo(1);
    }

    @Test
    void eventsOfOneRequestShareTheirTraceHoweverTheyAreBatched() {
        String producer = RecordedSpans.newTraceparent();
        for (int i = 0; i < 3; i++) {
            CloudEventProducer.publishTraced(Topics.TRAINING, TrainingEventTypes.COURSE_REGISTERED,
                    UUID.randomUUID().toString(), course("BATCH-" + i + UUID.randomUUID().toString().substring(0, 4),
                            "One request, three events"), producer);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                spansOf(RecordedSpans.traceId(producer)).stream()
                        .mapToLong(span -> span.getAttributes().get(ProjectionSpans.EVENTS)).sum()).isEqualTo(3));
    }

    @Test
    void anEventWithAMalformedTraceparentIsProjectedUntraced() {
        String event = CloudEventProducer.publishTraced(Topics.TRAINING, TrainingEventTypes.COURSE_REGISTERED,
                UUID.randomUUID().toString(), course("UNTRACED", "No trace"), "00-not-a-trace-01");

        await().atMost(Duration.ofSeconds(30)).until(() -> Sql.count(
                "SELECT count(*) FROM " + generations.active() + ".processed_event WHERE id = ?", event) == 1);
    }

    private static CourseSnapshot course(String code, String title) {
        return new CourseSnapshot(UUID.randomUUID(), code, title, Priority.AWARENESS_LEARNING, "PROFESSIONALS", 90,
                List.of(DeliveryMode.IN_PERSON), true);
    }

    private List<SpanData> spansOf(String trace) {
        return spans.ofTrace(trace).stream().filter(span -> span.getKind() == SpanKind.CONSUMER).toList();
    }

    private List<SpanData> consumerSpans(String trace, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> spansOf(trace), found -> found.size() >= count);
    }
}
