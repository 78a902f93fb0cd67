package org.preventhub.referral.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.preventhub.contracts.referral.ReferralEventTypes;
import org.preventhub.contracts.referral.ReferralSnapshot;
import org.preventhub.contracts.referral.ReferralStageChanged;
import org.preventhub.platform.outbox.Outbox;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.problem.Violation;
import org.preventhub.platform.reference.Areas;
import org.preventhub.platform.reference.ReferenceDataConfig;
import org.preventhub.platform.reference.Sectors;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.security.Roles;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.Versions;
import org.preventhub.referral.access.AccessAction;
import org.preventhub.referral.access.AccessLog;
import org.preventhub.referral.access.ReferralAccess;
import org.preventhub.referral.config.ReferralConfig;
import org.preventhub.platform.crypto.FieldCipher;
import org.preventhub.referral.crypto.KeyedHashes;
import org.preventhub.referral.plan.SupportPlans;
import org.preventhub.referral.referral.Vocabulary.ConsentGivenBy;
import org.preventhub.referral.referral.Vocabulary.PanelDecision;
import org.preventhub.referral.referral.Vocabulary.Urgency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Referrals from intake to the 12-month review. Personal fields are encrypted before they reach the entity and
 * decrypted only for a caller allowed to see them, with the read logged; each step records who, when and why,
 * and publishes a pseudonymous event.
 */
@ApplicationScoped
public class ReferralService {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final FieldCipher cipher;
    private final KeyedHashes hashes;
    private final Outbox outbox;
    private final AccessLog accessLog;
    private final ReferralAccess access;
    private final CurrentUser user;
    private final Areas areas;
    private final ReferralConfig config;
    private final SupportPlans plans;
    private final ObjectMapper mapper;
    private final ZoneId zone;
    private final Sectors sectors;

    public ReferralService(EntityManager em, FieldCipher cipher, KeyedHashes hashes, Outbox outbox, AccessLog accessLog,
            ReferralAccess access, CurrentUser user, Areas areas, ReferralConfig config, SupportPlans plans,
            ObjectMapper mapper, ReferenceDataConfig reference, Sectors sectors) {
        this.sectors = sectors;
        this.em = em;
        this.cipher = cipher;
        this.hashes = hashes;
        this.outbox = outbox;
        this.accessLog = accessLog;
        this.access = access;
        this.user = user;
        this.areas = areas;
        this.config = config;
        this.plans = plans;
        this.mapper = mapper;
        this.zone = reference.timezone();
    }

    /**
     * How far back a referrer may date a referral: the day its form or partner system recorded it, across a weekend or
     * an outage of the system that submits it. Earlier dates would move a referral into an earlier reporting year and
     * shorten its retention and reviews, which run from it; the Prevent lead, who keeps the caseload, enters earlier
     * (paper, migrated) referrals, back to the PAST window's start (1990).
     */
    public static final int REFERRER_DAYS_BACK = 7;

    public LocalDate today() {
        return LocalDate.now(zone);
    }

    /**
     * @return the status view: the full record is read with a purpose (and logged); and the answer of a create
     *         may be kept for idempotent replay, where personal data must not sit in clear
     */
    @Transactional
    public ReferralStatusView create(ReferralRequest request) {
        LocalDate today = today();
        LocalDate receivedOn = request.receivedOn() == null ? today : request.receivedOn();
        String agency = referringAgency(request);
        List<Violation> violations = new ArrayList<>();
        if (!areas.isKnown(request.person().area())) {
            violations.add(new Violation("person.area", "unknown area; known areas: " + String.join(", ", areas.all().keySet())));
        }
        if (!sectors.isKnown(request.referrer().sector())) {
            violations.add(new Violation("referrer.sector", sectors.unknown()));
        }
        LinkedHashSet<String> concerns = new LinkedHashSet<>();
        for (int i = 0; i < request.concernTypes().size(); i++) {
            String type = request.concernTypes().get(i).trim();
            if (!config.concernTypes().contains(type)) {
                violations.add(new Violation("concernTypes[" + i + "]", "unknown type of concern; known types: "
                        + String.join(", ", config.concernTypes())));
            }
            concerns.add(type);
        }
        if (receivedOn.isBefore(today.minusDays(REFERRER_DAYS_BACK)) && !user.hasRole(Roles.PREVENT_LEAD)) {
            violations.add(new Violation("receivedOn", "a referrer may date a referral at most " + REFERRER_DAYS_BACK
                    + " days back (from " + today.minusDays(REFERRER_DAYS_BACK) + "); only the Prevent lead enters "
                    + "earlier referrals"));
        }
        if (request.person().dateOfBirth().isAfter(receivedOn)) {
            violations.add(new Violation("person.dateOfBirth", "must be before the day the referral was received"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("The referral has " + violations.size() + " invalid field(s).",
                    violations.toArray(Violation[]::new));
        }

        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.pseudonym = hashes.pseudonym(referral.id);
        referral.reference = "CH-" + receivedOn.getYear() + "-"
                + String.format("%04d", ((Number) em.createNativeQuery("SELECT nextval('referral_reference_seq')")
                        .getSingleResult()).longValue());
        referral.status = ReferralStatus.RECEIVED;
        referral.referrerAgency = agency;
        referral.referrerSector = request.referrer().sector();
        referral.referrerContactEnc = encrypt(referral, "referrerContact", contact(request.referrer()));
        referral.createdBy = user.id();
        ReferralRequest.Person person = request.person();
        referral.personNameEnc = encrypt(referral, "name", person.name().strip());
        referral.nameIndex = hashes.nameIndex(person.name());
        referral.dateOfBirthEnc = encrypt(referral, "dateOfBirth", person.dateOfBirth().toString());
        referral.addressEnc = encrypt(referral, "address", blankToNull(person.address()));
        referral.schoolOrEmployerEnc = encrypt(referral, "schoolOrEmployer", blankToNull(person.schoolOrEmployer()));
        referral.ethnicityEnc = encrypt(referral, "ethnicity", blankToNull(person.ethnicity()));
        referral.vulnerabilitiesEnc = encrypt(referral, "vulnerabilities",
                person.vulnerabilities() == null || person.vulnerabilities().isEmpty() ? null : json(person.vulnerabilities()));
        referral.promptEnc = encrypt(referral, "prompt", request.prompt().strip());
        referral.gender = person.gender();
        referral.area = person.area();
        referral.ageBand = AgeBand.of(person.dateOfBirth(), receivedOn);
        referral.homeOfficeAgeBand = AgeBand.homeOffice(person.dateOfBirth(), receivedOn);
        referral.concernTypes = String.join(",", concerns);
        referral.urgency = request.urgency() == null ? Urgency.ROUTINE : request.urgency();
        referral.receivedOn = receivedOn;
        referral.stepTakenOn(receivedOn);
        referral.createdAt = Instant.now();
        referral.updatedAt = referral.createdAt;
        em.persist(referral);
        recordStep(referral, "received", null, null);
        accessLog.record(referral.id, AccessAction.CREATE, "referrer,person,concernTypes,prompt,urgency", null);
        publish(referral, ReferralEventTypes.RECEIVED, null, receivedOn);
        return ReferralStatusView.of(referral);
    }

    /** @return empty when the caller may not see the referral, or it does not exist */
    @Transactional
    public Optional<Object> get(UUID id, String purpose) {
        return visible(id).map(referral -> {
            if (access.viewOf(referral) == ReferralAccess.View.FULL) {
                String why = AccessLog.requirePurpose(purpose);
                accessLog.record(referral.id, AccessAction.READ, "referrer,person,concernTypes,prompt,journey,supportPlan", why);
                return fullView(referral);
            }
            accessLog.record(referral.id, AccessAction.READ, "status", AccessLog.optionalPurpose(purpose));
            return ReferralStatusView.of(referral);
        });
    }

    /** The caller's referrals: all for the Prevent lead, their panels' open ones for a member, their agency's for a referrer. */
    @Transactional
    public Page<Object> list(ReferralFilter filter, PageParams page, String purpose) {
        return find(filter.status, filter.area, filter.concernType, filter.from, filter.to, null, page, purpose);
    }

    /**
     * The Prevent lead's search by name, on the keyed hash of the normalised name. The search itself is logged,
     * found or not, without the name; each hit is logged too.
     */
    @Transactional
    public Page<Object> search(ReferralSearch search, PageParams page, String purpose) {
        String why = AccessLog.requirePurpose(purpose);
        accessLog.recordSearch("nameSearch", why);
        return find(search.status(), search.area(), search.concernType(), search.from(), search.to(),
                hashes.nameIndex(search.name()), page, why);
    }

    private Page<Object> find(ReferralStatus status, String area, String concernType, LocalDate from, LocalDate to,
            String nameIndex, PageParams page, String purpose) {
        boolean lead = user.hasRole(Roles.PREVENT_LEAD);
        boolean panel = user.hasRole(Roles.CHANNEL_PANEL);
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new java.util.HashMap<>();
        if (!lead) {
            List<String> scopes = new ArrayList<>();
            if (panel) {
                scopes.add("(r.id IN (SELECT a.referral_id FROM agenda_item a JOIN panel_member m ON m.panel_id = a.panel_id "
                        + "WHERE m.user_id = :userId) AND r.status NOT IN ('NO_FURTHER_ACTION','SIGNPOSTED','NOT_ADOPTED',"
                        + "'CONSENT_REFUSED','EXITED','CLOSED'))");
                params.put("userId", user.id());
            }
            if (user.hasRole(Roles.REFERRER) && user.agency().isPresent()) {
                scopes.add("r.referrer_agency = :agency");
                params.put("agency", user.agency().get());
            }
            if (scopes.isEmpty()) {
                return Page.of(List.of(), page, 0);
            }
            clauses.add("(" + String.join(" OR ", scopes) + ")");
        }
        if (nameIndex != null) {
            clauses.add("r.name_index = :nameIndex");
            params.put("nameIndex", nameIndex);
        }
        if (status != null) {
            clauses.add("r.status = :status");
            params.put("status", status.name());
        }
        if (area != null) {
            clauses.add("r.area = :area");
            params.put("area", area);
        }
        if (concernType != null) {
            clauses.add("(',' || r.concern_types || ',') LIKE :concern");
            params.put("concern", "%," + concernType + ",%");
        }
        if (from != null) {
            clauses.add("r.received_on >= :from");
            params.put("from", from);
        }
        if (to != null) {
            clauses.add("r.received_on <= :to");
            params.put("to", to);
        }
        String where = clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        var count = em.createNativeQuery("SELECT count(*) FROM referral r" + where);
        var select = em.createNativeQuery("SELECT r.* FROM referral r" + where
                + " ORDER BY r.received_on DESC, r.reference DESC LIMIT :limit OFFSET :offset", Referral.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            select.setParameter(k, v);
        });
        select.setParameter("limit", page.size).setParameter("offset", (long) page.page * page.size);
        @SuppressWarnings("unchecked")
        List<Referral> found = select.getResultList();
        long total = ((Number) count.getSingleResult()).longValue();
        List<Object> items = new ArrayList<>();
        String given = AccessLog.optionalPurpose(purpose);
        String why = null;
        for (Referral referral : found) {
            if (access.viewOf(referral) == ReferralAccess.View.FULL) {
                if (why == null) {
                    why = AccessLog.requirePurpose(purpose);
                }
                accessLog.record(referral.id, AccessAction.SEARCH_HIT, "personName,ageBand,gender,area,concernTypes", why);
                items.add(summary(referral));
            } else {
                // A referrer's view is status only, but it is still a read of a referral: logged too.
                accessLog.record(referral.id, AccessAction.SEARCH_HIT, "status", given);
                items.add(ReferralStatusView.of(referral));
            }
        }
        return Page.of(items, page, total);
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
            LocalDate on = body.on() == null ? today() : body.on();
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
                    SupportPlans.requireContent(body.plan());
                    plans.add(referral, body.plan(), on, null);
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
            recordStep(referral, action, from, body.reason());
            em.flush(); // the version check happens here: a concurrent step makes this one 409
            accessLog.record(referral.id, AccessAction.CHANGE, "status,journey", null);
            publish(referral, type, from, on);
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
        recordStep(referral, Actions.PANEL_DECISION, from, minutes);
        em.flush();
        accessLog.record(referral.id, AccessAction.CHANGE, "status,journey,panelMinutes", null);
        publish(referral, decision == PanelDecision.ADOPTED ? ReferralEventTypes.ADOPTED : ReferralEventTypes.NOT_ADOPTED,
                from, panelDate);
    }

    @Transactional
    public Optional<List<Map<String, Object>>> history(UUID id, String purpose) {
        return visible(id).filter(r -> access.viewOf(r) == ReferralAccess.View.FULL).map(referral -> {
            accessLog.record(referral.id, AccessAction.READ, "history", AccessLog.requirePurpose(purpose));
            return steps(referral);
        });
    }

    @Transactional
    public Optional<ReferralJourneyView> legalHold(UUID id, boolean hold, String reason) {
        return Optional.ofNullable(em.find(Referral.class, id)).map(referral -> {
            referral.legalHold = hold;
            referral.legalHoldReasonEnc = hold ? encrypt(referral, "legalHoldReason", reason) : null;
            referral.updatedAt = Instant.now();
            recordStep(referral, hold ? "legal-hold" : "legal-hold-lifted", referral.status, reason);
            accessLog.record(referral.id, AccessAction.CHANGE, "legalHold", null);
            return ReferralJourneyView.of(referral);
        });
    }

    /** Cases whose 6- or 12-month review is due before {@code asOf}. */
    @Transactional
    public List<ReferralSummary> overdueReviews(LocalDate asOf, String purpose) {
        List<Referral> due = em.createQuery("from Referral r where r.nextReviewDue < :asOf and r.status = :exited "
                + "order by r.nextReviewDue", Referral.class)
                .setParameter("asOf", asOf).setParameter("exited", ReferralStatus.EXITED).getResultList();
        String why = due.isEmpty() ? null : AccessLog.requirePurpose(purpose);
        return due.stream().map(r -> {
            accessLog.record(r.id, AccessAction.SEARCH_HIT, "personName,nextReviewDue", why);
            return summary(r);
        }).toList();
    }

    /** Open referrals whose latest step is older than the configured {@code stalled-after}, on {@code asOf}. */
    @Transactional
    public List<ReferralSummary> stalled(LocalDate asOf, String purpose) {
        List<Referral> stalled = em.createQuery("from Referral r where r.lastStepOn < :before and r.status in :open "
                + "order by r.lastStepOn, r.reference", Referral.class)
                .setParameter("before", asOf.minus(config.stalledAfter()))
                .setParameter("open", openStatuses()).getResultList();
        String why = stalled.isEmpty() ? null : AccessLog.requirePurpose(purpose);
        return stalled.stream().map(r -> {
            accessLog.record(r.id, AccessAction.SEARCH_HIT, "personName,lastStepOn", why);
            return summary(r);
        }).toList();
    }

    /** How many have stalled, for the nightly log line (no ids, no names). */
    @Transactional
    public long stalledCount(LocalDate asOf) {
        return em.createQuery("select count(r) from Referral r where r.lastStepOn < :before and r.status in :open", Long.class)
                .setParameter("before", asOf.minus(config.stalledAfter())).setParameter("open", openStatuses())
                .getSingleResult();
    }

    private static List<ReferralStatus> openStatuses() {
        return java.util.Arrays.stream(ReferralStatus.values()).filter(ReferralStatus::isOpen).toList();
    }

    public Optional<Referral> visible(UUID id) {
        return Optional.ofNullable(em.find(Referral.class, id)).filter(r -> access.viewOf(r) != ReferralAccess.View.NONE);
    }

    // --- views -------------------------------------------------------------------------------------------------

    public ReferralView fullView(Referral r) {
        return new ReferralView(r.id, r.reference, r.status, r.status.allowedActions(),
                new ReferralView.Referrer(r.referrerAgency, r.referrerSector, decrypt(r, "referrerContact", r.referrerContactEnc)),
                new ReferralView.Person(decrypt(r, "name", r.personNameEnc), date(decrypt(r, "dateOfBirth", r.dateOfBirthEnc)),
                        r.gender.name(), r.ageBand, decrypt(r, "address", r.addressEnc), r.area,
                        decrypt(r, "schoolOrEmployer", r.schoolOrEmployerEnc), decrypt(r, "ethnicity", r.ethnicityEnc),
                        strings(decrypt(r, "vulnerabilities", r.vulnerabilitiesEnc))),
                r.concernTypeList(), decrypt(r, "prompt", r.promptEnc), r.urgency.name(),
                ReferralView.journey(r), plans.current(r.id).orElse(null),
                r.legalHold, r.erasedAt != null, r.version);
    }

    ReferralSummary summary(Referral r) {
        return new ReferralSummary(r.id, r.reference, r.status, decrypt(r, "name", r.personNameEnc), r.ageBand,
                r.gender.name(), r.area, r.concernTypeList(), r.receivedOn, r.nextReviewDue, r.lastStepOn);
    }

    public List<Map<String, Object>> steps(Referral referral) {
        TypedQuery<ReferralStep> query = em.createQuery("from ReferralStep s where s.referralId = :id order by s.at, s.id",
                ReferralStep.class).setParameter("id", referral.id);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (ReferralStep step : query.getResultList()) {
            Map<String, Object> entry = new java.util.LinkedHashMap<>();
            entry.put("action", step.action);
            entry.put("from", step.fromStatus);
            entry.put("to", step.toStatus);
            entry.put("by", step.actorName);
            entry.put("role", step.actorRole);
            entry.put("agency", step.actorAgency);
            entry.put("at", step.at);
            entry.put("reason", cipher.decrypt(step.reasonEnc, "referral-step/" + step.id + "/reason"));
            steps.add(entry);
        }
        return steps;
    }

    public ReferralSnapshot snapshot(Referral r) {
        return new ReferralSnapshot(r.pseudonym, r.status.name(), r.receivedOn, r.referrerSector,
                r.concernTypeList(), r.ageBand, r.gender.name(), r.area, r.urgency.name(), r.screenedOn,
                r.screeningOutcome, r.discussedAtPanelOn, r.panelOutcome, r.consentOn, r.consent, r.supportStartedOn,
                r.exitedOn, r.exitOutcome, r.reviewsDone, r.nextReviewDue, r.closedOn,
                config.homeOfficeConcernType(r.concernTypeList().get(0)), r.homeOfficeAgeBand);
    }

    // --- steps ---------------------------------------------------------------------------------------------------

    private void recordConsent(Referral referral, StepRequest body, LocalDate on) {
        if (body.consentGiven() == null) {
            throw ProblemException.invalidField("consentGiven", "true or false");
        }
        referral.consentOn = on;
        if (body.consentGiven()) {
            if (body.consentGivenBy() == null) {
                throw ProblemException.invalidField("consentGivenBy", "PERSON or PARENT_OR_GUARDIAN");
            }
            LocalDate dateOfBirth = date(decrypt(referral, "dateOfBirth", referral.dateOfBirthEnc));
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

    private static void close(Referral referral, LocalDate on, java.time.Period keepFor) {
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

    /** Who did what, when and why: every step and change of a referral's journey or plan. */
    public void recordStep(Referral referral, String action, ReferralStatus from, String reason) {
        ReferralStep step = new ReferralStep();
        step.id = UUID.randomUUID();
        step.referralId = referral.id;
        step.action = action;
        step.fromStatus = from;
        step.toStatus = referral.status;
        step.actorId = user.id();
        step.actorName = user.name();
        step.actorRole = mainRole();
        step.actorAgency = user.agency().orElse(null);
        step.at = Instant.now();
        step.reasonEnc = reason == null || reason.isBlank() ? null : cipher.encrypt(reason.strip(), "referral-step/" + step.id + "/reason");
        em.persist(step);
    }

    private String mainRole() {
        for (String role : List.of(Roles.PREVENT_LEAD, Roles.CHANNEL_PANEL, Roles.REFERRER, Roles.ADMIN)) {
            if (user.hasRole(role)) {
                return role;
            }
        }
        return "other";
    }

    private void publish(Referral referral, String type, ReferralStatus from, LocalDate on) {
        outbox.record(ReferralEventTypes.AGGREGATE_REFERRAL, referral.pseudonym, type,
                new ReferralStageChanged(snapshot(referral), from == null ? null : from.name(), on));
    }

    private String referringAgency(ReferralRequest request) {
        if (user.hasRole(Roles.PREVENT_LEAD) && request.referrer().agency() != null && !request.referrer().agency().isBlank()) {
            String agency = request.referrer().agency().trim();
            if (!agency.matches("[a-z0-9][a-z0-9-]{0,99}")) {
                throw ProblemException.invalidField("referrer.agency", "lower-case letters, digits and dashes");
            }
            return agency;
        }
        return user.agency().orElseThrow(() -> ProblemException.forbidden(
                "Your account has no agency, so the referral cannot be attributed to one."));
    }

    // --- encryption helpers ------------------------------------------------------------------------------------------

    private String encrypt(Referral referral, String field, String value) {
        return cipher.encrypt(value, referral.context(field));
    }

    public String decrypt(Referral referral, String field, String value) {
        return cipher.decrypt(value, referral.context(field));
    }

    private static String contact(ReferralRequest.Referrer referrer) {
        List<String> parts = new ArrayList<>();
        for (String part : new String[] { referrer.contactName(), referrer.contactEmail(), referrer.contactPhone() }) {
            if (part != null && !part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts.isEmpty() ? null : String.join(" · ", parts);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> strings(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return mapper.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
