package org.preventhub.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.preventhub.testing.infra.FreePorts;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/** The local stack's trace receiver reads what OpenTelemetry's own OTLP encoder writes. */
class TraceReceiverTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private TraceReceiver receiver;

    @BeforeEach
    void start() {
        receiver = TraceReceiver.start(FreePorts.next());
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void keepsEachSpanOfAnExportUnderItsTraceWithItsParentKindServiceAndAttributes() throws Exception {
        List<SpanData> spans = twoSpans("training-service");
        HttpResponse<String> posted = post(spans);
        assertThat(posted.statusCode()).isEqualTo(200);

        SpanData parent = spans.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        SpanData child = spans.stream().filter(s -> s.getKind() == SpanKind.PRODUCER).findFirst().orElseThrow();
        List<OtlpSpans.Span> kept = receiver.trace(parent.getTraceId());
        assertThat(kept).extracting(OtlpSpans.Span::spanId).containsExactlyInAnyOrder(parent.getSpanId(), child.getSpanId());
        OtlpSpans.Span producer = kept.stream().filter(s -> s.kind() == OtlpSpans.Kind.PRODUCER).findFirst().orElseThrow();
        assertThat(producer.parentSpanId()).isEqualTo(parent.getSpanId());
        assertThat(producer.service()).isEqualTo("training-service");
        assertThat(producer.name()).isEqualTo("training.events publish");
        assertThat(producer.attributes()).containsEntry("messaging.destination.name", "training.events")
                .containsEntry("messaging.batch.message_count", "3");
        assertThat(kept.stream().filter(s -> s.kind() == OtlpSpans.Kind.SERVER).findFirst().orElseThrow().parentSpanId())
                .isEmpty();

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(receiver.endpoint() + "/traces/"
                + parent.getTraceId())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(child.getSpanId(), "training.events publish");
    }

    @Test
    void refusesABodyThatIsNotOtlpAndKeepsWhatItHad() throws Exception {
        List<SpanData> spans = twoSpans("gateway");
        post(spans);
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(receiver.endpoint() + "/v1/traces"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0x0a, 0x7f, 0x01})).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(receiver.trace(spans.get(0).getTraceId())).hasSize(2);
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(receiver.endpoint() + "/traces/"
                + "0".repeat(31) + "1")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> post(List<SpanData> spans) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        TraceRequestMarshaler.create(spans).writeBinaryTo(body);
        return http.send(HttpRequest.newBuilder(URI.create(receiver.endpoint() + "/v1/traces"))
                .header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A server span and a producer span under it, as a service that takes a request and publishes its event. */
    private static List<SpanData> twoSpans(String service) {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), service)))
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()) {
            Tracer tracer = provider.get("test");
            Span server = tracer.spanBuilder("POST /sessions").setSpanKind(SpanKind.SERVER).startSpan();
            try (Scope scope = server.makeCurrent()) {
                tracer.spanBuilder("training.events publish").setSpanKind(SpanKind.PRODUCER)
                        .setAttribute("messaging.destination.name", "training.events")
                        .setAttribute("messaging.batch.message_count", 3L).startSpan().end();
            } finally {
                server.end();
            }
            return exporter.getFinishedSpanItems();
        }
    }
}
