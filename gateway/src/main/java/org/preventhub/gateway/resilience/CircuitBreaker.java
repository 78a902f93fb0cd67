package org.preventhub.gateway.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One service's circuit breaker. Closed, it lets everything through and counts consecutive failures; at the
 * threshold it opens and the gateway answers 503 at once (no request waits on a dead service); after
 * {@code openFor} it is half open and lets a single trial through: success closes it, failure opens it again.
 * So a stopped service costs callers nothing and its routes recover by themselves when it returns.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final Duration openFor;
    private final Clock clock;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openedAt = Instant.MIN;
    private boolean trialInFlight;

    public CircuitBreaker(int failureThreshold, Duration openFor, Clock clock) {
        this.failureThreshold = Math.max(1, failureThreshold);
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a request may go to the service now; a true answer in half-open state reserves the one trial. */
    public synchronized boolean tryAcquire() {
        if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(openFor))) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    public synchronized void onFailure() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = clock.instant();
        }
        trialInFlight = false;
    }

    /** A request that was let through ended without telling anything about the service (e.g. the caller left). */
    public synchronized void onAbandoned() {
        trialInFlight = false;
    }

    public synchronized State state() {
        if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(openFor))) {
            return State.HALF_OPEN;
        }
        return state;
    }

    /** Seconds until an open breaker lets a trial through, for {@code Retry-After}. */
    public synchronized long secondsUntilTrial() {
        long millis = Duration.between(clock.instant(), openedAt.plus(openFor)).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
