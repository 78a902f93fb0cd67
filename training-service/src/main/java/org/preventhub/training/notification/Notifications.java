package org.preventhub.training.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.training.booking.Booking;
import org.preventhub.training.booking.BookingChanged;
import org.preventhub.training.booking.BookingStatus;
import org.preventhub.training.booking.CancellationReason;
import org.preventhub.training.session.SessionChanged;

/**
 * Records the messages a change calls for, in the change's own transaction (the observers are synchronous), so a
 * message exists if and only if its change committed; the {@link MessageDispatch} sends them after the commit. Nothing
 * personal is written here: the address is read from the booking when the message is sent.
 */
@ApplicationScoped
public class Notifications {

    private final EntityManager em;

    public Notifications(EntityManager em) {
        this.em = em;
    }

    void bookingChanged(@Observes BookingChanged change) {
        Booking booking = change.booking();
        if (!booking.session.startsAt.isAfter(Instant.now())) {
            // Staff recording, after the start, bookings as they were made: a record of the past, not news to anyone.
            return;
        }
        switch (change.type()) {
            case TrainingEventTypes.BOOKING_CONFIRMED -> record(MessageKind.BOOKING_CONFIRMED, booking, 0);
            case TrainingEventTypes.BOOKING_PROMOTED -> record(MessageKind.PROMOTED, booking, 0);
            case TrainingEventTypes.BOOKING_CANCELLED -> cancelled(booking);
            default -> {
                // Waiting-list places need no message: the answer to the booking said so.
            }
        }
    }

    private void cancelled(Booking booking) {
        MessageKind kind;
        if (booking.cancellationReason == CancellationReason.SESSION_CANCELLED) {
            kind = MessageKind.SESSION_CANCELLED;
        } else if (booking.cancellationReason == CancellationReason.ATTENDEE
                || booking.cancellationReason == CancellationReason.STAFF
                || booking.cancellationReason == CancellationReason.PROMOTION_DECLINED) {
            kind = MessageKind.BOOKING_CANCELLED;
        } else {
            // Erasure (nobody left to tell) or the waiting list closed at delivery (the session took place).
            return;
        }
        Integer last = lastSequence(booking.id);
        // The invite is withdrawn only where one was sent: a place on the waiting list had none.
        record(kind, booking, last == null ? null : last + 1);
    }

    /** New times: everyone holding a place hears of it; those with a seat get the invite again, one SEQUENCE up. */
    void rescheduled(@Observes SessionChanged.Rescheduled change) {
        if (!change.session().startsAt.isAfter(Instant.now())) {
            return; // moved into the past: the register is being recorded, nobody can come any more
        }
        for (Booking booking : live(change.session().id)) {
            Integer last = booking.status == BookingStatus.CONFIRMED ? lastSequence(booking.id) : null;
            record(MessageKind.SESSION_RESCHEDULED, booking, last == null
                    ? (booking.status == BookingStatus.CONFIRMED ? 0 : null) : last + 1);
        }
    }

    /** After delivery, each booked attendee who came is asked to evaluate (once: a unique index). */
    void delivered(@Observes SessionChanged.Delivered change) {
        List<UUID> attended = em.createQuery("""
                select a.booking.id from Attendance a
                where a.session.id = ?1 and a.attended = true and a.booking is not null""", UUID.class)
                .setParameter(1, change.session().id).getResultList();
        Instant now = Instant.now();
        for (UUID bookingId : attended) {
            em.persist(Notification.due(MessageKind.EVALUATION, bookingId, change.session().id, null, now));
        }
    }

    private void record(MessageKind kind, Booking booking, Integer sequence) {
        em.persist(Notification.due(kind, booking.id, booking.session.id, sequence, Instant.now()));
    }

    private List<Booking> live(UUID sessionId) {
        return em.createQuery("select b from Booking b where b.session.id = ?1 and b.status in (?2, ?3)", Booking.class)
                .setParameter(1, sessionId).setParameter(2, BookingStatus.CONFIRMED)
                .setParameter(3, BookingStatus.WAITLISTED).getResultList();
    }

    /** The SEQUENCE of the last invite sent for this booking, or null when none was. */
    private Integer lastSequence(UUID bookingId) {
        return em.createQuery("select max(n.icalSequence) from Notification n where n.bookingId = ?1", Integer.class)
                .setParameter(1, bookingId).getSingleResult();
    }
}
