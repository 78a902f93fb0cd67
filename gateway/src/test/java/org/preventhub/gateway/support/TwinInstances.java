package org.preventhub.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import org.preventhub.testing.infra.FreePorts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Two real instances, {@code a} and {@code b}, of one service ({@code /api/twins}), each on its own ports, that
 * say which of them answered and record what reached them; either can be stopped (its port then refuses
 * connections, as a killed process's does) and started again on the same ports.
 */
public class TwinInstances implements QuarkusTestResourceLifecycleManager {

    public record Received(String instance, String method, String path, String idempotencyKey) {
    }

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Map<String, Integer> PORTS = new ConcurrentHashMap<>();
    private static final Map<String, HttpServer> SERVERS = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        for (String instance : List.of("a", "b")) {
            PORTS.put(instance, FreePorts.next());
            PORTS.put(instance + "-management", FreePorts.next());
            startInstance(instance);
        }
        return Map.of("gateway.services.twins.prefix", "/api/twins",
                "gateway.services.twins.url", "http://localhost:" + PORTS.get("a") + ",http://localhost:" + PORTS.get("b"),
                "gateway.services.twins.management-url", "http://localhost:" + PORTS.get("a-management")
                        + ",http://localhost:" + PORTS.get("b-management"));
    }

    public static synchronized void startInstance(String instance) {
        SERVERS.put(instance, serve(instance, PORTS.get(instance)));
        SERVERS.put(instance + "-management", serve(instance, PORTS.get(instance + "-management")));
    }

    public static synchronized void startInstanceIfStopped(String instance) {
        if (!SERVERS.containsKey(instance)) {
            startInstance(instance);
        }
    }

    /** Closes both of the instance's ports and every connection to them. */
    public static synchronized void stopInstance(String instance) {
        for (String server : List.of(instance, instance + "-management")) {
            HttpServer stopped = SERVERS.remove(server);
            if (stopped != null) {
                stopped.stop(0);
            }
        }
    }

    public static List<Received> receivedBy(String instance) {
        return RECEIVED.stream().filter(r -> r.instance().equals(instance) && !r.path().startsWith("/q/")).toList();
    }

    private static HttpServer serve(String instance, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> handle(instance, exchange));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void handle(String instance, HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
        }
        String path = exchange.getRequestURI().getRawPath();
        RECEIVED.add(new Received(instance, exchange.getRequestMethod(), path,
                exchange.getRequestHeaders().getFirst("Idempotency-Key")));
        if (path.equals("/q/health/ready")) {
            respond(exchange, 200, "{\"status\":\"UP\"}");
        } else if (path.equals("/q/openapi")) {
            respond(exchange, 200, OpenApiFixtures.document("twins"));
        } else if (exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().add("Location", "http://localhost:" + exchange.getLocalAddress().getPort()
                    + "/things/" + instance);
            respond(exchange, 201, "{\"instance\":\"" + instance + "\"}");
        } else {
            respond(exchange, 200, "{\"instance\":\"" + instance + "\"}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        SERVERS.values().forEach(server -> server.stop(0));
        SERVERS.clear();
    }
}
