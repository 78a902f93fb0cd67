package org.preventhub.training.booking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.preventhub.contracts.training.BookingCancelled;
import org.preventhub.contracts.training.BookingConfirmed;
import org.preventhub.contracts.training.BookingPromoted;
import org.preventhub.contracts.training.BookingSnapshot;
import org.preventhub.contracts.training.BookingWaitlisted;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.platform.outbox.Outbox;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.reference.Sectors;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.web.ListQuery;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.training.trainee.PersonalData;
import org.preventhub.training.trainee.Trainee;
import org.preventhub.training.session.Access;
import org.preventhub.training.session.SessionAccess;
import org.preventhub.training.session.SessionChanged;
import org.preventhub.training.session.SessionRepository;
import org.preventhub.training.session.SessionStatus;
import org.preventhub.training.session.TrainingSession;

import io.quarkus.panache.common.Sort;

/**
 * Bookings and waiting lists. Every change of a session's seats runs with the session row locked
 * ({@link SessionRepository#lock}): requests for the last seat queue at the database, one wins, the others join
 * the waiting list in arrival order, and a freed seat goes to the first in line at once.
 */
@ApplicationScoped
public class BookingService {

    /** Not by name or e-mail address: they are encrypted, and their order would say something about them. */
    static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "status", "status",
            "bookedAt", "bookedAt");
    static final Map<String, String> WAITING_SORTABLE = Map.of("position", "waitlistSeq");

    private final BookingRepository bookings;
    private final SessionRepository sessions;
    private final Outbox outbox;
    private final CurrentUser user;
    private final SessionAccess access;
    private final Sectors sectors;
    private final PersonalData personal;
    private final Event<BookingChanged> changes;

    public BookingService(BookingRepository bookings, SessionRepository sessions, Outbox outbox, CurrentUser user,
            SessionAccess access, Sectors sectors, PersonalData personal, Event<BookingChanged> changes) {
        this.changes = changes;
        this.sectors = sectors;
        this.personal = personal;
        this.bookings = bookings;
        this.sessions = sessions;
        this.outbox = outbox;
        this.user = user;
        this.access = access;
    }

    /**
     * Books a seat. Before the session starts anyone allowed to book does, and a full session puts them on its waiting
     * list. Once it has started, until it is delivered, only staff of the agency running it (and the Prevent lead)
     * record bookings, as they were made: each needs a free seat (capacity still holds; someone who came without one
     * is a walk-in), never joins the waiting list and promotes nobody (see README, "Decisions").
     *
     * @return empty when the session does not exist
     */
    @Transactional
    public Optional<BookingResponse> book(UUID sessionId, BookingRequest request, BookingChannel channel) {
        sectors.require("sector", request.sector());
        return sessions.lock(sessionId).map(session -> {
            Instant now = Instant.now();
            boolean staff = channel == BookingChannel.STAFF;
            boolean started = !session.startsAt.isAfter(now);
            if (session.status != SessionStatus.SCHEDULED || (started && !staff)) {
                throw ProblemException.conflict("session-not-bookable",
                        "This session cannot take bookings: it is " + describe(session) + ".",
                        Map.of("sessionStatus", session.status.name()));
            }
            if (started) {
                access.requireRunByCaller(session);
            }
            Instant bookedAt = bookedAt(request, session, staff, started, now);
            if (session.access == Access.BESPOKE && (request.organisation() == null
                    || !request.organisation().trim().equalsIgnoreCase(session.organisation))) {
                throw ProblemException.unprocessable("bespoke-session",
                        "This is a bespoke session for " + session.organisation + " only.");
            }
            String email = request.email().trim().toLowerCase(Locale.ROOT);
            if (bookings.hasLiveBooking(session.id, personal.emailIndex(email))) {
                throw ProblemException.conflict("already-booked",
                        "This email already holds a booking (or a place on the waiting list) for this session.");
            }
            if (started && session.seatsTaken >= session.capacity) {
                throw ProblemException.conflict("session-full", "The session has started and every seat is booked: "
                        + "record someone who came without a seat as a walk-in, or raise the capacity if the room held more.");
            }
            String secret = Secrets.secret();
            Booking booking = new Booking();
            booking.id = UUID.randomUUID();
            booking.session = session;
            booking.reference = Secrets.reference();
            booking.secretHash = Secrets.hash(secret);
            Trainee attendee = new Trainee(request.name().strip(), email, blankToNull(request.organisation()),
                    blankToNull(request.jobRole()));
            booking.attendee(personal, attendee);
            booking.sector = request.sector();
            booking.organisationId = request.organisationId();
            booking.userId = userId(request, staff);
            booking.channel = channel;
            booking.bookedBy = user.id();
            booking.createdAt = now;
            booking.bookedAt = bookedAt;
            Integer position = null;
            if (session.seatsTaken < session.capacity) {
                booking.status = BookingStatus.CONFIRMED;
                booking.confirmedAt = booking.createdAt;
                session.seatsTaken++;
            } else {
                booking.status = BookingStatus.WAITLISTED;
                booking.waitlistSeq = ++session.waitlistSeq;
                session.waiting++;
                position = session.waiting;
            }
            bookings.persist(booking);
            if (booking.status == BookingStatus.CONFIRMED) {
                publish(TrainingEventTypes.BOOKING_CONFIRMED, booking, new BookingConfirmed(snapshot(booking, null)));
            } else {
                publish(TrainingEventTypes.BOOKING_WAITLISTED, booking, new BookingWaitlisted(snapshot(booking, position)));
            }
            return BookingResponse.of(booking, attendee, position, secret);
        });
    }

    /** A staff user's id, which only staff may name: the public website cannot vouch for who an attendee is. */
    private static String userId(BookingRequest request, boolean staff) {
        if (request.userId() == null || request.userId().isBlank()) {
            return null;
        }
        if (!staff) {
            throw ProblemException.invalidField("userId", "only staff name an attendee's user id; leave it out");
        }
        return request.userId().strip();
    }

    /**
     * When the booking was made: as given by staff (not in the future, not after the session started), otherwise now,
     * or for a booking recorded after the session started, its start: the latest it can have been made.
     */
    private static Instant bookedAt(BookingRequest request, TrainingSession session, boolean staff, boolean started,
            Instant now) {
        if (request.bookedAt() == null) {
            return started ? session.startsAt : now;
        }
        Instant given = request.bookedAt().toInstant();
        if (!staff) {
            throw ProblemException.invalidField("bookedAt", "only staff record when a booking was made; leave it out");
        }
        if (given.isAfter(now)) {
            throw ProblemException.invalidField("bookedAt", "must not be in the future");
        }
        if (given.isAfter(session.startsAt)) {
            throw ProblemException.invalidField("bookedAt",
                    "must not be after the session started; someone who came without a booking is a walk-in");
        }
        return given;
    }

    /**
     * Cancels a booking. The attendee proves it is theirs with the secret; staff need not.
     *
     * @return empty when no booking has this reference, or the secret is not its own
     */
    @Transactional
    public Optional<BookingResponse> cancel(String reference, String secret, boolean staff) {
        return findFor(reference, secret, staff).map(found -> {
            TrainingSession session = sessions.lock(found.session.id).orElseThrow();
            Booking booking = reread(found);
            if (!booking.status.live()) {
                throw ProblemException.conflict("booking-cancelled", "This booking is already cancelled.");
            }
            cancel(session, booking, asStaff(staff, booking) ? CancellationReason.STAFF : CancellationReason.ATTENDEE);
            promoteWaiting(session);
            return view(booking, null, null);
        });
    }

    /** A promoted attendee who can no longer come gives the seat to the next in line. */
    @Transactional
    public Optional<BookingResponse> declinePromotion(String reference, String secret, boolean staff) {
        return findFor(reference, secret, staff).map(found -> {
            TrainingSession session = sessions.lock(found.session.id).orElseThrow();
            Booking booking = reread(found);
            if (booking.status != BookingStatus.CONFIRMED || booking.promotedAt == null) {
                throw ProblemException.conflict("not-promoted",
                        "Only a booking promoted from the waiting list can decline its promotion; cancel it instead.");
            }
            cancel(session, booking, CancellationReason.PROMOTION_DECLINED);
            promoteWaiting(session);
            return view(booking, null, null);
        });
    }

    /**
     * Before the attendee's identity is erased on request: a live booking of a session that has not started is
     * cancelled (the seat goes to the next in line), since nobody could tell whom it is for. A booking of a session
     * that has started keeps its status: it is part of the register.
     */
    public void cancelBeforeErasure(Booking found) {
        if (!found.status.live() || !found.session.isBookable(Instant.now())) {
            return;
        }
        TrainingSession session = sessions.lock(found.session.id).orElseThrow();
        Booking booking = reread(found);
        if (booking.status.live() && session.isBookable(Instant.now())) {
            cancel(session, booking, CancellationReason.ERASURE_REQUESTED);
            promoteWaiting(session);
        }
    }

    /** After the session's capacity changed (the session is locked by the caller). */
    void capacityChanged(@Observes SessionChanged.CapacityRaised change) {
        promoteWaiting(change.session());
    }

    /** When a session is cancelled (locked by the caller): every booking and place on the waiting list goes. */
    void sessionCancelled(@Observes SessionChanged.Cancelling change) {
        TrainingSession session = change.session();
        for (Booking booking : bookings.live(session.id)) {
            cancel(session, booking, CancellationReason.SESSION_CANCELLED);
        }
    }

    /**
     * When a session is delivered (locked by the caller): its waiting list is closed, each place cancelled with its
     * event, so no booking stays live on a session that took place.
     *
     * @return places closed
     */
    public int closeWaitingList(TrainingSession session) {
        List<Booking> waiting = bookings.waiting(session.id);
        for (Booking booking : waiting) {
            cancel(session, booking, CancellationReason.WAITING_LIST_CLOSED);
        }
        return waiting.size();
    }

    /** @return empty too when another agency runs its session: its people are not the caller's to see */
    @Transactional
    public Optional<BookingResponse> get(UUID id) {
        return bookings.findByIdOptional(id).filter(b -> access.isRunByCaller(b.session))
                .map(b -> view(b, positionOf(b), null));
    }

    /** For the attendee: their booking, on proof of the secret. */
    @Transactional
    public Optional<BookingResponse> getByReference(String reference, String secret, boolean staff) {
        return findFor(reference, secret, staff).map(b -> view(b, positionOf(b), null));
    }

    @Transactional
    public Page<BookingResponse> list(BookingFilter filter, PageParams page) {
        ListQuery<Booking> query = ListQuery.of(Booking.class, "b")
                .when(filter.session, "session", "b.session.id = :session")
                .when(filter.status, "status", "b.status = :status")
                // By its blind index: the addresses themselves are encrypted.
                .when(filter.email == null ? null : personal.emailIndex(filter.email), "email", "b.emailIndex = :email")
                .when(access.limitedToAgency().orElse(null), "runBy", "b.session.runBy = :runBy");
        return query.page(bookings.getEntityManager(), page, SORTABLE, "createdAt", "id", b -> view(b, positionOf(b), null));
    }

    /** The waiting list, first in line first (or last first with {@code sort=position,desc}). */
    @Transactional
    public Optional<Page<BookingResponse>> waitingList(UUID sessionId, PageParams page) {
        Sort sort = page.toSort(WAITING_SORTABLE, "waitlistSeq", "id");
        boolean lastFirst = sort.getColumns().get(0).getDirection() == Sort.Direction.Descending;
        return sessions.findByIdOptional(sessionId).map(session -> {
            access.requireRunByCaller(session);
            var query = bookings.find("session.id = ?1 and status = ?2", sort, sessionId, BookingStatus.WAITLISTED)
                    .page(page.page, page.size);
            List<Booking> waiting = query.list();
            long total = query.count();
            long offset = (long) page.page * page.size;
            List<BookingResponse> items = new ArrayList<>();
            for (int i = 0; i < waiting.size(); i++) {
                // waitlistSeq has gaps (cancellations, promotions): the position is the rank, not the number.
                long position = lastFirst ? total - offset - i : offset + i + 1;
                items.add(view(waiting.get(i), (int) position, null));
            }
            return Page.of(items, page, total);
        });
    }

    private void promoteWaiting(TrainingSession session) {
        if (!session.isBookable(Instant.now())) {
            return;
        }
        while (session.seatsTaken < session.capacity) {
            Optional<Booking> next = bookings.firstWaiting(session.id);
            if (next.isEmpty()) {
                return;
            }
            Booking booking = next.get();
            booking.status = BookingStatus.CONFIRMED;
            booking.promotedAt = Instant.now();
            booking.confirmedAt = booking.promotedAt;
            booking.waitlistSeq = null;
            session.waiting--;
            session.seatsTaken++;
            publish(TrainingEventTypes.BOOKING_PROMOTED, booking, new BookingPromoted(snapshot(booking, null)));
        }
    }

    private void cancel(TrainingSession session, Booking booking, CancellationReason reason) {
        if (booking.status == BookingStatus.CONFIRMED) {
            session.seatsTaken--;
        } else if (booking.status == BookingStatus.WAITLISTED) {
            session.waiting--;
        }
        booking.status = BookingStatus.CANCELLED;
        booking.waitlistSeq = null;
        booking.cancelledAt = Instant.now();
        booking.cancellationReason = reason;
        publish(TrainingEventTypes.BOOKING_CANCELLED, booking, new BookingCancelled(snapshot(booking, null), reason.name()));
    }

    /** The booking as it is now that its session is locked (it was read before the lock). */
    private Booking reread(Booking booking) {
        bookings.getEntityManager().refresh(booking);
        return booking;
    }

    /**
     * The booking with this reference, for staff; for anyone else only with its secret. A wrong secret is answered
     * as no booking at all (404, not 403), so the booking website's token cannot tell which references exist.
     */
    private Optional<Booking> findFor(String reference, String secret, boolean staff) {
        Optional<Booking> found = bookings.findByReference(reference);
        if (staff && found.isPresent() && asStaff(true, found.get())) {
            return found;
        }
        return BookingSecrets.unlocked(found, secret);
    }

    /** Staff act on a booking without its secret only when their agency runs its session (SessionAccess). */
    private boolean asStaff(boolean staff, Booking booking) {
        return staff && access.isRunByCaller(booking.session);
    }

    private BookingResponse view(Booking booking, Integer position, String secret) {
        return BookingResponse.of(booking, booking.attendee(personal), position, secret);
    }

    private Integer positionOf(Booking booking) {
        return booking.status == BookingStatus.WAITLISTED ? bookings.position(booking) : null;
    }

    private void publish(String type, Booking booking, Object payload) {
        outbox.record(TrainingEventTypes.AGGREGATE_BOOKING, booking.id, type, payload);
        changes.fire(new BookingChanged(type, booking));
    }

    private static BookingSnapshot snapshot(Booking b, Integer position) {
        return new BookingSnapshot(b.id, b.session.id, b.session.course.id, b.session.course.code, b.status.name(),
                b.sector, b.channel.name(), position, b.bookedAt);
    }

    private static String describe(TrainingSession session) {
        return switch (session.status) {
            case CANCELLED -> "cancelled";
            case DELIVERED -> "delivered";
            case SCHEDULED -> "already started";
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
