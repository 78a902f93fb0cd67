package org.preventhub.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.preventhub.gateway.support.FakeServices;
import org.preventhub.testing.TestTokens;
import org.preventhub.testing.trace.RecordedSpans;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The gateway continues the caller's trace and hands it on: the forwarded request's traceparent names the
 * gateway's own client span, a child of its server span, a child of the caller's. Query strings stay out of both.
 */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class TracesTest {

    @Inject
    RecordedSpans spans;

    @Test
    void theForwardedRequestCarriesTheCallersTraceThroughTheGatewaysSpans() {
        String caller = RecordedSpans.newTraceparent();
        String trace = RecordedSpans.traceId(caller);
        String requestId = "req-" + UUID.randomUUID();

        given().auth().oauth2(TestTokens.token("prevent-lead")).header("X-Request-Id", requestId)
                .header("traceparent", caller).get("/api/referrals/referrals?search=Quintrell+Zebedee")
                .then().statusCode(200);

        String forwarded = RoutingTest.byRequestId(requestId).headers().get("traceparent");
        assertThat(forwarded).doesNotContain(",");
        assertThat(RecordedSpans.traceId(forwarded)).isEqualTo(trace);
        List<SpanData> gatewaySpans = await().atMost(Duration.ofSeconds(10))
                .until(() -> spans.ofTrace(trace), found -> found.size() >= 2);
        SpanData server = gatewaySpans.stream().filter(span -> span.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        SpanData client = gatewaySpans.stream().filter(span -> span.getKind() == SpanKind.CLIENT).findFirst().orElseThrow();
        assertThat(server.getParentSpanId()).isEqualTo(RecordedSpans.spanId(caller));
        assertThat(client.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(RecordedSpans.spanId(forwarded)).as("the service's parent is the gateway's client span, and only it")
                .isEqualTo(client.getSpanId());
        for (SpanData span : gatewaySpans) {
            assertThat(span.getAttributes().asMap().values()).as(span.getName()).extracting(String::valueOf)
                    .noneMatch(value -> value.contains("Quintrell") || value.contains("Zebedee"));
        }
    }
}
