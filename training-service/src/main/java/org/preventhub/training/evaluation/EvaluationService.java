package org.preventhub.training.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.contracts.training.EvaluationSubmitted;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.platform.outbox.Outbox;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.problem.Violation;
import org.preventhub.platform.reference.ReferenceDataConfig;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.security.Roles;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.training.attendance.Attendance;
import org.preventhub.training.attendance.AttendanceRepository;
import org.preventhub.training.booking.Booking;
import org.preventhub.training.booking.BookingRepository;
import org.preventhub.training.booking.BookingSecrets;
import org.preventhub.training.config.TrainingConfig;
import org.preventhub.training.course.Course;
import org.preventhub.training.trainee.PersonalData;
import org.preventhub.training.session.SessionAccess;
import org.preventhub.training.session.TrainingSession;

import io.quarkus.panache.common.Sort;

/**
 * Post-course evaluations: one per attendance, from the attendee (with the booking's secret) or from staff
 * entering paper forms; and the figures the annual report quotes (the share who understand how to share a
 * concern, against the target).
 */
@ApplicationScoped
public class EvaluationService {

    static final Map<String, String> SORTABLE = Map.of("submittedAt", "submittedAt",
            "understandsHowToShareConcern", "understandsConcern", "usefulness", "usefulness");

    private final EntityManager em;
    private final BookingRepository bookings;
    private final AttendanceRepository attendance;
    private final Outbox outbox;
    private final CurrentUser user;
    private final double target;
    private final ZoneId zone;
    private final SessionAccess access;
    private final PersonalData personal;

    public EvaluationService(EntityManager em, BookingRepository bookings, AttendanceRepository attendance,
            Outbox outbox, CurrentUser user, TrainingConfig config, ReferenceDataConfig reference, SessionAccess access,
            PersonalData personal) {
        this.personal = personal;
        this.em = em;
        this.bookings = bookings;
        this.attendance = attendance;
        this.outbox = outbox;
        this.user = user;
        this.target = config.evaluationTargetPercent();
        this.zone = reference.timezone();
        this.access = access;
    }

    /**
     * @return empty when no booking has this reference, or the secret is not its own (answered alike, so the booking
     *         website's token cannot tell which references exist)
     */
    @Transactional
    public Optional<EvaluationResponse> submitByAttendee(String reference, EvaluationAnswers answers) {
        Optional<Booking> found = bookings.findByReference(reference);
        Optional<Booking> unlocked = BookingSecrets.unlocked(found, answers.secret());
        if (unlocked.isEmpty() && found.isPresent() && isStaff()) {
            // Staff see every booking anyway: to them a wrong secret is refused as such, and 404 means missing.
            throw ProblemException.forbidden("The reference and secret do not match a booking.");
        }
        return unlocked.map(booking -> {
            Attendance mark = attendance.findByBooking(booking.id).filter(a -> a.attended)
                    .orElseThrow(() -> ProblemException.conflict("not-attended",
                            "Only people who attended the session can evaluate it."));
            requireNotEvaluated(mark);
            return view(save(mark, answers, "ATTENDEE"));
        });
    }

    private boolean isStaff() {
        return user.hasRole(Roles.TRAINER) || user.hasRole(Roles.PREVENT_LEAD);
    }

    /** Paper forms of one session, entered by staff: all or none. */
    @Transactional
    public List<EvaluationResponse> submitPaperForms(UUID sessionId, List<EvaluationAnswers> forms) {
        TrainingSession session = em.find(TrainingSession.class, sessionId);
        if (session == null) {
            throw ProblemException.notFound("Session " + sessionId);
        }
        access.requireRunByCaller(session);
        List<Violation> violations = new ArrayList<>();
        List<Attendance> marks = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < forms.size(); i++) {
            UUID attendanceId = forms.get(i).attendanceId();
            Attendance mark = attendanceId == null ? null : attendance.findById(attendanceId);
            if (mark == null || !mark.session.id.equals(sessionId)) {
                violations.add(new Violation("[" + i + "].attendanceId", "not an attendance of this session"));
            } else if (!mark.attended) {
                violations.add(new Violation("[" + i + "].attendanceId", "a no-show cannot evaluate"));
            } else if (!seen.add(attendanceId)) {
                violations.add(new Violation("[" + i + "].attendanceId", "appears twice"));
            }
            marks.add(mark);
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("Some forms cannot be taken; none was stored.", violations.toArray(Violation[]::new));
        }
        List<EvaluationResponse> saved = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            requireNotEvaluated(marks.get(i));
            saved.add(view(save(marks.get(i), forms.get(i), "STAFF")));
        }
        return saved;
    }

    @Transactional
    public Optional<Page<EvaluationResponse>> list(UUID sessionId, PageParams page) {
        TrainingSession session = em.find(TrainingSession.class, sessionId);
        if (session == null) {
            return Optional.empty();
        }
        access.requireRunByCaller(session);
        // Sort only by fields of a fixed list, so the order clause never carries what the caller sent.
        String order = page.toSort(SORTABLE, "submittedAt", "id").getColumns().stream()
                .map(c -> "e." + c.getName() + (c.getDirection() == Sort.Direction.Descending ? " desc" : ""))
                .collect(Collectors.joining(", "));
        List<EvaluationResponse> items = em.createQuery("from Evaluation e where e.sessionId = :session order by " + order,
                Evaluation.class).setParameter("session", sessionId)
                .setFirstResult(page.page * page.size).setMaxResults(page.size)
                .getResultList().stream().map(this::view).toList();
        long total = em.createQuery("select count(e) from Evaluation e where e.sessionId = :session", Long.class)
                .setParameter("session", sessionId).getSingleResult();
        return Optional.of(Page.of(items, page, total));
    }

    @Transactional
    public Optional<EvaluationSummary> sessionSummary(UUID sessionId) {
        if (em.find(TrainingSession.class, sessionId) == null) {
            return Optional.empty();
        }
        return Optional.of(summary("s.id = ?1", sessionId, null, null));
    }

    /** @return empty when there is no such course (a course without evaluations has figures of zero) */
    @Transactional
    public Optional<EvaluationSummary> courseSummary(UUID courseId, LocalDate from, LocalDate to) {
        if (em.find(Course.class, courseId) == null) {
            return Optional.empty();
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
        return Optional.of(summary("s.course_id = ?1", courseId, from, to));
    }

    private EvaluationSummary summary(String sessionCondition, UUID id, LocalDate from, LocalDate to) {
        Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(zone).toInstant();
        Instant end = to == null ? Instant.parse("9999-12-31T00:00:00Z") : to.plusDays(1).atStartOfDay(zone).toInstant();
        Object[] row = (Object[]) em.createNativeQuery("""
                SELECT (SELECT count(*) FROM attendance a JOIN training_session s ON s.id = a.session_id
                          WHERE %1$s AND a.attended AND s.starts_at >= ?2 AND s.starts_at < ?3),
                       count(e.id),
                       avg(CASE WHEN e.understands_concern THEN 100.0 ELSE 0 END),
                       avg(e.confidence_before), avg(e.confidence_after), avg(e.usefulness)
                FROM evaluation e JOIN training_session s ON s.id = e.session_id
                WHERE %1$s AND s.starts_at >= ?2 AND s.starts_at < ?3""".formatted(sessionCondition))
                .setParameter(1, id).setParameter(2, start).setParameter(3, end)
                .getSingleResult();
        long attended = ((Number) row[0]).longValue();
        long responses = ((Number) row[1]).longValue();
        Double understands = round(row[2]);
        return new EvaluationSummary(attended, responses,
                attended == 0 ? null : round(100.0 * responses / attended), understands, target,
                understands == null ? null : understands >= target, round(row[3]), round(row[4]), round(row[5]));
    }

    private void requireNotEvaluated(Attendance mark) {
        Long existing = em.createQuery("select count(e) from Evaluation e where e.attendance.id = :a", Long.class)
                .setParameter("a", mark.id).getSingleResult();
        if (existing > 0) {
            throw ProblemException.conflict("already-evaluated", "This attendance has been evaluated already.");
        }
    }

    private Evaluation save(Attendance mark, EvaluationAnswers answers, String via) {
        TrainingSession session = mark.session;
        Evaluation evaluation = new Evaluation();
        evaluation.id = UUID.randomUUID();
        evaluation.attendance = mark;
        evaluation.sessionId = session.id;
        evaluation.courseId = session.course.id;
        evaluation.understandsConcern = answers.understandsHowToShareConcern();
        evaluation.confidenceBefore = answers.confidenceBefore().shortValue();
        evaluation.confidenceAfter = answers.confidenceAfter().shortValue();
        evaluation.usefulness = answers.usefulness().shortValue();
        evaluation.comments(personal, answers.comments() == null || answers.comments().isBlank() ? null : answers.comments().strip());
        evaluation.submittedVia = via;
        evaluation.submittedBy = user.id();
        evaluation.submittedAt = Instant.now();
        em.persist(evaluation);
        outbox.record(TrainingEventTypes.AGGREGATE_EVALUATION, evaluation.id, TrainingEventTypes.EVALUATION_SUBMITTED,
                new EvaluationSubmitted(evaluation.id, mark.id, session.id, session.course.id, session.course.code,
                        session.startsAt, session.mode, session.area, mark.sector, evaluation.understandsConcern,
                        evaluation.confidenceBefore, evaluation.confidenceAfter, evaluation.usefulness, via));
        return evaluation;
    }

    private EvaluationResponse view(Evaluation evaluation) {
        return EvaluationResponse.of(evaluation, evaluation.comments(personal));
    }

    private static Double round(Object value) {
        if (value == null) {
            return null;
        }
        return new BigDecimal(((Number) value).doubleValue()).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
