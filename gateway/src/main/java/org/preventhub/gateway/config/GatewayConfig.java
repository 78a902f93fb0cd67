package org.preventhub.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Everything the gateway does is set here: the services behind it and the limits of the door. Each value can be
 * overridden by an environment variable, e.g. {@code TRAINING_SERVICE_URL} or
 * {@code GATEWAY_RATE_LIMITS_DEFAULT_PER_SECOND}.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** The services behind the gateway, by short name ({@code training}, {@code referrals}, ...). */
    Map<String, Service> services();

    /**
     * The gateway's address as partners see it (e.g. {@code https://api.prevent.example.org}): used in the
     * merged OpenAPI document and to rewrite services' {@code Location} headers. Without it, the request's
     * own scheme and host are used.
     */
    Optional<URI> publicUrl();

    Timeouts timeouts();

    CircuitBreaker circuitBreaker();

    RateLimits rateLimits();

    BodyLimits bodyLimits();

    VerifiedTokenCache verifiedTokens();

    /** How long the merged OpenAPI document is reused before the services are asked again. */
    @WithDefault("30s")
    Duration openapiCacheFor();

    interface Service {
        /** The public path prefix, e.g. {@code /api/training}; it is removed before forwarding. */
        String prefix();

        /**
         * Where the service listens, e.g. {@code http://training-service:8081}; several instances comma-separated
         * ({@code http://localhost:8081,http://localhost:8181}), which the gateway spreads requests over.
         */
        List<URI> url();

        /**
         * Where each instance's management interface listens (health and OpenAPI, which the gateway reads), in the
         * order of {@link #url()}, e.g. {@code http://training-service:9081}; the instances' own urls when absent.
         */
        Optional<List<URI>> managementUrl();

        /** A label for OpenAPI tags and health, e.g. {@code Training}. */
        Optional<String> title();

        /** How long a slow answer may take before 504; the default timeout otherwise. */
        Optional<Duration> timeout();

        /**
         * Roles of which the caller needs one to reach this service at all (checked again, in detail, by the
         * service). Empty: any authenticated caller.
         */
        Optional<List<String>> roles();
    }

    interface VerifiedTokenCache {
        /** Tokens remembered as verified; more distinct live tokens than this and the cache starts again. */
        @WithDefault("20000")
        int maxEntries();

        /**
         * How long a verified token is trusted without verifying it again (never past its expiry): the longest a
         * signing key withdrawn from the identity provider is still honoured here. The services verify every time.
         */
        @WithDefault("60s")
        Duration trustFor();
    }

    interface Timeouts {
        /** Connecting to a service; past it the service counts as down (503). */
        @WithDefault("2s")
        Duration connect();

        /** Waiting for the next byte of a service's answer (idle, so long streams are fine); past it 504. */
        @WithDefault("30s")
        Duration response();
    }

    interface CircuitBreaker {
        /** Consecutive failures (connection refused, timeout, 502-504) that open the breaker. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open breaker answers 503 at once before letting one trial request through. */
        @WithDefault("5s")
        Duration openFor();
    }

    interface RateLimits {
        @WithName("default")
        Limit defaults();

        /** Per realm role; a caller with several roles gets the most generous of theirs. */
        Map<String, Limit> roles();

        /** Per OAuth client ({@code azp}); wins over roles. */
        Map<String, Limit> clients();

        /** Per remote address, for requests without a valid token (each answered 401 until this runs out, then 429). */
        Limit unauthenticated();
    }

    interface Limit {
        /** Sustained requests per second for one caller. */
        int perSecond();

        /** Requests one caller may send at once above the sustained rate. */
        int burst();
    }

    interface BodyLimits {
        /** The largest request body for a caller without a role listed below (a browser, a partner system). */
        @WithName("default")
        @WithDefault("1M")
        MemorySize defaults();

        /** Larger (or smaller) limits by realm role, e.g. {@code feed} for council data files. */
        Map<String, MemorySize> roles();
    }
}
