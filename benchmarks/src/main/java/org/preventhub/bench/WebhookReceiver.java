package org.preventhub.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A partner system's webhook endpoint for the benchmarks: answers every delivery 204 at once, as a healthy
 * receiver does, and counts the distinct {@code webhook-id}s (a redelivery carries the same id) and when the last
 * one arrived, so a run can say whether delivery kept up with the load.
 */
public final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong lastArrival = new AtomicLong();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    /** On a free loopback port. */
    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", receiver::answer);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            requests.incrementAndGet();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            if (id != null) {
                ids.add(id);
            }
            lastArrival.set(System.currentTimeMillis());
            exchange.sendResponseHeaders(204, -1);
        }
    }

    public int distinct() {
        return ids.size();
    }

    public long requests() {
        return requests.get();
    }

    /** Epoch millis of the last delivery, 0 before the first. */
    public long lastArrival() {
        return lastArrival.get();
    }

    /** Subscribes the booking website's client to every type training offers it, at this receiver. */
    public String subscribe(String token) {
        var types = new java.util.ArrayList<String>();
        Stack.get(Stack.TRAINING + "/webhooks/event-types", token).forEach(t -> types.add(t.path("name").asText()));
        return Stack.post(Stack.TRAINING + "/webhooks/subscriptions", token, Map.of("url", url(),
                "eventTypes", types, "description", "benchmark receiver")).path("id").asText();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
