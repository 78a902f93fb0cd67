package org.preventhub.training.booking;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class BookingRepository implements PanacheRepositoryBase<Booking, UUID> {

    public Optional<Booking> findByReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }

    /**
     * On every booking, so it is a query of its own rather than Panache's {@code count}: Hibernate copies and
     * translates a count query afresh on each call (a fifth of a booking's CPU, JFR), while this one's SQL is made
     * once. The statuses are two parameters for the same reason: a list parameter defeats that cache too.
     */
    /** @param emailIndex the blind index of the attendee's e-mail address (PersonalData#emailIndex) */
    public boolean hasLiveBooking(UUID sessionId, String emailIndex) {
        return !getEntityManager().createQuery("""
                select b.id from Booking b
                where b.session.id = ?1 and b.emailIndex = ?2 and b.status in (?3, ?4)""", UUID.class)
                .setParameter(1, sessionId).setParameter(2, emailIndex)
                .setParameter(3, BookingStatus.CONFIRMED).setParameter(4, BookingStatus.WAITLISTED)
                .setMaxResults(1).getResultList().isEmpty();
    }

    public Optional<Booking> firstWaiting(UUID sessionId) {
        return find("session.id = ?1 and status = ?2 order by waitlistSeq", sessionId, BookingStatus.WAITLISTED)
                .firstResultOptional();
    }

    public List<Booking> waiting(UUID sessionId) {
        return list("session.id = ?1 and status = ?2 order by waitlistSeq", sessionId, BookingStatus.WAITLISTED);
    }

    public List<Booking> live(UUID sessionId) {
        return list("session.id = ?1 and status in ?2 order by createdAt", sessionId,
                List.of(BookingStatus.CONFIRMED, BookingStatus.WAITLISTED));
    }

    /** 1 for the first in line. */
    public int position(Booking booking) {
        return getEntityManager().createQuery("""
                select count(b) from Booking b
                where b.session.id = ?1 and b.status = ?2 and b.waitlistSeq <= ?3""", Long.class)
                .setParameter(1, booking.session.id).setParameter(2, BookingStatus.WAITLISTED)
                .setParameter(3, booking.waitlistSeq).getSingleResult().intValue();
    }
}
