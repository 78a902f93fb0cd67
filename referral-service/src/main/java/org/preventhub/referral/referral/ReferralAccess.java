package org.preventhub.referral.referral;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.security.Roles;

/**
 * Who may see what of a referral. The Prevent lead sees everything; a Channel panel member sees, in full, the
 * open referrals on the agendas of the panels they sit on; a referrer sees the status and outcome of their own
 * agency's referrals. Nobody else sees anything, and a referral one may not see answers 404, as if it did not
 * exist. The rule is written once, here, twice over: as a predicate on one referral ({@link #viewOf}) and as
 * the SQL condition for lists ({@link #sqlScope}); "open" comes from {@link ReferralStatus#isOpen()} in both.
 */
@ApplicationScoped
public class ReferralAccess {

    public enum View {
        NONE, STATUS, FULL
    }

    /** A condition on the table aliased {@code r}, with its named parameters. */
    public record SqlScope(String condition, Map<String, Object> parameters) {
    }

    private static final String ON_CALLERS_PANELS = "r.id IN (SELECT a.referral_id FROM agenda_item a "
            + "JOIN panel_member m ON m.panel_id = a.panel_id WHERE m.user_id = :scopeUserId)";

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

    /** @return the referrals the caller may see at all (status or full), as SQL; empty when they may see none */
    public Optional<SqlScope> sqlScope() {
        if (user.hasRole(Roles.PREVENT_LEAD)) {
            return Optional.of(new SqlScope("TRUE", Map.of()));
        }
        List<String> scopes = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (user.hasRole(Roles.CHANNEL_PANEL)) {
            scopes.add("(" + ON_CALLERS_PANELS + " AND r.status IN (:scopeOpen))");
            params.put("scopeUserId", user.id());
            params.put("scopeOpen", ReferralStatus.open().stream().map(Enum::name).toList());
        }
        if (user.hasRole(Roles.REFERRER) && user.agency().isPresent()) {
            scopes.add("r.referrer_agency = :scopeAgency");
            params.put("scopeAgency", user.agency().get());
        }
        return scopes.isEmpty() ? Optional.empty()
                : Optional.of(new SqlScope("(" + String.join(" OR ", scopes) + ")", params));
    }

    public boolean sitsOnPanelOf(UUID referralId) {
        Number count = (Number) em.createNativeQuery("""
                SELECT count(*) FROM agenda_item a JOIN panel_member m ON m.panel_id = a.panel_id
                WHERE a.referral_id = ?1 AND m.user_id = ?2""")
                .setParameter(1, referralId).setParameter(2, user.id()).getSingleResult();
        return count.longValue() > 0;
    }
}
