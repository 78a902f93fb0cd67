package org.preventhub.gateway.limit;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.preventhub.gateway.config.GatewayConfig;
import org.preventhub.gateway.config.GatewayConfig.Limit;

/**
 * Per-caller rate limits. A caller is one subject of one OAuth client (so one busy user of the web frontend does
 * not slow down the others); its limit is its client's if one is configured, else the most generous of its
 * roles', else the default.
 */
public final class RateLimiter {

    /** A bucket idle this long is forgotten; it would be full again by then anyway. */
    private static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final GatewayConfig.RateLimits config;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(GatewayConfig.RateLimits config) {
        this.config = config;
    }

    /**
     * What the caller's bucket says about one request, in the terms of the {@code RateLimit-*} headers (IETF
     * draft "RateLimit header fields for HTTP"): {@code limit} requests at once (the burst), {@code remaining} of
     * them left after this one, the bucket full again in {@code resetSeconds}; and {@code retryAfterSeconds}, 0
     * when the request may pass, else the whole seconds to wait ({@code Retry-After}).
     */
    public record Decision(long retryAfterSeconds, int limit, int remaining, long resetSeconds) {

        public boolean admitted() {
            return retryAfterSeconds == 0;
        }
    }

    /** Answers 0 when the request may pass, or the whole seconds to wait ({@code Retry-After}). */
    public long acquire(String clientId, String subject, Set<String> roles, long nowNanos) {
        return decide(clientId, subject, roles, nowNanos).retryAfterSeconds();
    }

    /** Takes one request from the caller's bucket, and says whether it may pass and what is left. */
    public Decision decide(String clientId, String subject, Set<String> roles, long nowNanos) {
        Limit limit = limitFor(clientId, roles);
        String key = clientId + '\u0000' + subject + '\u0000' + limit.perSecond() + '/' + limit.burst();
        TokenBucket bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(limit.perSecond(), limit.burst(), nowNanos));
        return decision(bucket, bucket.take(nowNanos));
    }

    /** Takes one request from the bucket of a remote address whose requests carry no valid token. */
    public Decision decideUnauthenticated(String address, long nowNanos) {
        Limit limit = config.unauthenticated();
        String key = "\u0000unauthenticated\u0000" + address + '\u0000' + limit.perSecond() + '/' + limit.burst();
        TokenBucket bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(limit.perSecond(), limit.burst(), nowNanos));
        return decision(bucket, bucket.take(nowNanos));
    }

    private static Decision decision(TokenBucket bucket, TokenBucket.Take take) {
        long retryAfter = take.waitNanos() == 0 ? 0 : wholeSeconds(take.waitNanos());
        return new Decision(retryAfter, bucket.capacity(), take.remaining(),
                take.fullInNanos() == 0 ? 0 : wholeSeconds(take.fullInNanos()));
    }

    private static long wholeSeconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
    }

    Limit limitFor(String clientId, Set<String> roles) {
        Limit client = clientId == null ? null : config.clients().get(clientId);
        if (client != null) {
            return client;
        }
        Limit best = null;
        for (String role : roles) {
            Limit candidate = config.roles().get(role);
            if (candidate != null && (best == null || candidate.perSecond() > best.perSecond())) {
                best = candidate;
            }
        }
        return best != null ? best : config.defaults();
    }

    public void forgetIdle(long nowNanos) {
        buckets.values().removeIf(bucket -> nowNanos - bucket.lastUsed() > IDLE_NANOS);
    }

    int size() {
        return buckets.size();
    }
}
