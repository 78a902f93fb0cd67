package org.preventhub.training.attendance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.preventhub.contracts.training.AttendanceCorrected;
import org.preventhub.contracts.training.AttendanceRecorded;
import org.preventhub.contracts.training.AttendanceSnapshot;
import org.preventhub.contracts.training.SessionDelivered;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.platform.outbox.Outbox;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.problem.Violation;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.training.booking.Booking;
import org.preventhub.training.booking.BookingRepository;
import org.preventhub.training.booking.BookingStatus;
import org.preventhub.training.session.SessionRepository;
import org.preventhub.training.session.SessionService;
import org.preventhub.training.session.SessionStatus;
import org.preventhub.training.session.TrainingSession;

/**
 * The register: attended or no-show per booking, walk-ins, then delivery, which freezes it. After delivery a
 * change is an explicit correction with a reason, published as such.
 */
@ApplicationScoped
public class AttendanceService {

    private final SessionRepository sessions;
    private final BookingRepository bookings;
    private final AttendanceRepository attendance;
    private final Outbox outbox;
    private final CurrentUser user;

    public AttendanceService(SessionRepository sessions, BookingRepository bookings, AttendanceRepository attendance,
            Outbox outbox, CurrentUser user) {
        this.sessions = sessions;
        this.bookings = bookings;
        this.attendance = attendance;
        this.outbox = outbox;
        this.user = user;
    }

    @Transactional
    public Optional<List<AttendanceResponse>> record(UUID sessionId, AttendanceSheet sheet) {
        return sessions.lock(sessionId).map(session -> {
            requireRegisterOpen(session);
            List<AttendanceSheet.Mark> marks = sheet.bookings() == null ? List.of() : sheet.bookings();
            List<AttendanceSheet.WalkIn> walkIns = sheet.walkIns() == null ? List.of() : sheet.walkIns();
            List<Violation> violations = new ArrayList<>();
            List<Booking> marked = new ArrayList<>();
            for (int i = 0; i < marks.size(); i++) {
                Booking booking = bookings.findById(marks.get(i).bookingId());
                if (booking == null || !booking.session.id.equals(session.id) || booking.status != BookingStatus.CONFIRMED) {
                    violations.add(new Violation("bookings[" + i + "].bookingId", "not a confirmed booking of this session"));
                }
                marked.add(booking);
            }
            if (!violations.isEmpty()) {
                throw ProblemException.badRequest("The register names bookings this session does not have.",
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
                Attendance mark = new Attendance();
                mark.id = UUID.randomUUID();
                mark.session = session;
                mark.attendeeName = walkIn.name().strip();
                mark.attendeeEmail = walkIn.email() == null ? null : walkIn.email().trim().toLowerCase();
                mark.organisation = walkIn.organisation();
                mark.sector = walkIn.sector();
                mark.jobRole = walkIn.jobRole();
                mark.attended = true;
                mark.walkIn = true;
                mark.recordedAt = now;
                mark.recordedBy = user.id();
                attendance.persist(mark);
                publish(mark);
            }
            return attendance.forSession(session.id).stream().map(AttendanceResponse::of).toList();
        });
    }

    @Transactional
    public Optional<List<AttendanceResponse>> list(UUID sessionId) {
        return sessions.findByIdOptional(sessionId)
                .map(session -> attendance.forSession(sessionId).stream().map(AttendanceResponse::of).toList());
    }

    /** Marks the session delivered: booked attendees with no mark are no-shows, and the register is frozen. */
    @Transactional
    public Optional<DeliveryResponse> deliver(UUID sessionId) {
        return sessions.lock(sessionId).map(session -> {
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
            return new DeliveryResponse(session.id, now, booked, attended, noShows, walkIns, unmarked);
        });
    }

    /** Changes one mark of a delivered session, with the reason. */
    @Transactional
    public Optional<AttendanceResponse> correct(UUID sessionId, UUID attendanceId, AttendanceCorrection correction) {
        return sessions.lock(sessionId).flatMap(session -> attendance.findByIdOptional(attendanceId)
                .filter(mark -> mark.session.id.equals(sessionId))
                .map(mark -> {
                    if (session.status != SessionStatus.DELIVERED) {
                        throw ProblemException.conflict("session-not-delivered",
                                "Until the session is delivered, change the register itself; corrections are for delivered sessions.");
                    }
                    if (mark.attended == correction.attended()) {
                        throw ProblemException.conflict("nothing-to-correct", "The register already says that.");
                    }
                    boolean previously = mark.attended;
                    mark.attended = correction.attended();
                    mark.correctedAt = Instant.now();
                    mark.correctionReason = correction.reason().strip();
                    attendance.flush();
                    outbox.record(TrainingEventTypes.AGGREGATE_ATTENDANCE, mark.id, TrainingEventTypes.ATTENDANCE_CORRECTED,
                            new AttendanceCorrected(snapshot(mark), previously));
                    return AttendanceResponse.of(mark);
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
        mark.attendeeName = booking.attendeeName;
        mark.attendeeEmail = booking.attendeeEmail;
        mark.organisation = booking.organisation;
        mark.sector = booking.sector;
        mark.jobRole = booking.jobRole;
        mark.attended = attended;
        mark.walkIn = false;
        mark.recordedAt = now;
        mark.recordedBy = user.id();
        return mark;
    }

    private void publish(Attendance mark) {
        outbox.record(TrainingEventTypes.AGGREGATE_ATTENDANCE, mark.id, TrainingEventTypes.ATTENDANCE_RECORDED,
                new AttendanceRecorded(snapshot(mark)));
    }

    static AttendanceSnapshot snapshot(Attendance a) {
        TrainingSession s = a.session;
        return new AttendanceSnapshot(a.id, s.id, a.booking == null ? null : a.booking.id, s.course.id, s.course.code,
                s.course.priority, s.startsAt, s.mode, s.area, a.sector, a.attended, a.walkIn);
    }
}
