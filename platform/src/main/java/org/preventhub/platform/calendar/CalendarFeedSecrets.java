package org.preventhub.platform.calendar;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.preventhub.platform.crypto.KeyedHash;

/**
 * The secrets of per-user calendar feeds, for calendar programs, which send no token: the secret in the URL is the
 * only key, so it is long (256 bits, 43 base64url characters), kept only as a keyed hash (with the service's index
 * key), shown once, and replaced or revoked by its owner. Each service that has feeds keeps them in its own table
 * {@code calendar_feed (owner_id PK, owner_name, secret_hash UNIQUE, created_at, generation)}. Called inside the
 * service's transaction.
 */
public final class CalendarFeedSecrets {

    /** What a feed's URL pattern accepts. */
    public static final String SECRET_PATTERN = "[A-Za-z0-9_-]{43}";

    /** A new secret, and when it was made. */
    public record Issued(String secret, Instant createdAt) {
    }

    /** Whose feed a secret opens: the user id and name as they were when it was made. */
    public record Owner(String id, String name) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager em;
    private final KeyedHash hash;

    public CalendarFeedSecrets(EntityManager em, KeyedHash hash) {
        this.em = em;
        this.hash = hash;
    }

    /** A new secret for the owner's feed; the one before, if any, stops working at once. */
    public Issued issue(String ownerId, String ownerName) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        em.createNativeQuery("""
                INSERT INTO calendar_feed (owner_id, owner_name, secret_hash, created_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (owner_id) DO UPDATE SET owner_name = excluded.owner_name,
                    secret_hash = excluded.secret_hash, created_at = excluded.created_at,
                    generation = calendar_feed.generation + 1""")
                .setParameter(1, ownerId).setParameter(2, ownerName).setParameter(3, hashOf(secret))
                .setParameter(4, Timestamp.from(now)).executeUpdate();
        return new Issued(secret, now);
    }

    /** @return whether the owner had a feed */
    public boolean revoke(String ownerId) {
        return em.createNativeQuery("DELETE FROM calendar_feed WHERE owner_id = ?1").setParameter(1, ownerId)
                .executeUpdate() > 0;
    }

    /** When the owner's current secret was made, if they have one. */
    public Optional<Instant> current(String ownerId) {
        List<?> found = em.createNativeQuery("SELECT created_at FROM calendar_feed WHERE owner_id = ?1")
                .setParameter(1, ownerId).getResultList();
        return found.stream().findFirst().map(CalendarFeedSecrets::instant);
    }

    /** The owner of a secret; empty when no feed has it (never issued, replaced or revoked). */
    public Optional<Owner> owner(String secret) {
        List<?> rows = em.createNativeQuery("SELECT owner_id, owner_name FROM calendar_feed WHERE secret_hash = ?1")
                .setParameter(1, hashOf(secret)).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return new Owner((String) columns[0], (String) columns[1]);
        });
    }

    private String hashOf(String secret) {
        return hash.of("calendar-feed:" + secret);
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }
}
