package org.preventhub.training.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import org.preventhub.platform.reference.ReferenceDataConfig;
import org.preventhub.training.config.TrainingConfig;
import org.preventhub.training.privacy.SubjectAccessLog.Action;
import org.preventhub.training.privacy.SubjectAccessLog.Counts;

import io.quarkus.scheduler.Scheduled;

/**
 * The retention rule: a trainee's identity (name, e-mail address, organisation, job role, the register's correction
 * reasons, evaluation comments) is erased {@code hub.training.retention.identity-for} after their session ended
 * (a council's record: after the day it reports). What the figures count stays: the bookings' statuses and sectors,
 * the marks, the evaluations' answers, the council records' courses and dates. Each run is logged.
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
    private final Period keptFor;
    private final ZoneId zone;

    public RetentionService(EntityManager em, SubjectAccessLog log, TrainingConfig config, ReferenceDataConfig reference) {
        this.em = em;
        this.log = log;
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
        int attendance = apply(dryRun, """
                UPDATE attendance a SET attendee_name_enc = NULL, attendee_email_enc = NULL, organisation_enc = NULL,
                       job_role_enc = NULL, email_index = NULL, name_index = NULL, correction_reason_enc = NULL,
                       user_id = NULL, erased_at = ?2
                FROM training_session s WHERE s.id = a.session_id AND s.ends_at < ?1 AND a.erased_at IS NULL""", """
                SELECT count(*) FROM attendance a JOIN training_session s ON s.id = a.session_id
                WHERE s.ends_at < ?1 AND a.erased_at IS NULL""", cutoff, now);
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

    private int apply(boolean dryRun, String update, String count, Object cutoff, Instant now) {
        if (dryRun) {
            return ((Number) em.createNativeQuery(count).setParameter(1, cutoff).getSingleResult()).intValue();
        }
        var query = em.createNativeQuery(update).setParameter(1, cutoff);
        return (update.contains("?2") ? query.setParameter(2, now) : query).executeUpdate();
    }
}
