package org.preventhub.training.attendance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.preventhub.contracts.training.AttendanceCorrected;
import org.preventhub.contracts.training.AttendanceRecorded;
import org.preventhub.contracts.training.AttendanceSnapshot;
import org.preventhub.contracts.training.SessionDelivered;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.platform.outbox.Outbox;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.problem.Violation;
import org.preventhub.platform.reference.Sectors;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.training.booking.Booking;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.training.booking.BookingRepository;
import org.preventhub.training.booking.BookingService;
import org.preventhub.training.booking.BookingStatus;
import org.preventhub.training.trainee.PersonalData;
import org.preventhub.training.trainee.Trainee;
import org.preventhub.training.session.SessionAccess;
import org.preventhub.training.session.SessionChanged;
import org.preventhub.training.session.SessionRepository;
import org.preventhub.training.session.SessionService;
import org.preventhub.training.session.SessionStatus;
import org.preventhub.training.session.TrainingSession;

import io.quarkus.panache.common.Sort;

/**
 * The register: attended or no-show per booking, walk-ins, then delivery, which freezes it. After delivery a
 * change is an explicit correction with a reason, published as such.
 */
@ApplicationScoped
public class AttendanceService {

    /** Not by name: it is encrypted. */
    static final Map<String, String> SORTABLE = Map.of("recordedAt", "recordedAt", "attended", "attended",
            "walkIn", "walkIn");

    private final SessionRepository sessions;
    private final BookingRepository bookings;
    private final AttendanceRepository attendance;
    private final Outbox outbox;
    private final CurrentUser user;
    private final BookingService bookingService;
    private final SessionAccess access;
    private final Sectors sectors;
    private final PersonalData personal;
    private final Event<SessionChanged> changes;

    public AttendanceService(SessionRepository sessions, BookingRepository bookings, AttendanceRepository attendance,
            Outbox outbox, CurrentUser user, BookingService bookingService, SessionAccess access, Sectors sectors,
            PersonalData personal, Event<SessionChanged> changes) {
        this.changes = changes;
        this.sectors = sectors;
        this.personal = personal;
        this.sessions = sessions;
        this.bookings = bookings;
        this.attendance = attendance;
        this.outbox = outbox;
        this.user = user;
        this.bookingService = bookingService;
        this.access = access;
    }

    /**
     * Records the register. It can be sent again until delivery: a booking's mark changes in place, and a walk-in
     * is matched to the one already recorded (by email, or by name and organisation when there is no email), so a
     * resent sheet adds only people not yet on it and publishes only what changed.
     */
    @Transactional
    public Optional<List<AttendanceResponse>> record(UUID sessionId, AttendanceSheet sheet) {
        return sessions.lock(sessionId).map(session -> {
            access.requireRunByCaller(session);
            requireRegisterOpen(session);
            List<AttendanceSheet.Mark> marks = sheet.bookings() == null ? List.of() : sheet.bookings();
            List<AttendanceSheet.WalkIn> walkIns = sheet.walkIns() == null ? List.of() : sheet.walkIns();
            List<Violation> violations = new ArrayList<>();
            List<Booking> marked = new ArrayList<>();
            Set<UUID> markedIds = new HashSet<>();
            for (int i = 0; i < marks.size(); i++) {
                Booking booking = bookings.findById(marks.get(i).bookingId());
                if (booking == null || !booking.session.id.equals(session.id) || booking.status != BookingStatus.CONFIRMED) {
                    violations.add(new Violation("bookings[" + i + "].bookingId", "not a confirmed booking of this session"));
                } else if (!markedIds.add(booking.id)) {
                    violations.add(new Violation("bookings[" + i + "].bookingId", "appears twice"));
                }
                marked.add(booking);
            }
            List<Attendance> register = attendance.forSession(session.id);
            WalkInIndex known = new WalkInIndex(register, personal);
            Set<String> bookedEmails = new HashSet<>();
            bookings.list("session.id = ?1 and status = ?2", session.id, BookingStatus.CONFIRMED).stream()
                    .filter(b -> b.emailIndex != null).forEach(b -> bookedEmails.add(b.emailIndex));
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < walkIns.size(); i++) {
                AttendanceSheet.WalkIn walkIn = walkIns.get(i);
                String email = normalisedEmail(walkIn.email());
                if (!sectors.isKnown(walkIn.sector())) {
                    violations.add(new Violation("walkIns[" + i + "].sector", sectors.unknown()));
                }
                if (!seen.add(WalkInIndex.identity(walkIn.name(), email, walkIn.organisation()))) {
                    violations.add(new Violation("walkIns[" + i + "]",
                            "appears twice; two people with the same name and organisation need their emails"));
                } else if (email != null && bookedEmails.contains(personal.emailIndex(email))) {
                    violations.add(new Violation("walkIns[" + i + "].email",
                            "has a booking on this session: mark the booking instead"));
                }
            }
            if (!violations.isEmpty()) {
                throw ProblemException.badRequest("The register cannot be taken as sent; nothing was recorded.",
                        violations.toArray(Violation[]::new));
            }
            Instant now = Instant.now();
            for (int i = 0; i < marks.size(); i++) {
                Booking booking = marked.get(i);
                boolean attended = marks.get(i).attended();
                Optional<Attendance> existing = attendance.findByBooking(booking.id);
                if (existing.isPresent()) {
                    if (existing.get().attended != attended) {
                        existing.get().attended = attended;
                        existing.get().recordedAt = now;
                        existing.get().recordedBy = user.id();
                        publish(existing.get());
                    }
                } else {
                    Attendance mark = fromBooking(session, booking, attended, now);
                    attendance.persist(mark);
                    publish(mark);
                }
            }
            for (AttendanceSheet.WalkIn walkIn : walkIns) {
                String email = normalisedEmail(walkIn.email());
                Optional<Attendance> existing = known.find(walkIn.name(), email, walkIn.organisation());
                if (existing.isPresent()) {
                    update(existing.get(), walkIn, email, now);
                    continue;
                }
                Attendance mark = new Attendance();
                mark.id = UUID.randomUUID();
                mark.session = session;
                mark.attendee(personal, new Trainee(walkIn.name().strip(), email, blankToNull(walkIn.organisation()),
                        blankToNull(walkIn.jobRole())));
                mark.sector = walkIn.sector();
                mark.organisationId = walkIn.organisationId();
                mark.attended = true;
                mark.walkIn = true;
                mark.recordedAt = now;
                mark.recordedBy = user.id();
                attendance.persist(mark);
                publish(mark);
            }
            return attendance.forSession(session.id).stream().map(this::view).toList();
        });
    }

    /** A walk-in sent again: its details may have been completed; only a reportable change is published. */
    private void update(Attendance mark, AttendanceSheet.WalkIn walkIn, String email, Instant now) {
        Trainee held = mark.attendee(personal);
        // The organisation is reported too: its reference, or the text as written when it names none (spacing and
        // case aside, so a resent sheet written differently publishes nothing).
        boolean reportable = !mark.sector.equals(walkIn.sector())
                || !Objects.equals(mark.organisationId, walkIn.organisationId())
                || (walkIn.organisationId() == null && !WalkInIndex.fold(held.organisation())
                        .equals(WalkInIndex.fold(walkIn.organisation())));
        boolean changed = reportable || (email != null && !Objects.equals(held.email(), email))
                || !Objects.equals(held.organisation(), blankToNull(walkIn.organisation()))
                || !Objects.equals(held.jobRole(), blankToNull(walkIn.jobRole()));
        if (!changed) {
            return;
        }
        mark.attendee(personal, new Trainee(held.name(), email != null ? email : held.email(),
                blankToNull(walkIn.organisation()), blankToNull(walkIn.jobRole())));
        mark.sector = walkIn.sector();
        mark.organisationId = walkIn.organisationId();
        mark.recordedAt = now;
        mark.recordedBy = user.id();
        if (reportable) {
            publish(mark);
        }
    }

    @Transactional
    public Optional<Page<AttendanceResponse>> list(UUID sessionId, PageParams page) {
        Sort sort = page.toSort(SORTABLE, "walkIn", "recordedAt").and("id");
        return sessions.findByIdOptional(sessionId).map(session -> {
            access.requireRunByCaller(session);
            var query = attendance.find("session.id = ?1", sort, sessionId).page(page.page, page.size);
            return Page.of(query.list().stream().map(this::view).toList(), page, query.count());
        });
    }

    /** Marks the session delivered: booked attendees with no mark are no-shows, and the register is frozen. */
    @Transactional
    public Optional<DeliveryResponse> deliver(UUID sessionId) {
        return sessions.lock(sessionId).map(session -> {
            access.requireRunByCaller(session);
            requireRegisterOpen(session);
            Instant now = Instant.now();
            int unmarked = 0;
            for (Booking booking : bookings.list("session.id = ?1 and status = ?2", session.id, BookingStatus.CONFIRMED)) {
                if (attendance.findByBooking(booking.id).isEmpty()) {
                    Attendance noShow = fromBooking(session, booking, false, now);
                    attendance.persist(noShow);
                    publish(noShow);
                    unmarked++;
                }
            }
            // The waiting list goes with the session: nobody can take a seat on a session that took place.
            int waitingListClosed = bookingService.closeWaitingList(session);
            List<Attendance> register = attendance.forSession(session.id);
            int booked = (int) register.stream().filter(a -> !a.walkIn).count();
            int attended = (int) register.stream().filter(a -> a.attended).count();
            int walkIns = (int) register.stream().filter(a -> a.walkIn).count();
            int noShows = (int) register.stream().filter(a -> !a.attended).count();
            session.status = SessionStatus.DELIVERED;
            session.deliveredAt = now;
            session.updatedAt = now;
            sessions.flush();
            outbox.record(TrainingEventTypes.AGGREGATE_SESSION, session.id, TrainingEventTypes.SESSION_DELIVERED,
                    new SessionDelivered(SessionService.snapshot(session), now, booked, attended, noShows, walkIns));
            changes.fire(new SessionChanged.Delivered(session));
            return new DeliveryResponse(session.id, now, booked, attended, noShows, walkIns, unmarked, waitingListClosed);
        });
    }

    /** Changes one mark of a delivered session, with the reason. */
    @Transactional
    public Optional<AttendanceResponse> correct(UUID sessionId, UUID attendanceId, AttendanceCorrection correction) {
        return sessions.lock(sessionId).flatMap(session -> attendance.findByIdOptional(attendanceId)
                .filter(mark -> mark.session.id.equals(sessionId))
                .map(mark -> {
                    access.requireRunByCaller(session);
                    if (session.status != SessionStatus.DELIVERED) {
                        throw ProblemException.conflict("session-not-delivered",
                                "Until the session is delivered, change the register itself; corrections are for delivered sessions.");
                    }
                    if (mark.attended == correction.attended()) {
                        throw ProblemException.conflict("nothing-to-correct", "The register already says that.");
                    }
                    // An evaluation is evidence of attendance and is counted in the figures: a no-show with one would
                    // make the response rate exceed 100%. Withdrawing it is not something reporting can follow (its
                    // evaluation facts are final), so the correction is refused and the contradiction stays visible.
                    if (!correction.attended() && attendance.isEvaluated(mark.id)) {
                        throw ProblemException.conflict("attendance-evaluated",
                                "This attendee has evaluated the session, so they cannot be recorded as a no-show.");
                    }
                    boolean previously = mark.attended;
                    mark.attended = correction.attended();
                    mark.correctedAt = Instant.now();
                    mark.correctionReason(personal, correction.reason().strip());
                    attendance.flush();
                    outbox.record(TrainingEventTypes.AGGREGATE_ATTENDANCE, mark.id, TrainingEventTypes.ATTENDANCE_CORRECTED,
                            new AttendanceCorrected(snapshot(mark, personal), previously));
                    return view(mark);
                }));
    }

    private void requireRegisterOpen(TrainingSession session) {
        if (session.status != SessionStatus.SCHEDULED) {
            throw ProblemException.conflict("register-closed", session.status == SessionStatus.DELIVERED
                    ? "The session is delivered: its attendance is frozen; send a correction instead."
                    : "The session was cancelled.", Map.of("sessionStatus", session.status.name()));
        }
        if (session.startsAt.isAfter(Instant.now())) {
            throw ProblemException.conflict("session-not-started", "Attendance is recorded once the session has started.");
        }
    }

    private Attendance fromBooking(TrainingSession session, Booking booking, boolean attended, Instant now) {
        Attendance mark = new Attendance();
        mark.id = UUID.randomUUID();
        mark.session = session;
        mark.booking = booking;
        mark.attendee(personal, booking.attendee(personal));
        mark.sector = booking.sector;
        mark.organisationId = booking.organisationId;
        mark.userId = booking.userId;
        mark.attended = attended;
        mark.walkIn = false;
        mark.recordedAt = now;
        mark.recordedBy = user.id();
        return mark;
    }

    private AttendanceResponse view(Attendance mark) {
        return AttendanceResponse.of(mark, mark.attendee(personal), mark.correctionReason(personal));
    }

    private void publish(Attendance mark) {
        outbox.record(TrainingEventTypes.AGGREGATE_ATTENDANCE, mark.id, TrainingEventTypes.ATTENDANCE_RECORDED,
                new AttendanceRecorded(snapshot(mark, personal)));
    }

    /**
     * The organisation goes as the partner organisation's reference when one was named, so reporting can count reach
     * by organisation (issue 20). Text as written stays here: in a small organisation it can point at the person, and
     * an erasure must be able to remove it from everywhere it was sent.
     */
    static AttendanceSnapshot snapshot(Attendance a, PersonalData personal) {
        TrainingSession s = a.session;
        return new AttendanceSnapshot(a.id, s.id, a.booking == null ? null : a.booking.id, s.course.id, s.course.code,
                s.course.priority, s.startsAt, s.mode, s.area, a.sector, a.attended, a.walkIn, a.organisationId, null,
                a.erasedAt == null ? a.userId : null);
    }

    private static String normalisedEmail(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The walk-ins already on a register, by who they are. */
    private static final class WalkInIndex {
        private final Map<String, Attendance> byEmail = new java.util.HashMap<>();
        private final Map<String, Attendance> byName = new java.util.HashMap<>();

        private final Map<Attendance, String> emailOf = new java.util.HashMap<>();

        /** The register decrypted in memory: a session's register is small, and its walk-ins fewer. */
        WalkInIndex(List<Attendance> register, PersonalData personal) {
            for (Attendance mark : register) {
                if (mark.walkIn && mark.erasedAt == null) {
                    Trainee who = mark.attendee(personal);
                    if (who.email() != null) {
                        byEmail.putIfAbsent(who.email(), mark);
                        emailOf.put(mark, who.email());
                    }
                    byName.putIfAbsent(identity(who.name(), null, who.organisation()), mark);
                }
            }
        }

        /**
         * By email when the sheet gives one (or by name and organisation if the one recorded had no email yet);
         * without an email, by name and organisation.
         */
        Optional<Attendance> find(String name, String email, String organisation) {
            Attendance byWho = byName.get(identity(name, null, organisation));
            if (email == null) {
                return Optional.ofNullable(byWho);
            }
            Attendance found = byEmail.get(email);
            if (found == null && byWho != null && !emailOf.containsKey(byWho)) {
                found = byWho;
            }
            return Optional.ofNullable(found);
        }

        /** An email identifies a person; without one, the name and organisation as written, ignoring case and spacing. */
        static String identity(String name, String email, String organisation) {
            if (email != null) {
                return "email:" + email;
            }
            return "name:" + fold(name) + "|" + fold(organisation);
        }

        static String fold(String text) {
            return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        }
    }
}
