package org.preventhub.gateway.limit;

/**
 * A token bucket: {@code burst} requests at once, refilled at {@code perSecond}. Time is passed in (nanoseconds)
 * so the arithmetic can be tested without sleeping.
 */
final class TokenBucket {

    private final double capacity;
    private final double refillPerNano;
    private double tokens;
    private long lastRefill;
    private volatile long lastUsed;

    TokenBucket(int perSecond, int burst, long now) {
        this.capacity = Math.max(1, burst);
        this.refillPerNano = Math.max(1, perSecond) / 1_000_000_000d;
        this.tokens = capacity;
        this.lastRefill = now;
        this.lastUsed = now;
    }

    /** Takes a token and answers 0, or answers how many nanoseconds until one is available. */
    synchronized long tryTake(long now) {
        tokens = Math.min(capacity, tokens + (now - lastRefill) * refillPerNano);
        lastRefill = now;
        lastUsed = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / refillPerNano);
    }

    long lastUsed() {
        return lastUsed;
    }
}
