package org.preventhub.gateway.limit;

/**
 * A token bucket: {@code burst} requests at once, refilled at {@code perSecond}. Time is passed in (nanoseconds)
 * so the arithmetic can be tested without sleeping.
 */
final class TokenBucket {

    /**
     * What one request found: {@code waitNanos} 0 when it may pass (or how long until a token comes), the whole
     * tokens left after it, and how long until the bucket is full again.
     */
    record Take(long waitNanos, int remaining, long fullInNanos) {
    }

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
    long tryTake(long now) {
        return take(now).waitNanos();
    }

    /** Takes a token if there is one, and says what is left. */
    synchronized Take take(long now) {
        tokens = Math.min(capacity, tokens + (now - lastRefill) * refillPerNano);
        lastRefill = now;
        lastUsed = now;
        long wait = 0;
        if (tokens >= 1) {
            tokens -= 1;
        } else {
            wait = (long) Math.ceil((1 - tokens) / refillPerNano);
        }
        return new Take(wait, (int) Math.floor(tokens), (long) Math.ceil((capacity - tokens) / refillPerNano));
    }

    int capacity() {
        return (int) capacity;
    }

    long lastUsed() {
        return lastUsed;
    }
}
