package org.preventhub.gateway.proxy;

import java.net.URI;

import org.preventhub.gateway.resilience.CircuitBreaker;

/**
 * One instance of a service: where it listens, where its management interface is, and its own circuit breaker, so
 * that one stopped instance is skipped while its twin keeps answering.
 */
public record Backend(String host, int port, boolean ssl, String basePath, URI management, CircuitBreaker breaker) {

    static Backend of(URI url, URI management, CircuitBreaker breaker) {
        String basePath = url.getRawPath() == null || url.getRawPath().equals("/") ? "" : stripSlash(url.getRawPath());
        return new Backend(url.getHost(), ServiceRoute.port(url), ServiceRoute.isSsl(url), basePath, management, breaker);
    }

    public String origin() {
        return (ssl ? "https://" : "http://") + host + ":" + port;
    }

    /** The instance's own URI for a public one: {@code /api/training/sessions?x=1} becomes {@code /sessions?x=1}. */
    public String upstreamUri(String prefix, String publicUri) {
        String rest = publicUri.substring(prefix.length());
        if (rest.isEmpty() || rest.startsWith("?")) {
            rest = "/" + rest;
        }
        return basePath + rest;
    }

    static String stripSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
