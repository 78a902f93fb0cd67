package org.preventhub.referral.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.contracts.referral.ReferralEventTypes;
import org.preventhub.platform.crypto.FieldCipher;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.problem.Violation;
import org.preventhub.platform.reference.Areas;
import org.preventhub.platform.reference.Sectors;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.security.Roles;
import org.preventhub.referral.access.AccessAction;
import org.preventhub.referral.access.AccessLog;
import org.preventhub.referral.config.ReferralConfig;
import org.preventhub.referral.crypto.KeyedHashes;
import org.preventhub.referral.referral.Vocabulary.Urgency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A referral received: checked against the deployment's vocabularies, its personal fields encrypted before they
 * reach the entity, the first step recorded and a pseudonymous event published.
 */
@ApplicationScoped
public class ReferralIntake {

    private final EntityManager em;
    private final FieldCipher cipher;
    private final KeyedHashes hashes;
    private final AccessLog accessLog;
    private final CurrentUser user;
    private final Areas areas;
    private final Sectors sectors;
    private final ReferralConfig config;
    private final ObjectMapper mapper;
    private final ReferralClock clock;
    private final ReferralHistory history;
    private final ReferralEvents events;

    public ReferralIntake(EntityManager em, FieldCipher cipher, KeyedHashes hashes, AccessLog accessLog, CurrentUser user,
            Areas areas, Sectors sectors, ReferralConfig config, ObjectMapper mapper, ReferralClock clock,
            ReferralHistory history, ReferralEvents events) {
        this.em = em;
        this.cipher = cipher;
        this.hashes = hashes;
        this.accessLog = accessLog;
        this.user = user;
        this.areas = areas;
        this.sectors = sectors;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
        this.history = history;
        this.events = events;
    }

    /**
     * How far back a referrer may date a referral: the day its form or partner system recorded it, across a weekend or
     * an outage of the system that submits it. Earlier dates would move a referral into an earlier reporting year and
     * shorten its retention and reviews, which run from it; the Prevent lead, who keeps the caseload, enters earlier
     * (paper, migrated) referrals, back to the PAST window's start (1990).
     */
    public static final int REFERRER_DAYS_BACK = 7;

    /**
     * @return the status view: the full record is read with a purpose (and logged); and the answer of a create
     *         may be kept for idempotent replay, where personal data must not sit in clear
     */
    @Transactional
    public ReferralStatusView create(ReferralRequest request) {
        LocalDate today = clock.today();
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
        history.recordStep(referral, "received", null, null);
        accessLog.record(referral.id, AccessAction.CREATE, "referrer,person,concernTypes,prompt,urgency", null);
        events.publish(referral, ReferralEventTypes.RECEIVED, null, receivedOn);
        return ReferralStatusView.of(referral);
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

    private String encrypt(Referral referral, String field, String value) {
        return cipher.encrypt(value, referral.context(field));
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
