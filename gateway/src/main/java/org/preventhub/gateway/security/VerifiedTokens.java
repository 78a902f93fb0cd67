package org.preventhub.gateway.security;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens the identity provider's keys have already verified, with what the door needs of them. Verifying a
 * JWT (parsing it, checking its RSA signature, building an identity) is most of the gateway's own work per request,
 * and a client sends the same token for minutes. A token is trusted from here for at most {@code maxAgeNanos}
 * (so a key withdrawn from the provider stops being honoured soon) and never past its own expiry.
 */
final class VerifiedTokens {

    /** The caller a token stands for. */
    record Caller(Set<String> roles, String clientId, String subject) {
    }

    private record Entry(Caller caller, long expiresAtEpochSecond, long trustedUntilNanos) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final long maxAgeNanos;

    VerifiedTokens(int maxEntries, long maxAgeNanos) {
        this.maxEntries = maxEntries;
        this.maxAgeNanos = maxAgeNanos;
    }

    Caller get(String token, long nowEpochSecond, long nowNanos) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (nowEpochSecond >= entry.expiresAtEpochSecond() || nowNanos - entry.trustedUntilNanos() > 0) {
            entries.remove(token, entry);
            return null;
        }
        return entry.caller();
    }

    void put(String token, Caller caller, long expiresAtEpochSecond, long nowNanos) {
        if (entries.size() >= maxEntries) {
            // Rare (that many distinct live tokens within the trust period): start again rather than track use.
            entries.clear();
        }
        entries.put(token, new Entry(caller, expiresAtEpochSecond, nowNanos + maxAgeNanos));
    }

    int size() {
        return entries.size();
    }
}
