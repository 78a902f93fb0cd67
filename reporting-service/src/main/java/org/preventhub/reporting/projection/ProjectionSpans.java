package org.preventhub.reporting.projection;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The projection's spans: each continues the trace of the request that caused its events, read from the records'
 * {@code traceparent} header (written by the producers' outbox relays). A batch holds events of many traces and
 * is projected in one transaction, so it gets one span per trace it continues, all spanning the batch: a feed
 * import's thousand events from one request make one span, not a thousand. Events without a trace get none.
 * Attributes name topics, event types and counts, never an event's data.
 */
@ApplicationScoped
public class ProjectionSpans {

    static final AttributeKey<Long> EVENTS = AttributeKey.longKey("messaging.batch.message_count");
    static final AttributeKey<List<String>> EVENT_TYPES = AttributeKey.stringArrayKey("cloudevents.event_types");
    private static final int MOST_TYPES = 20;

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final Tracer tracer;

    public ProjectionSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Open spans for one batch, ended together by {@link #end}. */
    public record Open(List<Span> spans) {
    }

    public Open start(List<ConsumerRecord<String, String>> batch) {
        Map<String, List<ConsumerRecord<String, String>>> byTrace = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : batch) {
            String parent = KAFKA_HEADERS.get(record.headers(), "traceparent");
            if (parent != null) {
                byTrace.computeIfAbsent(parent, p -> new ArrayList<>()).add(record);
            }
        }
        List<Span> spans = new ArrayList<>(byTrace.size());
        for (List<ConsumerRecord<String, String>> records : byTrace.values()) {
            Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), records.get(0).headers(),
                    KAFKA_HEADERS);
            if (!Span.fromContext(parent).getSpanContext().isValid()) {
                continue; // a malformed header: the events are projected all the same, untraced
            }
            TreeSet<String> topics = new TreeSet<>();
            TreeSet<String> types = new TreeSet<>();
            for (ConsumerRecord<String, String> record : records) {
                topics.add(record.topic());
                String type = KAFKA_HEADERS.get(record.headers(), "ce_type");
                if (type != null && types.size() < MOST_TYPES) {
                    types.add(type);
                }
            }
            spans.add(tracer.spanBuilder("process " + String.join(",", topics))
                    .setParent(parent)
                    .setSpanKind(SpanKind.CONSUMER)
                    .setAttribute("messaging.system", "kafka")
                    .setAttribute("messaging.operation.type", "process")
                    .setAttribute("messaging.destination.name", String.join(",", topics))
                    .setAttribute(EVENTS, (long) records.size())
                    .setAttribute(EVENT_TYPES, List.copyOf(types))
                    .startSpan());
        }
        return new Open(spans);
    }

    /** @param failure why the batch was not projected (it is read again), or null */
    public void end(Open open, Throwable failure) {
        for (Span span : open.spans()) {
            if (failure != null) {
                span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
            }
            span.end();
        }
    }
}
