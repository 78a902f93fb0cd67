package org.preventhub.training.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.preventhub.training.support.SessionBuilder.aSession;
import static org.preventhub.training.support.TrainingApi.asTrainer;
import static org.preventhub.training.support.TrainingApi.createCourse;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.testing.KafkaEvents;
import org.preventhub.testing.ReceivedEvent;
import org.preventhub.testing.Sql;
import org.preventhub.testing.trace.RecordedSpans;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A request's trace reaches Kafka: the service's span continues the caller's trace, the outbox row written in the
 * request stores that span's context, and the relay sends it as the event's traceparent header, so reporting's
 * projection joins the same trace (proved in reporting-service's TracesTest, and the gateway's in its own).
 */
@QuarkusTest
class TracesTest {

    @Inject
    RecordedSpans spans;

    @Test
    void aSessionScheduledInATracedRequestPublishesItsEventWithinTheSameTrace() {
        UUID course = createCourse();
        String caller = RecordedSpans.newTraceparent();
        String trace = RecordedSpans.traceId(caller);

        String session = asTrainer().header("traceparent", caller).body(aSession(course).build())
                .post("/sessions").then().statusCode(201).extract().path("id");

        SpanData server = serverSpan(trace);
        assertThat(server.getParentSpanId()).as("the caller's span is the parent").isEqualTo(RecordedSpans.spanId(caller));
        String stored = (String) Sql.rows("SELECT traceparent FROM outbox_event WHERE aggregateid = ? AND type = ?",
                session, TrainingEventTypes.SESSION_SCHEDULED).get(0).get("traceparent");
        assertThat(RecordedSpans.traceId(stored)).isEqualTo(trace);
        assertThat(RecordedSpans.spanId(stored)).as("written inside the request's span").isEqualTo(server.getSpanId());

        List<ReceivedEvent> events = KafkaEvents.forKey(Topics.TRAINING, session, 1, Duration.ofSeconds(30));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).headers()).containsEntry("traceparent", stored);
    }

    @Test
    void aQueryStringNeverReachesASpan() {
        String caller = RecordedSpans.newTraceparent();
        asTrainer().header("traceparent", caller).queryParam("q", "Quintrell Zebedee").get("/courses");

        SpanData server = serverSpan(RecordedSpans.traceId(caller));
        assertThat(server.getAttributes().get(AttributeKey.stringKey("url.query"))).isEqualTo("redacted");
        assertThat(server.getAttributes().asMap().values()).extracting(String::valueOf)
                .noneMatch(value -> value.contains("Quintrell") || value.contains("Zebedee"));
    }

    private SpanData serverSpan(String trace) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> spans.ofTrace(trace).stream().filter(span -> span.getKind() == SpanKind.SERVER).findFirst(),
                java.util.Optional::isPresent).get();
    }
}
