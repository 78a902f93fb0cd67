package org.preventhub.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import org.preventhub.testing.infra.FreePorts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Real HTTP services behind the gateway under test, each on its own port: they echo what reached them, stream
 * uploads into a counter, publish an OpenAPI document, and can be slow or stopped. What they received is
 * recorded, so a test can prove a refused request never reached a service.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    /** One request as a service received it, body counted not kept. */
    public record Received(String service, String method, String uri, Map<String, String> headers, long bodyBytes,
            boolean complete) {
    }

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Map<String, HttpServer> SERVERS = new HashMap<>();
    private static int flakyPort;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (String name : List.of("training", "referrals", "engagement", "reporting", "slow")) {
            HttpServer server = serve(name, FreePorts.next(), Answers.API);
            config.put("gateway.services." + name + ".url", "http://localhost:" + server.getAddress().getPort());
            // Health and OpenAPI on a port of their own, as the services have them.
            HttpServer management = serve(name, FreePorts.next(), Answers.MANAGEMENT);
            config.put("gateway.services." + name + ".management-url",
                    "http://localhost:" + management.getAddress().getPort());
        }
        config.put("gateway.services.slow.prefix", "/api/slow");
        // Nothing listens here until a test starts it: a service that is down, then comes back.
        flakyPort = FreePorts.next();
        config.put("gateway.services.flaky.prefix", "/api/flaky");
        config.put("gateway.services.flaky.url", "http://localhost:" + flakyPort);
        return config;
    }

    public static synchronized void startFlaky() {
        // No management interface of its own: the gateway asks its main port.
        SERVERS.put("flaky", serve("flaky", flakyPort, Answers.BOTH));
    }

    public static synchronized void stopFlaky() {
        HttpServer server = SERVERS.remove("flaky");
        if (server != null) {
            server.stop(0);
        }
    }

    public static List<Received> receivedBy(String service) {
        return RECEIVED.stream().filter(r -> r.service().equals(service)).toList();
    }

    /** Which endpoints a fake port answers: the API, the management interface's, or both. */
    private enum Answers {
        API, MANAGEMENT, BOTH
    }

    private static HttpServer serve(String name, int port, Answers answers) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> handle(name, answers, exchange));
            server.start();
            if (answers != Answers.MANAGEMENT) {
                SERVERS.put(name, server);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void handle(String service, Answers answers, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        long bytes = 0;
        boolean complete = true;
        try (InputStream body = exchange.getRequestBody()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = body.read(buffer)) >= 0;) {
                bytes += n;
            }
        } catch (IOException e) {
            complete = false; // the gateway reset the request
        }
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
        RECEIVED.add(new Received(service, exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers,
                bytes, complete));
        if (!complete) {
            exchange.close();
            return;
        }
        if (path.startsWith("/q/") ? answers == Answers.API : answers == Answers.MANAGEMENT) {
            respond(exchange, 404, "application/problem+json", "{\"status\":404}");
        } else if (path.equals("/q/openapi")) {
            respond(exchange, 200, "application/json", OpenApiFixtures.document(service));
        } else if (path.equals("/q/health/ready")) {
            respond(exchange, 200, "application/json", "{\"status\":\"UP\"}");
        } else if (service.equals("slow")) {
            sleep(5_000);
            respond(exchange, 200, "application/json", "{}");
        } else if (path.equals("/things") && exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().add("Location",
                    "http://localhost:" + exchange.getLocalAddress().getPort() + "/things/1");
            respond(exchange, 201, "application/json", "{\"id\":\"1\"}");
        } else if (path.equals("/broken")) {
            respond(exchange, 500, "application/problem+json",
                    "{\"type\":\"urn:prevent-hub:problem:internal\",\"status\":500,\"errorId\":\"e-1\"}");
        } else if (path.equals("/cached")) {
            exchange.getResponseHeaders().add("Cache-Control", "max-age=60");
            respond(exchange, 200, "application/json", "{}");
        } else {
            String echo = "{\"service\":\"" + service + "\",\"method\":\"" + exchange.getRequestMethod()
                    + "\",\"uri\":\"" + exchange.getRequestURI() + "\",\"bodyBytes\":" + bytes + "}";
            respond(exchange, 200, "application/json", echo);
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the gateway gave up waiting: nothing to do
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        SERVERS.values().forEach(server -> server.stop(0));
        SERVERS.clear();
    }
}
