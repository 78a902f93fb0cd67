package org.preventhub.referral.access;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.security.Roles;
import org.preventhub.referral.referral.Referral;

/**
 * Who may see what of a referral. The Prevent lead sees everything; a Channel panel member sees, in full, the
 * open referrals on the agendas of the panels they sit on; a referrer sees the status and outcome of their own
 * agency's referrals. Nobody else sees anything, and a referral one may not see answers 404, as if it did not
 * exist.
 */
@ApplicationScoped
public class ReferralAccess {

    public enum View {
        NONE, STATUS, FULL
    }

    private final EntityManager em;
    private final CurrentUser user;

    public ReferralAccess(EntityManager em, CurrentUser user) {
        this.em = em;
        this.user = user;
    }

    public View viewOf(Referral referral) {
        if (user.hasRole(Roles.PREVENT_LEAD)) {
            return View.FULL;
        }
        if (user.hasRole(Roles.CHANNEL_PANEL) && referral.status.isOpen() && sitsOnPanelOf(referral.id)) {
            return View.FULL;
        }
        if (user.hasRole(Roles.REFERRER) && user.agency().filter(referral.referrerAgency::equals).isPresent()) {
            return View.STATUS;
        }
        return View.NONE;
    }

    public boolean sitsOnPanelOf(UUID referralId) {
        Number count = (Number) em.createNativeQuery("""
                SELECT count(*) FROM agenda_item a JOIN panel_member m ON m.panel_id = a.panel_id
                WHERE a.referral_id = ?1 AND m.user_id = ?2""")
                .setParameter(1, referralId).setParameter(2, user.id()).getSingleResult();
        return count.longValue() > 0;
    }
}
