package org.preventhub.platform.reminder;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.CurrentUser;

/**
 * Each member of staff's own choice (daily digest, immediate, off), set by themself: the address and roles are
 * taken from their token when they set it, so nobody can ask for reminders to another address or for a role they
 * do not hold. Until someone sets a choice, the service has no address for them and sends them nothing.
 */
@ApplicationScoped
public class ReminderPreferences {

    /** A member of staff's choice, with the address it goes to (their own, from their token). */
    public record Choice(Delivery delivery, String email, Instant updatedAt) {
    }

    private final EntityManager em;
    private final CurrentUser user;
    private final Instance<StaffReminderSource> source;

    public ReminderPreferences(EntityManager em, CurrentUser user, Instance<StaffReminderSource> source) {
        this.em = em;
        this.user = user;
        this.source = source;
    }

    @Transactional
    public Optional<Choice> current() {
        List<?> rows = em.createNativeQuery(
                "SELECT delivery, email_enc, updated_at FROM reminder_recipient WHERE user_id = ?1")
                .setParameter(1, user.id()).getResultList();
        return rows.stream().findFirst().map(Object[].class::cast).map(r -> new Choice(Delivery.valueOf((String) r[0]),
                source.get().cipher().decrypt((String) r[1], context(user.id())), instant(r[2])));
    }

    /** Sets the caller's choice; OFF also drops what was waiting for their next digest. */
    @Transactional
    public Choice set(Delivery delivery) {
        String email = user.email().orElseThrow(() -> ProblemException.conflict("no-email-address",
                "Your token carries no e-mail address to send reminders to: ask for one in your account."));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String roles = String.join(",", new TreeSet<>(user.roles()));
        em.createNativeQuery("""
                INSERT INTO reminder_recipient (user_id, email_enc, roles, agency, delivery, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT (user_id) DO UPDATE SET email_enc = excluded.email_enc, roles = excluded.roles,
                    agency = excluded.agency, delivery = excluded.delivery, updated_at = excluded.updated_at""")
                .setParameter(1, user.id()).setParameter(2, source.get().cipher().encrypt(email, context(user.id())))
                .setParameter(3, roles.length() <= 500 ? roles : roles.substring(0, 500))
                .setParameter(4, user.agency().orElse(null)).setParameter(5, delivery.name())
                .setParameter(6, Timestamp.from(now)).executeUpdate();
        if (delivery == Delivery.OFF) {
            em.createNativeQuery("DELETE FROM staff_reminder WHERE recipient_id = ?1 AND notification_id IS NULL")
                    .setParameter(1, user.id()).executeUpdate();
        }
        return new Choice(delivery, email, now);
    }

    static String context(String userId) {
        return "reminder-recipient/" + userId + "/email";
    }

    static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : (Instant) value;
    }
}
