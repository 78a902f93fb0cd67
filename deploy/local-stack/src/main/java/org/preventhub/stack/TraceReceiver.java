package org.preventhub.stack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The local stack's trace collector: the services export their spans here over OTLP/HTTP ({@code POST /v1/traces},
 * protobuf), and {@code GET /traces} lists the latest traces, {@code GET /traces/{id}} one trace's spans as JSON.
 * Kept in memory, the latest {@value #KEPT_TRACES} traces only, on the loopback address: nothing leaves the machine.
 */
final class TraceReceiver implements AutoCloseable {

    static final int KEPT_TRACES = 2_000;
    /** A batch of the exporter is well under this; more is refused rather than held. */
    private static final int LARGEST_BODY = 8 * 1024 * 1024;
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, List<OtlpSpans.Span>> traces = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<OtlpSpans.Span>> eldest) {
            return size() > KEPT_TRACES;
        }
    };

    private TraceReceiver(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    static TraceReceiver start(int port) {
        return new TraceReceiver(port);
    }

    /** Where the services send spans (the exporter adds {@code /v1/traces}). */
    String endpoint() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Where a person reads them. */
    String page() {
        return endpoint() + "/traces";
    }

    /** The spans received so far of one trace, in the order they arrived. */
    synchronized List<OtlpSpans.Span> trace(String traceId) {
        return List.copyOf(traces.getOrDefault(traceId, List.of()));
    }

    private synchronized void add(List<OtlpSpans.Span> spans) {
        for (OtlpSpans.Span span : spans) {
            traces.computeIfAbsent(span.traceId(), id -> new ArrayList<>()).add(span);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("POST") && path.endsWith("/v1/traces")) {
                receive(exchange);
            } else if (method.equals("GET") && path.equals("/traces")) {
                List<Map<String, Object>> latest = new ArrayList<>();
                synchronized (this) {
                    traces.forEach((id, spans) -> latest.add(0, Map.of("traceId", id, "spans", spans.size(),
                            "services", spans.stream().map(OtlpSpans.Span::service).distinct().toList())));
                }
                send(exchange, 200, "application/json", JSON.writeValueAsBytes(latest.subList(0, Math.min(100, latest.size()))));
            } else if (method.equals("GET") && path.startsWith("/traces/")
                    && TRACE_ID.matcher(path.substring("/traces/".length())).matches()) {
                List<OtlpSpans.Span> spans = trace(path.substring("/traces/".length()));
                send(exchange, spans.isEmpty() ? 404 : 200, "application/json", JSON.writeValueAsBytes(spans));
            } else {
                send(exchange, 404, "text/plain", "Not here: POST /v1/traces, GET /traces, GET /traces/{id}"
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(LARGEST_BODY + 1);
        }
        if (body.length > LARGEST_BODY) {
            send(exchange, 413, "text/plain", new byte[0]);
            return;
        }
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = unzipped.readNBytes(LARGEST_BODY);
            }
        }
        try {
            add(OtlpSpans.decode(body));
        } catch (IllegalArgumentException e) {
            send(exchange, 400, "text/plain", e.getMessage().getBytes(StandardCharsets.UTF_8));
            return;
        }
        // An empty ExportTraceServiceResponse: everything accepted.
        send(exchange, 200, "application/x-protobuf", new byte[0]);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
