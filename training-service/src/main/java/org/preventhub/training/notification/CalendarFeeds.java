package org.preventhub.training.notification;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.platform.calendar.CalendarFeedSecrets;
import org.preventhub.platform.calendar.ICalendar;
import org.preventhub.platform.crypto.KeyedHash;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.training.session.SessionStatus;
import org.preventhub.training.session.TrainingSession;
import org.preventhub.training.trainee.TraineeCryptoConfig;

/**
 * A trainer's sessions as an iCalendar feed at a secret URL, for calendar programs, which send no token (the
 * platform's CalendarFeedSecrets keeps the secrets, as a keyed hash with the service's index key). A trainer's
 * sessions are those they scheduled or that name them as trainer.
 */
@ApplicationScoped
public class CalendarFeeds {

    /** Training's iCalendar writer, for the feeds and the invites in messages. */
    static final ICalendar ICAL = new ICalendar("-//Prevent Hub//training-service//EN");

    /** A new secret, in the URL to subscribe to. */
    public record Issued(String url, Instant createdAt) {
    }

    /** How far back the feed reaches: a calendar keeps what it already has. */
    private static final long DAYS_BACK = 90;
    private static final int MAX_EVENTS = 1_000;

    private final EntityManager em;
    private final CurrentUser user;
    private final CalendarFeedSecrets secrets;
    private final NotificationConfig config;

    public CalendarFeeds(EntityManager em, CurrentUser user, TraineeCryptoConfig crypto, NotificationConfig config) {
        this.em = em;
        this.user = user;
        this.secrets = new CalendarFeedSecrets(em, new KeyedHash(crypto.indexKey().orElseThrow()));
        this.config = config;
    }

    /** A new secret for the caller's feed; the one before, if any, stops working at once. */
    @Transactional
    public Issued issue() {
        CalendarFeedSecrets.Issued issued = secrets.issue(user.id(), user.name());
        return new Issued(config.calendarFeedUrl() + issued.secret(), issued.createdAt());
    }

    /** @return whether the caller had a feed */
    @Transactional
    public boolean revoke() {
        return secrets.revoke(user.id());
    }

    /** When the caller's current secret was made, if they have one. */
    @Transactional
    public Optional<Instant> current() {
        return secrets.current(user.id());
    }

    /** The feed behind a secret; empty when no feed has it (never issued, replaced or revoked). */
    @Transactional
    public Optional<String> feed(String secret) {
        return secrets.owner(secret).map(owner -> {
            List<TrainingSession> sessions = em.createQuery("""
                    select s from TrainingSession s join fetch s.course
                    where (s.createdBy = ?1 or lower(s.trainer) = lower(?1)) and s.endsAt >= ?2
                    order by s.startsAt""", TrainingSession.class)
                    .setParameter(1, owner.name()).setParameter(2, Instant.now().minus(DAYS_BACK, ChronoUnit.DAYS))
                    .setMaxResults(MAX_EVENTS).getResultList();
            List<ICalendar.Event> events = sessions.stream().map(s -> new ICalendar.Event(
                    "session-" + s.id + "@" + config.messageIdDomain(), (int) s.version, s.startsAt, s.endsAt,
                    s.course.title + " (" + s.course.code + ")",
                    s.venue != null ? s.venue : s.onlineLink,
                    s.seatsTaken + " of " + s.capacity + " seats booked, " + s.waiting + " waiting. Area: " + s.area,
                    s.status == SessionStatus.CANCELLED)).toList();
            return ICAL.feed("Prevent training: " + owner.name(), events);
        });
    }
}
