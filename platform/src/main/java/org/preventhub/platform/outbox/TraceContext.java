package org.preventhub.platform.outbox;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

/**
 * The current W3C trace context as its two header values, stored with an outbox row and relayed as Kafka headers:
 * the event's consumer continues the trace of the request that caused it. Both are null when there is no trace
 * (tracing off, or a thread outside any request), so nothing is stored then.
 */
record TraceContext(String traceparent, String tracestate) {

    static TraceContext current() {
        Map<String, String> carrier = new HashMap<>(4);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        String state = carrier.get("tracestate");
        return new TraceContext(carrier.get("traceparent"), state == null || state.isEmpty() ? null : state);
    }
}
