package org.preventhub.referral.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import org.preventhub.referral.access.AccessAction;
import org.preventhub.referral.access.AccessLog;
import org.preventhub.referral.config.ReferralConfig;
import org.preventhub.referral.plan.SupportPlanRepository;
import org.preventhub.referral.referral.Referral;
import org.preventhub.referral.referral.ReferralClock;
import org.preventhub.referral.referral.ReferralQueries;

import io.quarkus.scheduler.Scheduled;

/**
 * Erases personal data when its retention period has passed (periods by outcome, from configuration), unless the
 * record is under legal hold. What identifies the person goes: name, date of birth, address, school or employer,
 * ethnicity, vulnerabilities, the referral's narrative, the referrer's contact, the reasons given at each step,
 * panel minutes and support plans. The facts the statistics need stay: stages and dates, sector, types of
 * concern, age band, gender, area. Each erasure is logged.
 */
@ApplicationScoped
public class RetentionService {

    private static final Logger LOG = Logger.getLogger(RetentionService.class);
    private static final String ERASED_FIELDS = "person,referrerContact,prompt,stepReasons,panelMinutes,supportPlan";

    @Schema(description = "What a run of the retention job did, or in a dry run would do. No personal data.")
    public record RetentionRun(LocalDate asOf,
            @Schema(description = "Nothing was erased: this is what a run on that day would erase.") boolean dryRun,
            @Schema(description = "Referrals whose retention date has come, not under legal hold.") int due,
            int erased, long keptUnderLegalHold, List<DueReferral> referrals) {
    }

    @Schema(description = "A referral due for erasure: which, since when, under which rule.")
    public record DueReferral(UUID id, @Schema(maxLength = 20) String reference, LocalDate retainUntil,
            @Schema(maxLength = 40) String rule) {
    }

    private final EntityManager em;
    private final AccessLog accessLog;
    private final ReferralQueries referrals;
    private final ReferralClock clock;
    private final SupportPlanRepository plans;
    private final ReferralConfig config;

    public RetentionService(EntityManager em, AccessLog accessLog, ReferralQueries referrals, ReferralClock clock,
            SupportPlanRepository plans,
            ReferralConfig config) {
        this.em = em;
        this.accessLog = accessLog;
        this.referrals = referrals;
        this.clock = clock;
        this.plans = plans;
        this.config = config;
    }

    @Scheduled(cron = "{hub.referral.retention.schedule:0 15 2 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        RetentionRun run = run(clock.today());
        if (run.erased() > 0) {
            LOG.infof("Retention: erased the personal data of %d referrals", run.erased());
        }
        // Open referrals are never erased, so one that stalls would be kept for ever: say so every night.
        long stalled = referrals.stalledCount(clock.today());
        if (stalled > 0) {
            LOG.warnf("Retention: %d open referrals have had no step for %s; see GET /referrals/stalled", stalled,
                    config.stalledAfter());
        }
    }

    /** Erases the personal data of every referral due today. */
    @Transactional
    public RetentionRun run(LocalDate asOf) {
        return run(asOf, false);
    }

    /** What a run on {@code asOf} would erase, erasing nothing: the only way to look at another day. */
    @Transactional
    public RetentionRun dryRun(LocalDate asOf) {
        return run(asOf, true);
    }

    private RetentionRun run(LocalDate asOf, boolean dryRun) {
        List<Referral> due = em.createQuery("""
                from Referral r where r.retainUntil <= :asOf and r.erasedAt is null and r.legalHold = false
                order by r.retainUntil, r.reference""", Referral.class).setParameter("asOf", asOf).getResultList();
        List<DueReferral> listed = due.stream()
                .map(r -> new DueReferral(r.id, r.reference, r.retainUntil, rule(r))).toList();
        if (!dryRun) {
            Instant now = Instant.now();
            due.forEach(referral -> erase(referral, now));
        }
        long held = ((Number) em.createNativeQuery("""
                SELECT count(*) FROM referral WHERE retain_until <= ?1 AND erased_at IS NULL AND legal_hold""")
                .setParameter(1, asOf).getSingleResult()).longValue();
        return new RetentionRun(asOf, dryRun, due.size(), dryRun ? 0 : due.size(), held, listed);
    }

    private void erase(Referral referral, Instant now) {
        referral.personNameEnc = null;
        referral.nameIndex = null;
        referral.dateOfBirthEnc = null;
        referral.addressEnc = null;
        referral.schoolOrEmployerEnc = null;
        referral.ethnicityEnc = null;
        referral.vulnerabilitiesEnc = null;
        referral.promptEnc = null;
        referral.referrerContactEnc = null;
        referral.legalHoldReasonEnc = null;
        referral.erasedAt = now;
        referral.updatedAt = now;
        em.createNativeQuery("UPDATE referral_step SET reason_enc = NULL WHERE referral_id = ?1")
                .setParameter(1, referral.id).executeUpdate();
        em.createNativeQuery("UPDATE agenda_item SET minutes_enc = NULL WHERE referral_id = ?1")
                .setParameter(1, referral.id).executeUpdate();
        plans.erase(referral.id);
        em.createNativeQuery("""
                INSERT INTO erasure_log (referral_id, erased_at, retain_until, rule) VALUES (?1, ?2, ?3, ?4)""")
                .setParameter(1, referral.id).setParameter(2, now).setParameter(3, referral.retainUntil)
                .setParameter(4, rule(referral)).executeUpdate();
        accessLog.recordBySystem("retention", referral.id, AccessAction.ERASE, ERASED_FIELDS);
    }

    private static String rule(Referral referral) {
        return switch (referral.status) {
            case NO_FURTHER_ACTION, SIGNPOSTED -> "screened-out";
            case NOT_ADOPTED -> "not-adopted";
            case CONSENT_REFUSED -> "consent-refused";
            default -> "channel-case";
        };
    }
}
