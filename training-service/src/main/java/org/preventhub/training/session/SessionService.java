package org.preventhub.training.session;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.preventhub.contracts.training.SessionCancelled;
import org.preventhub.contracts.training.SessionRescheduled;
import org.preventhub.contracts.training.SessionScheduled;
import org.preventhub.contracts.training.SessionSnapshot;
import org.preventhub.contracts.training.SessionUpdated;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.platform.outbox.Outbox;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.problem.Violation;
import org.preventhub.platform.reference.Areas;
import org.preventhub.platform.reference.ReferenceDataConfig;
import org.preventhub.platform.reference.Sectors;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.Versions;
import org.preventhub.training.course.Course;
import org.preventhub.training.course.CourseService;

import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class SessionService {

    static final Map<String, String> SORTABLE = Map.of(
            "startsAt", "startsAt", "area", "area", "capacity", "capacity", "status", "status",
            "createdAt", "createdAt", "seatsLeft", "seatsLeftInDatabase");

    private final SessionRepository sessions;
    private final CourseService courses;
    private final Outbox outbox;
    private final Areas areas;
    private final CurrentUser user;
    private final SessionAccess access;
    private final Event<SessionChanged> changes;
    private final ZoneId zone;
    private final Sectors sectors;

    public SessionService(SessionRepository sessions, CourseService courses, Outbox outbox, Areas areas,
            CurrentUser user, SessionAccess access, Event<SessionChanged> changes, ReferenceDataConfig reference,
            Sectors sectors) {
        this.sectors = sectors;
        this.sessions = sessions;
        this.courses = courses;
        this.outbox = outbox;
        this.areas = areas;
        this.user = user;
        this.access = access;
        this.changes = changes;
        this.zone = reference.timezone();
    }

    @Transactional
    public SessionResponse schedule(SessionRequest request) {
        Course course = courses.require("courseId", request.courseId());
        List<Violation> violations = validate(course, request);
        if (!course.active) {
            violations.add(new Violation("courseId", "the course is retired"));
        }
        reject(violations);

        TrainingSession session = new TrainingSession();
        session.id = UUID.randomUUID();
        session.course = course;
        session.status = SessionStatus.SCHEDULED;
        session.createdAt = Instant.now();
        session.createdBy = user.name();
        session.runBy = user.agency().orElse(null);
        apply(session, request);
        sessions.persist(session);
        outbox.record(TrainingEventTypes.AGGREGATE_SESSION, session.id, TrainingEventTypes.SESSION_SCHEDULED,
                new SessionScheduled(snapshot(session)));
        return SessionResponse.of(session);
    }

    @Transactional
    public Optional<SessionResponse> get(UUID id) {
        return sessions.findByIdOptional(id).map(SessionResponse::of);
    }

    @Transactional
    public Page<SessionResponse> list(SessionFilter filter, PageParams page) {
        List<String> clauses = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.course != null) {
            clauses.add("course.id = :course");
            params.and("course", filter.course);
        }
        if (filter.courseCode != null) {
            clauses.add("course.code = :courseCode");
            params.and("courseCode", filter.courseCode);
        }
        if (filter.area != null) {
            clauses.add("area = :area");
            params.and("area", filter.area);
        }
        if (filter.mode != null) {
            clauses.add("mode = :mode");
            params.and("mode", filter.mode);
        }
        if (filter.status != null) {
            clauses.add("status = :status");
            params.and("status", filter.status);
        }
        if (filter.access != null) {
            clauses.add("access = :access");
            params.and("access", filter.access);
        }
        if (filter.from != null) {
            clauses.add("startsAt >= :from");
            params.and("from", filter.from.atStartOfDay(zone).toInstant());
        }
        if (filter.to != null) {
            clauses.add("startsAt < :to");
            params.and("to", filter.to.plusDays(1).atStartOfDay(zone).toInstant());
        }
        if (filter.minSeatsLeft != null) {
            clauses.add("status = :scheduled and capacity - seatsTaken >= :minSeatsLeft");
            params.and("scheduled", SessionStatus.SCHEDULED).and("minSeatsLeft", filter.minSeatsLeft);
        }
        if (filter.from != null && filter.to != null && filter.to.isBefore(filter.from)) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
        String where = String.join(" and ", clauses);
        var query = sessions.find(where, page.toSort(SORTABLE, "startsAt", "id"), params.map())
                .page(page.page, page.size);
        List<SessionResponse> items = query.list().stream().map(SessionResponse::of).toList();
        return Page.of(items, page, query.count());
    }

    @Transactional
    public Optional<SessionResponse> change(UUID id, SessionRequest request, Long expectedVersion) {
        return sessions.lock(id).map(session -> {
            access.requireRunByCaller(session);
            Versions.check(expectedVersion, session.version);
            requireScheduled(session, "changed");
            List<Violation> violations = validate(session.course, request);
            if (request.capacity() < session.seatsTaken) {
                violations.add(new Violation("capacity", "is below the " + session.seatsTaken
                        + " seats already booked; cancel bookings first"));
            }
            reject(violations);

            SessionSnapshot before = snapshot(session);
            Details detailsBefore = Details.of(session);
            apply(session, request);
            SessionSnapshot after = snapshot(session);
            if (before.equals(after) && detailsBefore.equals(Details.of(session))) {
                return SessionResponse.of(session);
            }
            session.updatedAt = Instant.now();
            if (after.capacity() > before.capacity()) {
                changes.fire(new SessionChanged.CapacityRaised(session));
            }
            sessions.flush(); // bump the version now, so the answer carries it
            if (!before.startsAt().equals(after.startsAt()) || !before.endsAt().equals(after.endsAt())) {
                outbox.record(TrainingEventTypes.AGGREGATE_SESSION, session.id, TrainingEventTypes.SESSION_RESCHEDULED,
                        new SessionRescheduled(snapshot(session), before.startsAt(), before.endsAt()));
                changes.fire(new SessionChanged.Rescheduled(session));
            } else if (!before.equals(after)) {
                outbox.record(TrainingEventTypes.AGGREGATE_SESSION, session.id, TrainingEventTypes.SESSION_UPDATED,
                        new SessionUpdated(snapshot(session)));
            }
            return SessionResponse.of(session);
        });
    }

    @Transactional
    public Optional<SessionResponse> cancel(UUID id, SessionCancellation cancellation, Long expectedVersion) {
        return sessions.lock(id).map(session -> {
            access.requireRunByCaller(session);
            Versions.check(expectedVersion, session.version);
            requireScheduled(session, "cancelled");
            changes.fire(new SessionChanged.Cancelling(session));
            session.status = SessionStatus.CANCELLED;
            session.cancellationReason = cancellation.reason().strip();
            session.cancelledAt = Instant.now();
            session.updatedAt = session.cancelledAt;
            sessions.flush();
            outbox.record(TrainingEventTypes.AGGREGATE_SESSION, session.id, TrainingEventTypes.SESSION_CANCELLED,
                    new SessionCancelled(snapshot(session), session.cancelledAt));
            return SessionResponse.of(session);
        });
    }

    private static void requireScheduled(TrainingSession session, String action) {
        if (session.status != SessionStatus.SCHEDULED) {
            throw ProblemException.conflict("session-" + session.status.name().toLowerCase(),
                    "The session is " + session.status.name().toLowerCase() + " and can no longer be " + action + ".",
                    Map.of("sessionStatus", session.status.name()));
        }
    }

    private List<Violation> validate(Course course, SessionRequest request) {
        List<Violation> violations = new ArrayList<>();
        if (!request.endsAt().isAfter(request.startsAt())) {
            violations.add(new Violation("endsAt", "must be after startsAt"));
        }
        if (!areas.isKnown(request.area())) {
            violations.add(new Violation("area", "unknown area; known areas: " + String.join(", ", areas.all().keySet())));
        }
        if (!sectors.isKnown(request.audienceSector())) {
            violations.add(new Violation("audienceSector", sectors.unknown()));
        }
        if (!course.offers(request.mode())) {
            violations.add(new Violation("mode", "the course " + course.code + " is not offered " + request.mode()));
        }
        switch (request.mode()) {
            case IN_PERSON -> {
                if (isBlank(request.venue())) {
                    violations.add(new Violation("venue", "an in-person session needs a venue"));
                }
            }
            case ONLINE -> {
                if (isBlank(request.onlineLink())) {
                    violations.add(new Violation("onlineLink", "an online session needs a link"));
                }
            }
        }
        if (request.access() == Access.BESPOKE && isBlank(request.organisation())) {
            violations.add(new Violation("organisation", "a bespoke session is for one organisation: name it"));
        }
        if (request.access() == Access.OPEN && !isBlank(request.organisation())) {
            violations.add(new Violation("organisation", "an open session is not for one organisation: leave it empty"));
        }
        return violations;
    }

    private static void reject(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("The session has " + violations.size() + " invalid field(s).",
                    violations.toArray(Violation[]::new));
        }
    }

    private static void apply(TrainingSession session, SessionRequest request) {
        session.startsAt = request.startsAt().toInstant();
        session.endsAt = request.endsAt().toInstant();
        session.mode = request.mode();
        session.venue = blankToNull(request.venue());
        session.onlineLink = blankToNull(request.onlineLink());
        session.area = request.area();
        session.capacity = request.capacity();
        session.trainer = blankToNull(request.trainer());
        session.access = request.access();
        session.organisation = blankToNull(request.organisation());
        session.audienceSector = request.audienceSector();
        session.updatedAt = Instant.now();
    }

    public static SessionSnapshot snapshot(TrainingSession s) {
        return new SessionSnapshot(s.id, s.course.id, s.course.code, s.course.priority, s.startsAt, s.endsAt, s.mode,
                s.area, s.capacity, s.access.name(), s.organisation, s.audienceSector, s.status.name());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }

    /** The details events do not carry; a change of only these is stored without an event. */
    private record Details(String venue, String onlineLink, String trainer) {
        static Details of(TrainingSession s) {
            return new Details(s.venue, s.onlineLink, s.trainer);
        }
    }
}
