package org.preventhub.referral.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.web.Versions;
import org.preventhub.referral.access.AccessAction;
import org.preventhub.referral.access.AccessLog;
import org.preventhub.referral.plan.Revision;
import org.preventhub.referral.plan.SupportPlanRepository;

/**
 * A Channel case's support plan: read by the Prevent lead and, while the case is open, by the members of its
 * panel; revised by the Prevent lead while the case is in support, every revision kept with who, when and why.
 */
@ApplicationScoped
public class SupportPlanService {

    public static final String REVISED = "support-plan-revised";

    private final EntityManager em;
    private final SupportPlanRepository plans;
    private final ReferralQueries referrals;
    private final ReferralClock clock;
    private final ReferralHistory history;
    private final ReferralAccess access;
    private final AccessLog accessLog;
    private final CurrentUser user;

    public SupportPlanService(EntityManager em, SupportPlanRepository plans, ReferralQueries referrals, ReferralClock clock,
            ReferralHistory history, ReferralAccess access,
            AccessLog accessLog, CurrentUser user) {
        this.em = em;
        this.plans = plans;
        this.referrals = referrals;
        this.clock = clock;
        this.history = history;
        this.access = access;
        this.accessLog = accessLog;
        this.user = user;
    }

    /** @return empty when the caller may not see the referral, or it has no plan */
    @Transactional
    public Optional<SupportPlanView> read(UUID id, String purpose) {
        return referrals.visible(id).filter(r -> access.viewOf(r) == ReferralAccess.View.FULL).flatMap(referral -> {
            String why = AccessLog.requirePurpose(purpose);
            List<Revision> revisions = plans.history(referral.id);
            if (revisions.isEmpty()) {
                return Optional.empty();
            }
            accessLog.record(referral.id, AccessAction.READ, "supportPlan", why);
            return Optional.of(new SupportPlanView(referral.id, referral.reference, referral.status,
                    referral.status == ReferralStatus.IN_SUPPORT, revisions.get(revisions.size() - 1), revisions,
                    referral.version));
        });
    }

    @Transactional
    public Optional<SupportPlanView.Change> revise(UUID id, SupportPlanRevision request, Long expectedVersion) {
        return Optional.ofNullable(em.find(Referral.class, id)).map(referral -> {
            Versions.check(expectedVersion, referral.version);
            if (referral.status != ReferralStatus.IN_SUPPORT) {
                throw ProblemException.conflict("support-plan-not-revisable",
                        "A support plan is revised while the case is in support; this referral is " + referral.status + ".",
                        Map.of("referralStatus", referral.status.name()));
            }
            SupportPlanRepository.requireContent(request.plan());
            LocalDate on = request.on() == null ? clock.today() : request.on();
            plans.lastAgreedOn(referral.id).filter(on::isBefore).ifPresent(last -> {
                throw ProblemException.invalidField("on", "cannot be before the current plan (" + last + ")");
            });
            int revision = plans.add(referral.id, request.plan(), on, request.reason());
            referral.stepTakenOn(on);
            referral.updatedAt = Instant.now();
            history.recordStep(referral, REVISED, referral.status, request.reason());
            em.flush(); // the version check: of two revisions at once, one wins and the other is 409
            accessLog.record(referral.id, AccessAction.CHANGE, "supportPlan", null);
            return new SupportPlanView.Change(referral.id, revision, on, user.name(), referral.updatedAt, referral.version);
        });
    }
}
