package org.preventhub.gateway.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.preventhub.gateway.proxy.Backend;
import org.preventhub.gateway.proxy.ServiceRoute;
import org.preventhub.gateway.proxy.Upstreams;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Each service's readiness as the gateway sees it, with its circuit breaker's state: served at
 * {@code /api/health} for partners and as a wellness check at {@code /q/health/well} for operators. A service
 * being down does not make the gateway unready: its other routes still work.
 */
@ApplicationScoped
public class ServicesHealth {

    private final Upstreams upstreams;

    public ServicesHealth(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    /** A service is up when one of its instances is ready; {@code instances} counts those that are. */
    public record ServiceStatus(String name, boolean up, String breaker, int instancesUp, int instances) {
    }

    public Future<List<ServiceStatus>> check() {
        List<Future<ServiceStatus>> checks = new ArrayList<>();
        for (ServiceRoute route : upstreams.routes()) {
            List<Future<Boolean>> instances = new ArrayList<>();
            for (Backend backend : route.backends()) {
                instances.add(upstreams.get(route, backend, "/q/health/ready", Duration.ofSeconds(2))
                        .map(reply -> reply.status() == 200)
                        .otherwise(false));
            }
            checks.add(Future.join(instances).otherwiseEmpty().map(all -> {
                int up = (int) instances.stream().filter(Future::result).count();
                return new ServiceStatus(route.name(), up > 0, route.breakerState().name(), up, instances.size());
            }));
        }
        return Future.join(checks).map(all -> checks.stream().map(Future::result).toList());
    }

    public static JsonObject summary(List<ServiceStatus> statuses) {
        JsonArray services = new JsonArray();
        statuses.forEach(s -> services.add(new JsonObject().put("name", s.name()).put("status", s.up() ? "UP" : "DOWN")
                .put("circuitBreaker", s.breaker())
                .put("instances", s.instances()).put("instancesUp", s.instancesUp())));
        long up = statuses.stream().filter(ServiceStatus::up).count();
        String status = up == statuses.size() ? "UP" : up == 0 ? "DOWN" : "DEGRADED";
        return new JsonObject().put("status", status).put("services", services);
    }
}
