package org.preventhub.gateway.proxy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.preventhub.gateway.config.GatewayConfig;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;

/** The services behind the gateway and one pooled HTTP client per service (its pool keeps connections per instance). */
@ApplicationScoped
public class Upstreams {

    private final List<ServiceRoute> routes = new ArrayList<>();
    private final Map<String, HttpClient> clients = new LinkedHashMap<>();
    private final GatewayConfig config;

    public Upstreams(GatewayConfig config, Vertx vertx) {
        this.config = config;
        for (ServiceRoute route : routesOf(config, Clock.systemUTC())) {
            routes.add(route);
            clients.put(route.name(), vertx.createHttpClient(new HttpClientOptions()
                    .setKeepAlive(true)
                    .setConnectTimeout((int) config.timeouts().connect().toMillis())
                    .setDecompressionSupported(false),
                    new PoolOptions().setHttp1MaxSize(200).setMaxWaitQueueSize(2_000)));
        }
    }

    /** The configured services, in the order of {@link #order(String)}. */
    public static List<ServiceRoute> routesOf(GatewayConfig config, Clock clock) {
        return config.services().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(name -> order(name))))
                .map(entry -> ServiceRoute.of(entry.getKey(), entry.getValue(), config, clock))
                .toList();
    }

    /** The seed report's order: training, referrals, engagement, reporting; others after, by name. */
    private static String order(String name) {
        int known = List.of("training", "referrals", "engagement", "reporting").indexOf(name);
        return (known < 0 ? "9" : Integer.toString(known)) + name;
    }

    public List<ServiceRoute> routes() {
        return routes;
    }

    public Map<String, HttpClient> clients() {
        return clients;
    }

    /**
     * A small GET to a service's management interface (health, OpenAPI), answered with its status and body: from
     * its instances in turn until one answers 200 (the last one's answer otherwise).
     */
    public Future<Reply> get(ServiceRoute route, String path, Duration timeout) {
        Future<Reply> reply = get(route, route.backends().get(0), path, timeout);
        for (Backend backend : route.backends().subList(1, route.backends().size())) {
            reply = reply.compose(answer -> answer.status() == 200 ? Future.succeededFuture(answer)
                    : get(route, backend, path, timeout), failed -> get(route, backend, path, timeout));
        }
        return reply;
    }

    /** A small GET to one instance's management interface. */
    public Future<Reply> get(ServiceRoute route, Backend backend, String path, Duration timeout) {
        URI management = backend.management();
        String basePath = management.getRawPath() == null ? "" : management.getRawPath().replaceAll("/$", "");
        return clients.get(route.name())
                .request(new RequestOptions().setMethod(HttpMethod.GET).setHost(management.getHost())
                        .setPort(ServiceRoute.port(management)).setSsl(ServiceRoute.isSsl(management))
                        .setURI(basePath + path)
                        .setConnectTimeout(config.timeouts().connect().toMillis()).setIdleTimeout(timeout.toMillis())
                        .putHeader("Accept", "application/json"))
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> new Reply(response.statusCode(), body)));
    }

    public record Reply(int status, Buffer body) {
    }
}
