package org.preventhub.referral.reminder;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.platform.crypto.FieldCipher;
import org.preventhub.platform.reminder.DueReminder;
import org.preventhub.platform.reminder.StaffReminderSource;
import org.preventhub.platform.security.Roles;

/**
 * Channel work falling due: a case's 6- and 12-month reviews after exit, a support plan's review, a referral
 * stalled at its stage. Each is for the Prevent lead (who keeps the caseload), the case officer (who agreed or last
 * revised the support plan) and the members of the panels that discussed it. Read from the non-personal columns
 * only (id, reference, stage, dates): a reminder names the referral by its reference, never the person.
 */
@ApplicationScoped
public class ReferralReminders implements StaffReminderSource {

    private static final List<String> OPEN = List.of("RECEIVED", "IN_SCREENING", "LISTED_FOR_PANEL", "ADOPTED",
            "CONSENT_GIVEN", "IN_SUPPORT");
    private static final Set<String> LEAD = Set.of(Roles.PREVENT_LEAD);

    private final EntityManager em;
    private final FieldCipher cipher;
    private final ReferralReminderConfig config;

    public ReferralReminders(EntityManager em, FieldCipher cipher, ReferralReminderConfig config) {
        this.em = em;
        this.cipher = cipher;
        this.config = config;
    }

    @Override
    public FieldCipher cipher() {
        return cipher;
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<DueReminder> due(LocalDate today) {
        LocalDate horizon = today.plus(config.lead());
        List<DueReminder> due = new ArrayList<>();
        List<Object[]> reviews = em.createNativeQuery("""
                SELECT id, reference, reviews_done, next_review_due FROM referral
                WHERE status = 'EXITED' AND next_review_due IS NOT NULL AND next_review_due <= ?1""")
                .setParameter(1, Date.valueOf(horizon)).getResultList();
        List<Object[]> plans = em.createNativeQuery("""
                SELECT r.id, r.reference, max(p.agreed_on) FROM referral r
                JOIN support_plan_revision p ON p.referral_id = r.id
                WHERE r.status = 'IN_SUPPORT' GROUP BY r.id, r.reference""").getResultList();
        List<Object[]> stalled = em.createNativeQuery("""
                SELECT id, reference, status, last_step_on FROM referral
                WHERE status IN (?1) AND last_step_on <= ?2""")
                .setParameter(1, OPEN).setParameter(2, Date.valueOf(today.minusDays(config.stalledAfterDays())))
                .getResultList();
        Set<UUID> ids = new HashSet<>();
        reviews.forEach(r -> ids.add((UUID) r[0]));
        plans.forEach(r -> ids.add((UUID) r[0]));
        stalled.forEach(r -> ids.add((UUID) r[0]));
        Map<UUID, Set<String>> people = people(ids);
        for (Object[] r : reviews) {
            boolean first = ((Number) r[2]).intValue() == 0;
            due.add(reminder(first ? "REVIEW_6_MONTHS" : "REVIEW_12_MONTHS",
                    first ? "6-month review after exit" : "12-month review after exit", r[0], r[1], day(r[3]), people));
        }
        for (Object[] r : plans) {
            LocalDate review = day(r[2]).plus(config.supportPlanReviewEvery());
            if (!review.isAfter(horizon)) {
                due.add(reminder("SUPPORT_PLAN_REVIEW", "Support plan review", r[0], r[1], review, people));
            }
        }
        for (Object[] r : stalled) {
            LocalDate since = day(r[3]);
            due.add(reminder("STALLED", "No step for " + config.stalledAfterDays() + " days at stage " + r[2],
                    r[0], r[1], since.plusDays(config.stalledAfterDays()), people));
        }
        return due;
    }

    private static DueReminder reminder(String kind, String what, Object id, Object reference, LocalDate dueOn,
            Map<UUID, Set<String>> people) {
        UUID referral = (UUID) id;
        return new DueReminder(kind, referral.toString(), (String) reference, what, dueOn, "/referrals/" + referral,
                people.getOrDefault(referral, Set.of()), LEAD);
    }

    /** Each referral's case officer (who agreed or last revised its plan) and its panels' members. */
    @SuppressWarnings("unchecked")
    private Map<UUID, Set<String>> people(Set<UUID> referrals) {
        Map<UUID, Set<String>> people = new HashMap<>();
        if (referrals.isEmpty()) {
            return people;
        }
        List<Object[]> rows = em.createNativeQuery("""
                SELECT DISTINCT ON (referral_id) referral_id, revised_by FROM support_plan_revision
                WHERE referral_id IN (:ids) ORDER BY referral_id, revision DESC""")
                .setParameter("ids", referrals).getResultList();
        rows.addAll(em.createNativeQuery("""
                SELECT a.referral_id, m.user_id FROM agenda_item a JOIN panel_member m ON m.panel_id = a.panel_id
                WHERE a.referral_id IN (:ids)""").setParameter("ids", referrals).getResultList());
        rows.forEach(r -> people.computeIfAbsent((UUID) r[0], k -> new HashSet<>()).add((String) r[1]));
        return people;
    }

    private static LocalDate day(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
