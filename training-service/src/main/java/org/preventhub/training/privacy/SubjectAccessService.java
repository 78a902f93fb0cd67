package org.preventhub.training.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.contracts.training.AttendanceErased;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.platform.outbox.Outbox;
import org.preventhub.training.attendance.Attendance;
import org.preventhub.training.attendance.AttendanceResponse;
import org.preventhub.training.booking.Booking;
import org.preventhub.training.booking.BookingResponse;
import org.preventhub.training.booking.BookingService;
import org.preventhub.training.evaluation.Evaluation;
import org.preventhub.training.evaluation.EvaluationResponse;
import org.preventhub.training.privacy.SubjectAccessLog.Action;
import org.preventhub.training.trainee.PersonalData;
import org.preventhub.training.privacy.SubjectAccessLog.Counts;

/**
 * A trainee's subject access request, for the Prevent lead to answer: everything the service holds about them
 * (bookings, marks of the register, evaluations and council feed records), exported, or erased on request. Found by
 * e-mail address (its keyed hash) and, when a name is given, also the marks and council records that carry that
 * name and no e-mail address (walk-ins who gave none). Each request is logged with who, when and why.
 */
@ApplicationScoped
public class SubjectAccessService {

    @Schema(name = "TraineeErasure", description = "What an erasure erased (or, for a session that had not started, cancelled first).")
    public record Erasure(int bookings, int bookingsCancelled, int attendance, int evaluations, int completions) {
    }

    private record Held(List<Booking> bookings, List<Attendance> attendance, List<Evaluation> evaluations,
            List<Object[]> completions) {

        Counts counts() {
            return new Counts(bookings.size(), attendance.size(), evaluations.size(), completions.size());
        }
    }

    private final EntityManager em;
    private final PersonalData personal;
    private final SubjectAccessLog log;
    private final BookingService bookingService;
    private final Outbox outbox;

    public SubjectAccessService(EntityManager em, PersonalData personal, SubjectAccessLog log,
            BookingService bookingService, Outbox outbox) {
        this.em = em;
        this.personal = personal;
        this.log = log;
        this.bookingService = bookingService;
        this.outbox = outbox;
    }

    @Transactional
    public Map<String, Object> export(String email, String name, String purpose) {
        String why = SubjectAccessLog.requirePurpose(purpose);
        Held held = find(email, name);
        String emailIndex = personal.emailIndex(email);
        List<SubjectAccessLog.Entry> earlier = log.about(emailIndex);
        log.record(Action.EXPORT, why, emailIndex, personal.nameIndex(name), held.counts());
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("email", email);
        export.put("name", name);
        export.put("bookings", held.bookings().stream()
                .map(b -> BookingResponse.of(b, b.attendee(personal), null, null)).toList());
        export.put("attendance", held.attendance().stream()
                .map(a -> AttendanceResponse.of(a, a.attendee(personal), a.correctionReason(personal))).toList());
        export.put("evaluations", held.evaluations().stream()
                .map(e -> EvaluationResponse.of(e, e.comments(personal))).toList());
        export.put("councilRecords", held.completions().stream().map(SubjectAccessService::completion).toList());
        export.put("earlierRequests", earlier);
        return export;
    }

    /**
     * Erases the trainee's identity wherever it is held; the records stay, with what the figures count (status,
     * sector, attended, the evaluation's answers), so no figure changes; each mark's erasure is published (no personal
     * data) for the services that linked it to the person. A live booking of a session that has not
     * started is cancelled first (its seat goes to the next in line).
     */
    @Transactional
    public Erasure erase(String email, String name, String purpose) {
        String why = SubjectAccessLog.requirePurpose(purpose);
        Held held = find(email, name);
        Instant now = Instant.now();
        int cancelled = 0;
        for (Booking booking : held.bookings()) {
            boolean live = booking.status.live();
            bookingService.cancelBeforeErasure(booking);
            if (live && !booking.status.live()) {
                cancelled++;
            }
            booking.erase(now);
        }
        for (Attendance mark : held.attendance()) {
            mark.erase(now);
            // Engagement links a staff attendee's mark to their user id (competency): it must forget it too.
            outbox.record(TrainingEventTypes.AGGREGATE_ATTENDANCE, mark.id, TrainingEventTypes.ATTENDANCE_ERASED,
                    new AttendanceErased(mark.id, AttendanceErased.SUBJECT_REQUEST));
        }
        held.evaluations().forEach(evaluation -> evaluation.commentsEnc = null);
        for (Object[] completion : held.completions()) {
            em.createNativeQuery("""
                    UPDATE completion_record SET person_name = NULL, email = NULL, organisation = NULL, erased_at = ?1
                    WHERE id = ?2""").setParameter(1, now).setParameter(2, completion[0]).executeUpdate();
        }
        log.record(Action.ERASE, why, personal.emailIndex(email), personal.nameIndex(name), held.counts());
        return new Erasure(held.bookings().size(), cancelled, held.attendance().size(), held.evaluations().size(),
                held.completions().size());
    }

    private Held find(String email, String name) {
        String emailIndex = personal.emailIndex(email);
        String nameIndex = personal.nameIndex(name);
        List<Booking> bookings = em.createQuery("from Booking b where b.emailIndex = :email order by b.createdAt, b.id",
                Booking.class).setParameter("email", emailIndex).getResultList();
        List<Attendance> attendance = em.createQuery("""
                from Attendance a where a.emailIndex = :email or (a.emailIndex is null and a.nameIndex = :name)
                order by a.recordedAt, a.id""", Attendance.class)
                .setParameter("email", emailIndex).setParameter("name", nameIndex == null ? "-" : nameIndex)
                .getResultList();
        List<Evaluation> evaluations = attendance.isEmpty() ? List.of()
                : em.createQuery("from Evaluation e where e.attendance in :marks order by e.submittedAt, e.id",
                        Evaluation.class).setParameter("marks", attendance).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> completions = em.createNativeQuery("""
                SELECT r.id, r.source, r.external_id, c.code, r.completed_on, r.mode, r.elearning, r.person_name, r.email,
                       r.organisation, r.sector, r.completed
                FROM completion_record r JOIN course c ON c.id = r.course_id
                WHERE r.erased_at IS NULL AND (lower(r.email) = ?1 OR (r.email IS NULL AND lower(r.person_name) = ?2))
                ORDER BY r.completed_on, r.id""")
                .setParameter(1, email.strip().toLowerCase(Locale.ROOT))
                .setParameter(2, name == null || name.isBlank() ? "-" : name.strip().toLowerCase(Locale.ROOT))
                .getResultList();
        return new Held(bookings, attendance, evaluations, new ArrayList<>(completions));
    }

    private static Map<String, Object> completion(Object[] row) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", (UUID) row[0]);
        record.put("source", row[1]);
        record.put("recordId", row[2]);
        record.put("courseCode", row[3]);
        record.put("completedOn", String.valueOf(row[4]));
        record.put("mode", row[5]);
        record.put("elearning", row[6]);
        record.put("person", row[7]);
        record.put("email", row[8]);
        record.put("organisation", row[9]);
        record.put("sector", row[10]);
        record.put("completed", row[11]);
        return record;
    }
}
