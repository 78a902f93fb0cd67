package org.preventhub.referral.plan;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.crypto.FieldCipher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where support plans are kept: one row per revision, the plan and the reason encrypted. Used inside the callers'
 * transactions; access checks and logging are theirs.
 */
@ApplicationScoped
public class SupportPlanRepository {

    private final EntityManager em;
    private final FieldCipher cipher;
    private final ObjectMapper mapper;
    private final CurrentUser user;

    public SupportPlanRepository(EntityManager em, FieldCipher cipher, ObjectMapper mapper, CurrentUser user) {
        this.em = em;
        this.cipher = cipher;
        this.mapper = mapper;
        this.user = user;
    }

    public static void requireContent(SupportPlan plan) {
        if (plan == null || ((plan.providers() == null || plan.providers().isEmpty())
                && (plan.actions() == null || plan.actions().isEmpty()))) {
            throw ProblemException.invalidField("plan", "name the intervention providers or the actions");
        }
    }

    /** @return the new revision's number (1 for the first plan) */
    @Transactional(Transactional.TxType.MANDATORY)
    public int add(UUID referralId, SupportPlan plan, LocalDate agreedOn, String reason) {
        int revision = 1 + ((Number) em.createNativeQuery(
                "SELECT coalesce(max(revision), 0) FROM support_plan_revision WHERE referral_id = ?1")
                .setParameter(1, referralId).getSingleResult()).intValue();
        String context = context(referralId, revision);
        // Two revisions at once compute the same number: the primary key lets one in, the other is 409.
        em.createNativeQuery("""
                INSERT INTO support_plan_revision (referral_id, revision, plan_enc, reason_enc, agreed_on, revised_by,
                    revised_by_name, revised_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, referralId).setParameter(2, revision)
                .setParameter(3, cipher.encrypt(json(plan), context))
                .setParameter(4, reason == null || reason.isBlank() ? null : cipher.encrypt(reason.strip(), context + "/reason"))
                .setParameter(5, agreedOn).setParameter(6, user.id()).setParameter(7, user.name())
                .setParameter(8, Instant.now()).executeUpdate();
        return revision;
    }

    /** The day the current plan was agreed, without decrypting anything. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<LocalDate> lastAgreedOn(UUID referralId) {
        @SuppressWarnings("unchecked")
        List<Object> dates = em.createNativeQuery("SELECT max(agreed_on) FROM support_plan_revision WHERE referral_id = ?1")
                .setParameter(1, referralId).getResultList();
        return dates.isEmpty() || dates.get(0) == null ? Optional.empty() : Optional.of(toDate(dates.get(0)));
    }

    /** Every revision, oldest first, decrypted: the caller has checked access and logs the read. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Revision> history(UUID referralId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT revision, plan_enc, reason_enc, agreed_on, revised_by_name, revised_at
                FROM support_plan_revision WHERE referral_id = ?1 ORDER BY revision""")
                .setParameter(1, referralId).getResultList();
        List<Revision> revisions = new ArrayList<>();
        for (Object[] row : rows) {
            int revision = ((Number) row[0]).intValue();
            String context = context(referralId, revision);
            SupportPlan plan = plan(cipher.decrypt((String) row[1], context));
            revisions.add(new Revision(revision, plan == null ? null : plan.providers(),
                    plan == null ? null : plan.actions(), toDate(row[3]), (String) row[4], toInstant(row[5]),
                    cipher.decrypt((String) row[2], context + "/reason")));
        }
        return revisions;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Revision> current(UUID referralId) {
        List<Revision> revisions = history(referralId);
        return revisions.isEmpty() ? Optional.empty() : Optional.of(revisions.get(revisions.size() - 1));
    }

    /** For the retention job: the plans go, the fact that there were revisions (and when) stays. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID referralId) {
        em.createNativeQuery("UPDATE support_plan_revision SET plan_enc = NULL, reason_enc = NULL WHERE referral_id = ?1")
                .setParameter(1, referralId).executeUpdate();
    }

    /** Revision 1 keeps the associated data plans were written with before there were revisions. */
    static String context(UUID referralId, int revision) {
        String base = "referral/" + referralId + "/supportPlan";
        return revision == 1 ? base : base + "/" + revision;
    }

    private String json(SupportPlan plan) {
        try {
            return mapper.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private SupportPlan plan(String json) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readValue(json, SupportPlan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored support plan is not readable", e);
        }
    }

    private static LocalDate toDate(Object value) {
        return value instanceof LocalDate date ? date : ((java.sql.Date) value).toLocalDate();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
