package org.preventhub.training.notification;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.platform.crypto.KeyedHash;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.training.session.SessionStatus;
import org.preventhub.training.session.TrainingSession;
import org.preventhub.training.trainee.TraineeCryptoConfig;

/**
 * A trainer's sessions as an iCalendar feed at a secret URL, for calendar programs, which send no token: the secret
 * is the only key, so it is long (256 bits), kept only as a keyed hash (the platform's KeyedHash, with the service's
 * index key), shown once, and replaced or revoked by its owner. A trainer's sessions are those they scheduled or
 * that name them as trainer.
 */
@ApplicationScoped
public class CalendarFeeds {

    /** A new secret, in the URL to subscribe to. */
    public record Issued(String url, Instant createdAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /** How far back the feed reaches: a calendar keeps what it already has. */
    private static final long DAYS_BACK = 90;
    private static final int MAX_EVENTS = 1_000;

    private final EntityManager em;
    private final CurrentUser user;
    private final KeyedHash hash;
    private final NotificationConfig config;

    public CalendarFeeds(EntityManager em, CurrentUser user, TraineeCryptoConfig crypto, NotificationConfig config) {
        this.em = em;
        this.user = user;
        this.hash = new KeyedHash(crypto.indexKey().orElseThrow());
        this.config = config;
    }

    /** A new secret for the caller's feed; the one before, if any, stops working at once. */
    @Transactional
    public Issued issue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        em.createNativeQuery("""
                INSERT INTO calendar_feed (owner_id, owner_name, secret_hash, created_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (owner_id) DO UPDATE SET owner_name = excluded.owner_name,
                    secret_hash = excluded.secret_hash, created_at = excluded.created_at,
                    generation = calendar_feed.generation + 1""")
                .setParameter(1, user.id()).setParameter(2, user.name()).setParameter(3, hashOf(secret))
                .setParameter(4, Timestamp.from(now)).executeUpdate();
        return new Issued(config.calendarFeedUrl() + secret, now);
    }

    /** @return whether the caller had a feed */
    @Transactional
    public boolean revoke() {
        return em.createNativeQuery("DELETE FROM calendar_feed WHERE owner_id = ?1").setParameter(1, user.id())
                .executeUpdate() > 0;
    }

    /** When the caller's current secret was made, if they have one. */
    @Transactional
    public Optional<Instant> current() {
        List<?> found = em.createNativeQuery("SELECT created_at FROM calendar_feed WHERE owner_id = ?1")
                .setParameter(1, user.id()).getResultList();
        return found.stream().findFirst().map(CalendarFeeds::instant);
    }

    /** The feed behind a secret; empty when no feed has it (never issued, replaced or revoked). */
    @Transactional
    public Optional<String> feed(String secret) {
        List<?> owner = em.createNativeQuery("SELECT owner_name FROM calendar_feed WHERE secret_hash = ?1")
                .setParameter(1, hashOf(secret)).getResultList();
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        String name = (String) owner.get(0);
        List<TrainingSession> sessions = em.createQuery("""
                select s from TrainingSession s join fetch s.course
                where (s.createdBy = ?1 or lower(s.trainer) = lower(?1)) and s.endsAt >= ?2
                order by s.startsAt""", TrainingSession.class)
                .setParameter(1, name).setParameter(2, Instant.now().minus(DAYS_BACK, ChronoUnit.DAYS))
                .setMaxResults(MAX_EVENTS).getResultList();
        List<Invite.Event> events = sessions.stream().map(s -> new Invite.Event(
                "session-" + s.id + "@" + config.messageIdDomain(), (int) s.version, s.startsAt, s.endsAt,
                s.course.title + " (" + s.course.code + ")",
                s.venue != null ? s.venue : s.onlineLink,
                s.seatsTaken + " of " + s.capacity + " seats booked, " + s.waiting + " waiting. Area: " + s.area,
                s.status == SessionStatus.CANCELLED)).toList();
        return Optional.of(Invite.feed("Prevent training: " + name, events));
    }

    private String hashOf(String secret) {
        return hash.of("calendar-feed:" + secret);
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }
}
