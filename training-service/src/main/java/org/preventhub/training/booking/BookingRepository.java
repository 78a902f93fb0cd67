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
     * On every booking, so its statuses are two parameters, not a list: Hibernate translates a query with a list
     * parameter afresh on each call, which was a tenth of a booking's CPU.
     */
    public boolean hasLiveBooking(UUID sessionId, String email) {
        return count("session.id = ?1 and attendeeEmail = ?2 and status in (?3, ?4)", sessionId, email,
                BookingStatus.CONFIRMED, BookingStatus.WAITLISTED) > 0;
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
        return (int) count("session.id = ?1 and status = ?2 and waitlistSeq <= ?3", booking.session.id,
                BookingStatus.WAITLISTED, booking.waitlistSeq);
    }
}
