package org.preventhub.referral.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.contracts.referral.ReferralEventTypes;
import org.preventhub.platform.crypto.FieldCipher;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.web.Versions;
import org.preventhub.referral.access.AccessAction;
import org.preventhub.referral.access.AccessLog;
import org.preventhub.referral.config.ReferralConfig;
import org.preventhub.referral.plan.SupportPlanRepository;
import org.preventhub.referral.referral.Vocabulary.ConsentGivenBy;
import org.preventhub.referral.referral.Vocabulary.PanelDecision;

/**
 * The Channel journey's state machine: which step a referral may take from its status ({@link ReferralStatus}),
 * what each step records, and the event it publishes. Each step records who, when and why.
 */
@ApplicationScoped
public class ReferralJourney {

    private final EntityManager em;
    private final FieldCipher cipher;
    private final AccessLog accessLog;
    private final ReferralConfig config;
    private final SupportPlanRepository plans;
    private final ReferralClock clock;
    private final ReferralHistory history;
    private final ReferralEvents events;
    private final ReferralViews views;

    public ReferralJourney(EntityManager em, FieldCipher cipher, AccessLog accessLog, ReferralConfig config,
            SupportPlanRepository plans, ReferralClock clock, ReferralHistory history, ReferralEvents events, ReferralViews views) {
        this.em = em;
        this.cipher = cipher;
        this.accessLog = accessLog;
        this.config = config;
        this.plans = plans;
        this.clock = clock;
        this.history = history;
        this.events = events;
        this.views = views;
    }

    /** A step of the journey (all but the panel's decision, which a panel minutes). */
    @Transactional
    public Optional<ReferralJourneyView> step(UUID id, String action, StepRequest request, Long expectedVersion) {
        if (!Actions.ALL.contains(action)) {
            throw new ProblemException(404, "not-found", "Not found", "The Channel journey has no such step.", null,
                    Map.of("steps", Actions.ALL));
        }
        return Optional.ofNullable(em.find(Referral.class, id)).map(referral -> {
            Versions.check(expectedVersion, referral.version);
            requireAllowed(referral, action);
            if (action.equals(Actions.PANEL_DECISION)) {
                throw ProblemException.conflict("decided-at-panel",
                        "A panel decision is minuted at the panel meeting: POST /panels/{id}/agenda/{referralId}/decision.",
                        Map.of("allowedActions", referral.status.allowedActions(), "referralStatus", referral.status.name()));
            }
            StepRequest body = request == null ? new StepRequest(null, null, null, null, null, null, null) : request;
            LocalDate on = body.on() == null ? clock.today() : body.on();
            LocalDate previous = referral.lastStepOn;
            if (on.isBefore(previous)) {
                throw ProblemException.invalidField("on", "cannot be before the previous step (" + previous + ")");
            }
            referral.stepTakenOn(on);
            ReferralStatus from = referral.status;
            String type;
            switch (action) {
                case Actions.START_SCREENING -> {
                    referral.status = ReferralStatus.IN_SCREENING;
                    type = ReferralEventTypes.SCREENING_STARTED;
                }
                case Actions.NO_FURTHER_ACTION, Actions.SIGNPOST -> {
                    requireReason(body);
                    referral.status = action.equals(Actions.SIGNPOST) ? ReferralStatus.SIGNPOSTED : ReferralStatus.NO_FURTHER_ACTION;
                    referral.screenedOn = on;
                    referral.screeningOutcome = referral.status.name();
                    close(referral, on, config.retention().screenedOut());
                    type = ReferralEventTypes.SCREENED_OUT;
                }
                case Actions.LIST_FOR_PANEL -> {
                    requireReason(body);
                    referral.status = ReferralStatus.LISTED_FOR_PANEL;
                    referral.screenedOn = on;
                    referral.screeningOutcome = ReferralStatus.LISTED_FOR_PANEL.name();
                    type = ReferralEventTypes.LISTED_FOR_PANEL;
                }
                case Actions.CONSENT -> {
                    recordConsent(referral, body, on);
                    type = ReferralEventTypes.CONSENT_RECORDED;
                }
                case Actions.SUPPORT_PLAN -> {
                    SupportPlanRepository.requireContent(body.plan());
                    plans.add(referral.id, body.plan(), on, null);
                    referral.status = ReferralStatus.IN_SUPPORT;
                    referral.supportStartedOn = on;
                    type = ReferralEventTypes.SUPPORT_STARTED;
                }
                case Actions.EXIT -> {
                    requireReason(body);
                    if (body.exitOutcome() == null) {
                        throw ProblemException.invalidField("exitOutcome", "NO_FURTHER_CONCERNS or REFERRED_TO_OTHER_SERVICES");
                    }
                    referral.status = ReferralStatus.EXITED;
                    referral.exitedOn = on;
                    referral.exitOutcome = body.exitOutcome().name();
                    referral.nextReviewDue = on.plusMonths(6);
                    referral.retainUntil = on.plus(config.retention().channelCase());
                    type = ReferralEventTypes.EXITED;
                }
                case Actions.REVIEW -> {
                    recordReview(referral, body, on);
                    type = referral.status == ReferralStatus.CLOSED ? ReferralEventTypes.CLOSED : ReferralEventTypes.REVIEW_RECORDED;
                }
                default -> throw new IllegalStateException(action);
            }
            referral.updatedAt = Instant.now();
            history.recordStep(referral, action, from, body.reason());
            em.flush(); // the version check happens here: a concurrent step makes this one 409
            accessLog.record(referral.id, AccessAction.CHANGE, "status,journey", null);
            events.publish(referral, type, from, on);
            return ReferralJourneyView.of(referral);
        });
    }

    /** The panel's decision on a referral on its agenda; called by the panel feature in its transaction. */
    public void decideAtPanel(Referral referral, PanelDecision decision, LocalDate panelDate, String minutes) {
        requireAllowed(referral, Actions.PANEL_DECISION);
        ReferralStatus from = referral.status;
        referral.discussedAtPanelOn = panelDate;
        referral.stepTakenOn(panelDate);
        referral.panelOutcome = decision.name();
        if (decision == PanelDecision.ADOPTED) {
            referral.status = ReferralStatus.ADOPTED;
        } else {
            referral.status = ReferralStatus.NOT_ADOPTED;
            close(referral, panelDate, config.retention().notAdopted());
        }
        referral.updatedAt = Instant.now();
        history.recordStep(referral, Actions.PANEL_DECISION, from, minutes);
        em.flush();
        accessLog.record(referral.id, AccessAction.CHANGE, "status,journey,panelMinutes", null);
        events.publish(referral, decision == PanelDecision.ADOPTED ? ReferralEventTypes.ADOPTED : ReferralEventTypes.NOT_ADOPTED,
                from, panelDate);
    }

    @Transactional
    public Optional<ReferralJourneyView> legalHold(UUID id, boolean hold, String reason) {
        return Optional.ofNullable(em.find(Referral.class, id)).map(referral -> {
            referral.legalHold = hold;
            referral.legalHoldReasonEnc = hold ? cipher.encrypt(reason, referral.context("legalHoldReason")) : null;
            referral.updatedAt = Instant.now();
            history.recordStep(referral, hold ? "legal-hold" : "legal-hold-lifted", referral.status, reason);
            accessLog.record(referral.id, AccessAction.CHANGE, "legalHold", null);
            return ReferralJourneyView.of(referral);
        });
    }

    private void recordConsent(Referral referral, StepRequest body, LocalDate on) {
        if (body.consentGiven() == null) {
            throw ProblemException.invalidField("consentGiven", "true or false");
        }
        referral.consentOn = on;
        if (body.consentGiven()) {
            if (body.consentGivenBy() == null) {
                throw ProblemException.invalidField("consentGivenBy", "PERSON or PARENT_OR_GUARDIAN");
            }
            LocalDate dateOfBirth = views.dateOfBirth(referral);
            if (dateOfBirth != null && AgeBand.age(dateOfBirth, on) < 18
                    && body.consentGivenBy() != ConsentGivenBy.PARENT_OR_GUARDIAN) {
                throw ProblemException.unprocessable("guardian-consent-required",
                        "The person is a child: consent must come from a parent or guardian.");
            }
            referral.consent = "GIVEN";
            referral.consentGivenBy = body.consentGivenBy().name();
            referral.status = ReferralStatus.CONSENT_GIVEN;
        } else {
            referral.consent = "REFUSED";
            referral.status = ReferralStatus.CONSENT_REFUSED;
            close(referral, on, config.retention().consentRefused());
        }
    }

    private void recordReview(Referral referral, StepRequest body, LocalDate on) {
        if (body.review() == null) {
            throw ProblemException.invalidField("review", "SIX_MONTHS or TWELVE_MONTHS");
        }
        int expected = body.review() == StepRequest.Review.SIX_MONTHS ? 0 : 1;
        if (referral.reviewsDone != expected) {
            throw ProblemException.conflict("review-out-of-order", referral.reviewsDone == 0
                    ? "The six-month review comes first." : "The six-month review is already recorded.",
                    Map.of("reviewsDone", referral.reviewsDone));
        }
        referral.reviewsDone++;
        if (referral.reviewsDone == 1) {
            referral.nextReviewDue = referral.exitedOn.plusMonths(12);
        } else {
            referral.nextReviewDue = null;
            referral.status = ReferralStatus.CLOSED;
            referral.closedOn = on;
        }
    }

    private static void close(Referral referral, LocalDate on, Period keepFor) {
        referral.closedOn = on;
        referral.retainUntil = on.plus(keepFor);
    }

    private static void requireAllowed(Referral referral, String action) {
        if (!referral.status.allowedActions().contains(action)) {
            throw ProblemException.conflict("step-not-allowed",
                    "A referral that is " + referral.status + " cannot take the step '" + action + "'.",
                    Map.of("referralStatus", referral.status.name(), "allowedActions", referral.status.allowedActions()));
        }
    }

    private static void requireReason(StepRequest body) {
        if (body.reason() == null || body.reason().isBlank()) {
            throw ProblemException.invalidField("reason", "say why: the Home Office asks for it");
        }
    }

}
