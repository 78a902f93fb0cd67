package org.preventhub.referral.referral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.preventhub.platform.crypto.FieldCipher;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.security.Roles;

/** Who did what, when and why: every step and change of a referral's journey or plan, the reason encrypted. */
@ApplicationScoped
public class ReferralHistory {

    private final EntityManager em;
    private final FieldCipher cipher;
    private final CurrentUser user;

    public ReferralHistory(EntityManager em, FieldCipher cipher, CurrentUser user) {
        this.em = em;
        this.cipher = cipher;
        this.user = user;
    }

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

    /** The steps, oldest first, decrypted: the caller has checked access and logs the read. */
    public List<Map<String, Object>> steps(Referral referral) {
        List<ReferralStep> found = em.createQuery("from ReferralStep s where s.referralId = :id order by s.at, s.id",
                ReferralStep.class).setParameter("id", referral.id).getResultList();
        List<Map<String, Object>> steps = new ArrayList<>();
        for (ReferralStep step : found) {
            Map<String, Object> entry = new LinkedHashMap<>();
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

    private String mainRole() {
        for (String role : List.of(Roles.PREVENT_LEAD, Roles.CHANNEL_PANEL, Roles.REFERRER, Roles.ADMIN)) {
            if (user.hasRole(role)) {
                return role;
            }
        }
        return "other";
    }
}
