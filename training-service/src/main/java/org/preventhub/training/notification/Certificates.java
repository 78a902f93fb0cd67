package org.preventhub.training.notification;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.security.Roles;
import org.preventhub.training.booking.BookingRepository;
import org.preventhub.training.booking.BookingSecrets;
import org.preventhub.training.session.SessionAccess;

/**
 * A certificate of attendance on request: recorded as a message in the outbox (so sent at most once per request,
 * and retried like any other), made into a PDF only when it is sent, to the booking's own address.
 */
@ApplicationScoped
public class Certificates {

    private final EntityManager em;
    private final BookingRepository bookings;
    private final SessionAccess access;
    private final CurrentUser user;

    public Certificates(EntityManager em, BookingRepository bookings, SessionAccess access, CurrentUser user) {
        this.em = em;
        this.bookings = bookings;
        this.access = access;
        this.user = user;
    }

    /**
     * For the person holding the booking (with its secret), or staff of the agency running its session (without).
     *
     * @return the request's id (the message's); empty when no booking has this reference, the secret is not its own,
     *         or its identity was erased
     */
    @Transactional
    public Optional<UUID> request(String reference, String secret) {
        var found = bookings.findByReference(reference);
        boolean staff = (user.hasRole(Roles.TRAINER) || user.hasRole(Roles.PREVENT_LEAD))
                && found.map(b -> access.isRunByCaller(b.session)).orElse(false);
        return (staff ? found : BookingSecrets.unlocked(found, secret)).filter(b -> b.emailIndex != null).map(b -> {
            long attended = em.createQuery("""
                    select count(a) from Attendance a where a.booking.id = ?1 and a.attended = true""", Long.class)
                    .setParameter(1, b.id).getSingleResult();
            if (attended == 0) {
                throw ProblemException.conflict("not-attended",
                        "A certificate is for a session attended: this booking is not marked attended on the register.");
            }
            Notification n = Notification.due(MessageKind.CERTIFICATE, b.id, b.session.id, null, Instant.now());
            em.persist(n);
            return n.id;
        });
    }
}
