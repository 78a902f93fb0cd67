package org.preventhub.referral.access;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.problem.Violation;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.request.RequestIds;

/**
 * The access log: who read, found, exported or changed which referral, when, which fields, and why. Written in
 * the same transaction as the access; the table refuses updates and deletes (see the migration).
 */
@ApplicationScoped
public class AccessLog {

    public static final String PURPOSE_HEADER = "X-Access-Purpose";

    private final EntityManager em;
    private final CurrentUser user;

    public AccessLog(EntityManager em, CurrentUser user) {
        this.em = em;
        this.user = user;
    }

    /** The longest purpose kept: a short phrase, not a narrative. */
    public static final int PURPOSE_MAX = 200;

    /**
     * Reads of personal data must say why. The purpose is kept in the append-only log for good, beyond the erasure
     * of the record it concerns, so it must not contain personal data (say "Preparing the March panel", not whom).
     */
    public static String requirePurpose(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw ProblemException.badRequest("Reading personal data needs a purpose.",
                    new Violation(PURPOSE_HEADER, "say why you need this record, e.g. 'Preparing the March panel'"));
        }
        return optionalPurpose(purpose);
    }

    /** A purpose given where none is required (status reads): checked the same way, null when absent. */
    public static String optionalPurpose(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            return null;
        }
        String stripped = purpose.strip();
        if (stripped.length() > PURPOSE_MAX) {
            throw ProblemException.invalidField(PURPOSE_HEADER, "at most " + PURPOSE_MAX + " characters, and no personal data");
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalidField(PURPOSE_HEADER, "no control characters");
        }
        return stripped;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID referralId, AccessAction action, String fields, String purpose) {
        String roles = user.roles().stream().sorted().collect(Collectors.joining(","));
        insert(user.id(), user.name(), roles, user.agency().orElse(null), referralId, action, fields, purpose);
    }

    /**
     * A search, recorded whether or not it found anything; what was searched for is not recorded (a name would
     * outlive the erasure of the person's record here), the hits are, as {@link AccessAction#SEARCH_HIT} rows with
     * the same request id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordSearch(String what, String purpose) {
        record(null, AccessAction.SEARCH, what, purpose);
    }

    /** For work done by the service itself (the retention job). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordBySystem(String job, UUID referralId, AccessAction action, String fields) {
        insert("system:" + job, job, "system", null, referralId, action, fields, null);
    }

    private void insert(String actorId, String actorName, String roles, String agency, UUID referralId,
            AccessAction action, String fields, String purpose) {
        em.createNativeQuery("""
                INSERT INTO access_log (actor_id, actor_name, actor_roles, actor_agency, referral_id, action, fields,
                    purpose, request_id)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, actorId).setParameter(2, actorName).setParameter(3, roles)
                .setParameter(4, agency).setParameter(5, referralId).setParameter(6, action.name())
                .setParameter(7, fields).setParameter(8, purpose).setParameter(9, RequestIds.current())
                .executeUpdate();
    }

    /** A referral's log, for the Prevent lead; reading it is itself a read of the referral, logged with its purpose. */
    @Transactional
    public Optional<List<AccessLogEntry>> read(UUID referralId, String purpose) {
        // By id alone: this package sits below the referral package and does not load its entity.
        if (((Number) em.createNativeQuery("SELECT count(*) FROM referral WHERE id = ?1").setParameter(1, referralId)
                .getSingleResult()).longValue() == 0) {
            return Optional.empty();
        }
        record(referralId, AccessAction.READ, "accessLog", requirePurpose(purpose));
        return Optional.of(forReferral(referralId));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<AccessLogEntry> forReferral(UUID referralId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, at, actor_id, actor_name, actor_roles, actor_agency, referral_id, action, fields, purpose,
                       request_id
                FROM access_log WHERE referral_id = ?1 ORDER BY id""").setParameter(1, referralId).getResultList();
        return rows.stream().map(r -> new AccessLogEntry(((Number) r[0]).longValue(), toInstant(r[1]), (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (UUID) r[6], AccessAction.valueOf((String) r[7]),
                (String) r[8], (String) r[9], (String) r[10])).toList();
    }

    private static java.time.Instant toInstant(Object value) {
        if (value instanceof java.time.Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
