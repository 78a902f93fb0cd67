package org.preventhub.training.notification;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.security.Roles;
import org.preventhub.training.booking.BookingRepository;
import org.preventhub.training.booking.BookingSecrets;
import org.preventhub.training.session.SessionAccess;

/** What a person declined, by the blind index of their e-mail address (so for all their bookings). */
@ApplicationScoped
public class MessagePreferences {

    private final EntityManager em;
    private final BookingRepository bookings;
    private final SessionAccess access;
    private final CurrentUser user;

    public MessagePreferences(EntityManager em, BookingRepository bookings, SessionAccess access, CurrentUser user) {
        this.em = em;
        this.bookings = bookings;
        this.access = access;
        this.user = user;
    }

    /**
     * For the person holding the booking: with its secret, or staff of the agency running its session without.
     *
     * @return the reminders setting now in force; empty when no booking has this reference (or the secret is not its
     *         own), or its identity was erased
     */
    @Transactional
    public Optional<Boolean> setForBooking(String reference, String secret, boolean reminders) {
        var found = bookings.findByReference(reference);
        boolean staff = (user.hasRole(Roles.TRAINER) || user.hasRole(Roles.PREVENT_LEAD))
                && found.map(b -> access.isRunByCaller(b.session)).orElse(false);
        return (staff ? found : BookingSecrets.unlocked(found, secret)).filter(b -> b.emailIndex != null).map(b -> {
            setReminders(b.emailIndex, reminders);
            return reminders;
        });
    }

    /** Reminders are sent unless declined. */
    public boolean wantsReminders(String emailIndex) {
        if (emailIndex == null) {
            return false;
        }
        var found = em.createNativeQuery("SELECT reminders FROM message_preference WHERE email_index = ?1")
                .setParameter(1, emailIndex).getResultList();
        return found.isEmpty() || Boolean.TRUE.equals(found.get(0));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void setReminders(String emailIndex, boolean reminders) {
        em.createNativeQuery("""
                INSERT INTO message_preference (email_index, reminders, updated_at) VALUES (?1, ?2, ?3)
                ON CONFLICT (email_index) DO UPDATE SET reminders = excluded.reminders, updated_at = excluded.updated_at""")
                .setParameter(1, emailIndex).setParameter(2, reminders).setParameter(3, Instant.now()).executeUpdate();
    }
}
