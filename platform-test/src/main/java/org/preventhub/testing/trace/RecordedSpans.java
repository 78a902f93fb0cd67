package org.preventhub.testing.trace;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Singleton;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The spans a service under test finished, kept in memory instead of being sent to a collector (the services'
 * test profile turns the OTLP exporter off and the SDK on; Quarkus hands finished spans to every SpanExporter
 * bean). Only the latest {@link #KEPT} are kept, so a module's whole test suite does not fill the heap.
 * A test starts its own trace with {@link #newTraceparent()} and looks up that trace's spans.
 */
@Singleton
public class RecordedSpans implements SpanExporter {

    static final int KEPT = 20_000;

    private final ConcurrentLinkedDeque<SpanData> spans = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();

    @Override
    public CompletableResultCode export(Collection<SpanData> finished) {
        for (SpanData span : finished) {
            spans.addLast(span);
            if (size.incrementAndGet() > KEPT && spans.pollFirst() != null) {
                size.decrementAndGet();
            }
        }
        return CompletableResultCode.ofSuccess();
    }

    /** The finished spans of one trace, in the order they ended. */
    public List<SpanData> ofTrace(String traceId) {
        List<SpanData> found = new ArrayList<>();
        for (SpanData span : spans) {
            if (span.getTraceId().equals(traceId)) {
                found.add(span);
            }
        }
        return found;
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }

    /** A W3C traceparent of a fresh, sampled trace, as a caller that traces its own requests sends it. */
    public static String newTraceparent() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "00-" + hex(random.nextLong() | 1, random.nextLong()) + "-" + hex(random.nextLong() | 1) + "-01";
    }

    public static String traceId(String traceparent) {
        return traceparent.split("-")[1];
    }

    public static String spanId(String traceparent) {
        return traceparent.split("-")[2];
    }

    private static String hex(long... parts) {
        StringBuilder out = new StringBuilder();
        for (long part : parts) {
            out.append(String.format("%016x", part));
        }
        return out.toString();
    }
}
