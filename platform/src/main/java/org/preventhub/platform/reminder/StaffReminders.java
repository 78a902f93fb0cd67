package org.preventhub.platform.reminder;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.preventhub.platform.notification.DispatchConfig;
import org.preventhub.platform.notification.Dispatcher;
import org.preventhub.platform.notification.NotificationStore;
import org.preventhub.platform.notification.Smtp;
import org.preventhub.platform.reference.ReferenceDataConfig;

import io.quarkus.scheduler.Scheduled;

/**
 * Turns what a service finds due into reminders for the staff who asked for them, and reminders into e-mails:
 * at once for those who chose IMMEDIATE, in one digest a day (the first run after {@code hub.reminders.digest-at})
 * for DAILY_DIGEST. A reminder is recorded once per person, kind, subject and due day (a unique key: runs on two
 * instances add none), and one no longer due (the review was recorded) is dropped before its digest goes. The
 * e-mails are sent at most once by the platform's {@link Dispatcher}. Nothing runs in a service without a
 * {@link StaffReminderSource}.
 */
@ApplicationScoped
public class StaffReminders {

    private static final Logger LOG = Logger.getLogger(StaffReminders.class);

    private record Recipient(String userId, Set<String> roles, Delivery delivery) {
    }

    private final EntityManager em;
    private final Instance<StaffReminderSource> source;
    private final ReminderConfig config;
    private final ReferenceDataConfig reference;
    private final Dispatcher dispatcher;

    public StaffReminders(EntityManager em, Instance<StaffReminderSource> source, ReminderConfig config,
            ReferenceDataConfig reference, DataSource dataSource, ReminderComposer composer, Smtp smtp,
            DispatchConfig dispatch) {
        this.em = em;
        this.source = source;
        this.config = config;
        this.reference = reference;
        this.dispatcher = new Dispatcher(new NotificationStore(dataSource, "staff_notification"), composer, smtp,
                dispatch);
    }

    @Scheduled(every = "${hub.reminders.every}", delayed = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "staff-reminders")
    void scheduled() {
        if (source.isResolvable()) {
            Instant now = Instant.now();
            collect(LocalDate.ofInstant(now, reference.timezone()));
            digest(now);
        }
    }

    @Scheduled(every = "${hub.notification.dispatch.every}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "staff-reminder-dispatch")
    void scheduledDispatch() {
        if (source.isResolvable()) {
            dispatch();
        }
    }

    /** Sends the due e-mails. @return messages handled */
    public int dispatch() {
        return dispatcher.dispatch();
    }

    /**
     * Records what is due on {@code today} for each person who asked, drops what is no longer due, and makes the
     * e-mails of those who want them at once. @return reminders added
     */
    @Transactional
    public int collect(LocalDate today) {
        List<DueReminder> due = source.get().due(today);
        Set<String> stillDue = due.stream().map(DueReminder::key).collect(Collectors.toSet());
        dropNoLongerDue(stillDue);
        Instant now = Instant.now();
        int added = 0;
        for (Recipient recipient : recipients()) {
            if (recipient.delivery() == Delivery.OFF) {
                continue;
            }
            int mine = 0;
            for (DueReminder reminder : due) {
                if (reminder.isFor(recipient.userId(), recipient.roles())) {
                    mine += record(recipient.userId(), reminder, now);
                }
            }
            added += mine;
            if (mine > 0 && recipient.delivery() == Delivery.IMMEDIATE) {
                bundle(recipient.userId(), false, now);
            }
        }
        return added;
    }

    /**
     * Makes each DAILY_DIGEST person's digest of what waits for them, once a local day, at the first call after
     * {@code digest-at} ({@code now} decides the day and hour; the digest is due at once). @return digests made
     */
    @Transactional
    public int digest(Instant now) {
        ZonedDateTime local = now.atZone(reference.timezone());
        if (local.toLocalTime().isBefore(config.digestAt())) {
            return 0;
        }
        LocalDate today = local.toLocalDate();
        int made = 0;
        for (Recipient recipient : recipients()) {
            if (recipient.delivery() != Delivery.DAILY_DIGEST || pending(recipient.userId()) == 0) {
                continue;
            }
            // Claims today's digest: of two instances, one wins.
            int claimed = em.createNativeQuery("""
                    UPDATE reminder_recipient SET last_digest_on = ?1
                    WHERE user_id = ?2 AND (last_digest_on IS NULL OR last_digest_on < ?1)""")
                    .setParameter(1, Date.valueOf(today)).setParameter(2, recipient.userId()).executeUpdate();
            if (claimed == 1) {
                bundle(recipient.userId(), true, Instant.now());
                made++;
            }
        }
        return made;
    }

    private int record(String userId, DueReminder reminder, Instant now) {
        return em.createNativeQuery("""
                INSERT INTO staff_reminder (id, recipient_id, kind, subject_id, reference, what, path, due_on, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT ON CONSTRAINT staff_reminder_once DO NOTHING""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, userId).setParameter(3, reminder.kind())
                .setParameter(4, reminder.subjectId()).setParameter(5, reminder.reference())
                .setParameter(6, reminder.what()).setParameter(7, reminder.path())
                .setParameter(8, Date.valueOf(reminder.dueOn())).setParameter(9, Timestamp.from(now)).executeUpdate();
    }

    /** One e-mail carrying everything that waits for the person. */
    private void bundle(String userId, boolean digest, Instant now) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                INSERT INTO staff_notification (id, recipient_id, digest, status, attempts, next_attempt_at, created_at)
                VALUES (?1, ?2, ?3, 'PENDING', 0, ?4, ?4)""")
                .setParameter(1, id).setParameter(2, userId).setParameter(3, digest)
                .setParameter(4, Timestamp.from(now)).executeUpdate();
        int items = em.createNativeQuery(
                "UPDATE staff_reminder SET notification_id = ?1 WHERE recipient_id = ?2 AND notification_id IS NULL")
                .setParameter(1, id).setParameter(2, userId).executeUpdate();
        LOG.infof("Reminder message %s: %d items, %s", id, items, digest ? "daily digest" : "immediate");
    }

    private long pending(String userId) {
        return ((Number) em.createNativeQuery(
                "SELECT count(*) FROM staff_reminder WHERE recipient_id = ?1 AND notification_id IS NULL")
                .setParameter(1, userId).getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private void dropNoLongerDue(Set<String> stillDue) {
        List<Object[]> waiting = em.createNativeQuery(
                "SELECT id, kind, subject_id, due_on FROM staff_reminder WHERE notification_id IS NULL").getResultList();
        Map<UUID, String> keys = waiting.stream().collect(Collectors.toMap(r -> (UUID) r[0],
                r -> r[1] + "|" + r[2] + "|" + day(r[3])));
        Set<UUID> gone = new HashSet<>();
        keys.forEach((id, key) -> {
            if (!stillDue.contains(key)) {
                gone.add(id);
            }
        });
        if (!gone.isEmpty()) {
            em.createNativeQuery("DELETE FROM staff_reminder WHERE id IN (:ids)").setParameter("ids", gone).executeUpdate();
        }
    }

    /** A date column as native queries return it (LocalDate, or java.sql.Date from older drivers). */
    static LocalDate day(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    @SuppressWarnings("unchecked")
    private List<Recipient> recipients() {
        List<Object[]> rows = em.createNativeQuery("SELECT user_id, roles, delivery FROM reminder_recipient")
                .getResultList();
        Function<String, Set<String>> roles = s -> s.isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(s.split(",")));
        return rows.stream().map(r -> new Recipient((String) r[0], roles.apply((String) r[1]),
                Delivery.valueOf((String) r[2]))).toList();
    }
}
