package org.preventhub.referral.retention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.referral.access.AccessAction;
import org.preventhub.referral.access.AccessLog;
import org.preventhub.platform.crypto.FieldCipher;
import org.preventhub.referral.crypto.KeyedHashes;
import org.preventhub.referral.plan.SupportPlanRepository;
import org.preventhub.referral.referral.Referral;
import org.preventhub.referral.referral.ReferralHistory;
import org.preventhub.referral.referral.ReferralViews;
import org.preventhub.referral.referral.ReferralView;

/** A subject access request: everything held about one person, for the Prevent lead to answer it. */
@ApplicationScoped
public class SubjectAccessService {

    private final EntityManager em;
    private final ReferralViews views;
    private final ReferralHistory history;
    private final KeyedHashes hashes;
    private final FieldCipher cipher;
    private final AccessLog accessLog;
    private final SupportPlanRepository plans;

    public SubjectAccessService(EntityManager em, ReferralViews views, ReferralHistory history, KeyedHashes hashes, FieldCipher cipher,
            AccessLog accessLog, SupportPlanRepository plans) {
        this.em = em;
        this.views = views;
        this.history = history;
        this.hashes = hashes;
        this.cipher = cipher;
        this.accessLog = accessLog;
        this.plans = plans;
    }

    /**
     * Found by name (as the name search matches it) and, to tell namesakes apart, date of birth. The request is
     * logged whether or not anything is found (without the name); each referral exported is logged as an EXPORT.
     */
    @Transactional
    public Map<String, Object> export(String name, LocalDate dateOfBirth, String purpose) {
        String why = AccessLog.requirePurpose(purpose);
        accessLog.recordSearch("subjectAccess", why);
        List<Referral> found = em.createQuery("from Referral r where r.nameIndex = :index order by r.receivedOn",
                Referral.class).setParameter("index", hashes.nameIndex(name)).getResultList();
        List<Map<String, Object>> records = new ArrayList<>();
        for (Referral referral : found) {
            ReferralView view = views.fullView(referral);
            if (dateOfBirth != null && !dateOfBirth.equals(view.person().dateOfBirth())) {
                continue;
            }
            accessLog.record(referral.id, AccessAction.EXPORT, "everything", why);
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("referral", view);
            record.put("history", history.steps(referral));
            record.put("supportPlanRevisions", plans.history(referral.id));
            record.put("panelMinutes", minutes(referral.id));
            record.put("accessLog", accessLog.forReferral(referral.id));
            records.add(record);
        }
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("name", name);
        export.put("dateOfBirth", dateOfBirth);
        export.put("records", records);
        return export;
    }

    private List<Map<String, Object>> minutes(UUID referralId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT p.id, p.meets_on, a.decision, a.minutes_enc FROM agenda_item a JOIN channel_panel p ON p.id = a.panel_id
                WHERE a.referral_id = ?1 ORDER BY p.meets_on""").setParameter(1, referralId).getResultList();
        List<Map<String, Object>> minutes = new ArrayList<>();
        for (Object[] row : rows) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("panelMeetsOn", row[1]);
            entry.put("decision", row[2]);
            entry.put("minutes", row[3] == null ? null
                    : cipher.decrypt((String) row[3], "agenda/" + row[0] + "/" + referralId + "/minutes"));
            minutes.add(entry);
        }
        return minutes;
    }
}
