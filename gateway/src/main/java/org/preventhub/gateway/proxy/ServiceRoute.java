package org.preventhub.gateway.proxy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.preventhub.gateway.config.GatewayConfig;
import org.preventhub.gateway.resilience.CircuitBreaker;

/**
 * One service behind the gateway, as configured: where it is, where its management interface is (health and
 * OpenAPI), its public prefix and its own breaker.
 */
public record ServiceRoute(String name, String title, String prefix, String host, int port, boolean ssl, String basePath,
        URI management, Duration timeout, List<String> roles, CircuitBreaker breaker) {

    public static ServiceRoute of(String name, GatewayConfig.Service service, GatewayConfig config, Clock clock) {
        URI url = service.url();
        boolean ssl = isSsl(url);
        String basePath = url.getRawPath() == null || url.getRawPath().equals("/") ? "" : stripSlash(url.getRawPath());
        String title = service.title().orElse(Character.toUpperCase(name.charAt(0)) + name.substring(1));
        return new ServiceRoute(name, title, stripSlash(service.prefix()), url.getHost(), port(url), ssl, basePath,
                service.managementUrl().orElse(url), service.timeout().orElse(config.timeouts().response()),
                service.roles().orElse(List.of()),
                new CircuitBreaker(config.circuitBreaker().failureThreshold(), config.circuitBreaker().openFor(), clock));
    }

    static boolean isSsl(URI url) {
        return "https".equalsIgnoreCase(url.getScheme());
    }

    static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : isSsl(url) ? 443 : 80;
    }

    /** The service's own URI for a public one: {@code /api/training/sessions?x=1} becomes {@code /sessions?x=1}. */
    public String upstreamUri(String publicUri) {
        String rest = publicUri.substring(prefix.length());
        if (rest.isEmpty() || rest.startsWith("?")) {
            rest = "/" + rest;
        }
        return basePath + rest;
    }

    public String origin() {
        return (ssl ? "https://" : "http://") + host + ":" + port;
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
