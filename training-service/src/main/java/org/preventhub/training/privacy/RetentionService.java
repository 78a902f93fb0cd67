package org.preventhub.training.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.preventhub.contracts.training.AttendanceErased;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.platform.outbox.Outbox;
import org.preventhub.platform.reference.ReferenceDataConfig;
import org.preventhub.training.config.TrainingConfig;
import org.preventhub.training.privacy.SubjectAccessLog.Action;
import org.preventhub.training.privacy.SubjectAccessLog.Counts;

import io.quarkus.scheduler.Scheduled;

/**
 * The retention rule: a trainee's identity (name, e-mail address, organisation, job role, the register's correction
 * reasons, evaluation comments) is erased {@code hub.training.retention.identity-for} after their session ended
 * (a council's record: after the day it reports). What the figures count stays: the bookings' statuses and sectors,
 * the marks, the evaluations' answers, the council records' courses and dates. Each run is logged, and each mark
 * erased is published as {@code training.attendance.erased.v1}.
 */
@ApplicationScoped
public class RetentionService {

    private static final Logger LOG = Logger.getLogger(RetentionService.class);

    @Schema(name = "TraineeRetentionRun", description = "What a run of the retention rule erased, or in a dry run would erase. No personal data.")
    public record RetentionRun(@Schema(description = "Sessions that ended before this day have their trainees' "
            + "identities erased.") LocalDate before, @Schema(maxLength = 20, example = "P3Y") String identityKeptFor,
            boolean dryRun, int bookings, int attendance, int evaluations, int completions) {
    }

    private final EntityManager em;
    private final SubjectAccessLog log;
    private final Outbox outbox;
    private final Period keptFor;
    private final ZoneId zone;

    public RetentionService(EntityManager em, SubjectAccessLog log, Outbox outbox, TrainingConfig config,
            ReferenceDataConfig reference) {
        this.em = em;
        this.log = log;
        this.outbox = outbox;
        this.keptFor = config.retention().identityFor();
        this.zone = reference.timezone();
    }

    @Scheduled(cron = "{hub.training.retention.schedule}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        RetentionRun run = run(false);
        if (run.bookings() + run.attendance() + run.completions() > 0) {
            LOG.infof("Retention: erased the identities of %d bookings, %d marks of registers and %d council records",
                    run.bookings(), run.attendance(), run.completions());
        }
    }

    /** Erases (or, in a dry run, counts) every identity whose time has come, as of today. */
    @Transactional
    public RetentionRun run(boolean dryRun) {
        LocalDate before = LocalDate.now(zone).minus(keptFor);
        Instant cutoff = before.atStartOfDay(zone).toInstant();
        Instant now = Instant.now();
        int bookings = apply(dryRun, """
                UPDATE booking b SET attendee_name_enc = NULL, attendee_email_enc = NULL, organisation_enc = NULL,
                       job_role_enc = NULL, email_index = NULL, name_index = NULL, user_id = NULL, erased_at = ?2
                FROM training_session s WHERE s.id = b.session_id AND s.ends_at < ?1 AND b.erased_at IS NULL""", """
                SELECT count(*) FROM booking b JOIN training_session s ON s.id = b.session_id
                WHERE s.ends_at < ?1 AND b.erased_at IS NULL""", cutoff, now);
        int attendance = dryRun ? apply(true, null, """
                SELECT count(*) FROM attendance a JOIN training_session s ON s.id = a.session_id
                WHERE s.ends_at < ?1 AND a.erased_at IS NULL""", cutoff, now) : eraseAttendance(cutoff, now);
        int evaluations = apply(dryRun, """
                UPDATE evaluation e SET comments_enc = NULL
                FROM training_session s WHERE s.id = e.session_id AND s.ends_at < ?1 AND e.comments_enc IS NOT NULL""", """
                SELECT count(*) FROM evaluation e JOIN training_session s ON s.id = e.session_id
                WHERE s.ends_at < ?1 AND e.comments_enc IS NOT NULL""", cutoff, now);
        int completions = apply(dryRun, """
                UPDATE completion_record SET person_name = NULL, email = NULL, organisation = NULL, erased_at = ?2
                WHERE completed_on < CAST(?1 AS date) AND erased_at IS NULL""", """
                SELECT count(*) FROM completion_record WHERE completed_on < CAST(?1 AS date) AND erased_at IS NULL""",
                before, now);
        if (!dryRun) {
            log.record(Action.RETENTION, "retention rule: identities kept for " + keptFor, null, null,
                    new Counts(bookings, attendance, evaluations, completions));
        }
        return new RetentionRun(before, keptFor.toString(), dryRun, bookings, attendance, evaluations, completions);
    }

    /** Erases the marks of sessions that ended before the cutoff and publishes each one's erasure. */
    private int eraseAttendance(Instant cutoff, Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> erased = em.createNativeQuery("""
                UPDATE attendance a SET attendee_name_enc = NULL, attendee_email_enc = NULL, organisation_enc = NULL,
                       job_role_enc = NULL, email_index = NULL, name_index = NULL, correction_reason_enc = NULL,
                       user_id = NULL, erased_at = ?2
                FROM training_session s WHERE s.id = a.session_id AND s.ends_at < ?1 AND a.erased_at IS NULL
                RETURNING a.id""", UUID.class).setParameter(1, cutoff).setParameter(2, now).getResultList();
        if (!erased.isEmpty()) {
            // Engagement links staff attendees' marks to their user ids (competency): it must forget them too. A first
            // run may erase years of registers at once, so the events are written in one batch, not one entity each.
            List<Outbox.Pending> events = erased.stream().map(id -> outbox.event(TrainingEventTypes.AGGREGATE_ATTENDANCE,
                    id, TrainingEventTypes.ATTENDANCE_ERASED, new AttendanceErased(id, AttendanceErased.RETENTION)))
                    .toList();
            em.unwrap(Session.class).doWork(connection -> outbox.record(connection, events));
        }
        return erased.size();
    }

    private int apply(boolean dryRun, String update, String count, Object cutoff, Instant now) {
        if (dryRun) {
            return ((Number) em.createNativeQuery(count).setParameter(1, cutoff).getSingleResult()).intValue();
        }
        var query = em.createNativeQuery(update).setParameter(1, cutoff);
        return (update.contains("?2") ? query.setParameter(2, now) : query).executeUpdate();
    }
}
