package org.preventhub.training.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;

/**
 * The day before a session, each confirmed booking gets one reminder (a unique index: running the job again, or on
 * two instances at once, adds none). A booking confirmed within half the lead of the start gets none: its
 * confirmation has only just arrived. Whether the person declined reminders is decided when it is sent.
 */
@ApplicationScoped
public class Reminders {

    private final EntityManager em;
    private final Duration lead;

    public Reminders(EntityManager em, NotificationConfig config) {
        this.em = em;
        this.lead = config.reminders().lead();
    }

    @Scheduled(every = "${hub.notification.reminders.every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "notification-reminders")
    void scheduled() {
        remindDue();
    }

    /** @return reminders added */
    @Transactional
    public int remindDue() {
        Instant now = Instant.now();
        return em.createNativeQuery("""
                INSERT INTO notification (id, kind, booking_id, session_id, due_at, status, attempts, next_attempt_at,
                                          created_at)
                SELECT gen_random_uuid(), 'REMINDER', b.id, s.id, ?1, 'PENDING', 0, ?1, ?1
                FROM booking b JOIN training_session s ON s.id = b.session_id
                WHERE s.status = 'SCHEDULED' AND s.starts_at > ?1 AND s.starts_at <= ?2
                  AND b.status = 'CONFIRMED' AND b.confirmed_at < s.starts_at - ?3 * interval '1 second'
                ON CONFLICT (booking_id, kind) WHERE kind IN ('REMINDER', 'EVALUATION') DO NOTHING""")
                .setParameter(1, Timestamp.from(now)).setParameter(2, Timestamp.from(now.plus(lead)))
                .setParameter(3, lead.toSeconds() / 2).executeUpdate();
    }
}
