package org.preventhub.gateway.proxy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.preventhub.gateway.config.GatewayConfig;
import org.preventhub.gateway.resilience.CircuitBreaker;

/**
 * One service behind the gateway, as configured: its instances (each with its own breaker), its public prefix,
 * timeout and the roles it is open to. Requests are spread over the instances round-robin, skipping those whose
 * breaker is open.
 */
public record ServiceRoute(String name, String title, String prefix, List<Backend> backends, Duration timeout,
        List<String> roles, AtomicInteger next) {

    public static ServiceRoute of(String name, GatewayConfig.Service service, GatewayConfig config, Clock clock) {
        List<URI> urls = service.url();
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("gateway.services." + name + ".url names no instance");
        }
        List<URI> managements = service.managementUrl().orElse(urls);
        if (managements.size() != urls.size()) {
            throw new IllegalArgumentException("gateway.services." + name + ".management-url must name as many "
                    + "instances as its url (" + urls.size() + ")");
        }
        List<Backend> backends = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            backends.add(Backend.of(urls.get(i), managements.get(i),
                    new CircuitBreaker(config.circuitBreaker().failureThreshold(), config.circuitBreaker().openFor(), clock)));
        }
        String title = service.title().orElse(Character.toUpperCase(name.charAt(0)) + name.substring(1));
        return new ServiceRoute(name, title, Backend.stripSlash(service.prefix()), List.copyOf(backends),
                service.timeout().orElse(config.timeouts().response()), service.roles().orElse(List.of()),
                new AtomicInteger());
    }

    static boolean isSsl(URI url) {
        return "https".equalsIgnoreCase(url.getScheme());
    }

    static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : isSsl(url) ? 443 : 80;
    }

    /**
     * The next instance in turn whose breaker lets a request through (a half-open one's single trial is reserved by
     * this), skipping {@code tried}; null when none will take it.
     */
    public Backend pick(Collection<Backend> tried) {
        int start = Math.floorMod(next.getAndIncrement(), backends.size());
        for (int i = 0; i < backends.size(); i++) {
            Backend backend = backends.get((start + i) % backends.size());
            if (!tried.contains(backend) && backend.breaker().tryAcquire()) {
                return backend;
            }
        }
        return null;
    }

    /** Seconds until the first open breaker lets a trial through, for {@code Retry-After}. */
    public long secondsUntilTrial() {
        return backends.stream().mapToLong(b -> b.breaker().secondsUntilTrial()).min().orElse(1);
    }

    /** The service's state for health: CLOSED if any instance's breaker is, else the best of theirs. */
    public CircuitBreaker.State breakerState() {
        List<CircuitBreaker.State> states = backends.stream().map(b -> b.breaker().state()).toList();
        return states.contains(CircuitBreaker.State.CLOSED) ? CircuitBreaker.State.CLOSED
                : states.contains(CircuitBreaker.State.HALF_OPEN) ? CircuitBreaker.State.HALF_OPEN
                        : CircuitBreaker.State.OPEN;
    }
}
