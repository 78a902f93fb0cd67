package org.preventhub.referral.panel;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.security.Roles;
import org.preventhub.referral.access.AccessAction;
import org.preventhub.referral.access.AccessLog;
import org.preventhub.platform.crypto.FieldCipher;
import org.preventhub.referral.panel.PanelRequests.DecisionRequest;
import org.preventhub.referral.panel.PanelRequests.MemberRequest;
import org.preventhub.referral.panel.PanelRequests.PanelRequest;
import org.preventhub.referral.panel.PanelRequests.ScheduleRequest;
import org.preventhub.referral.referral.Referral;
import org.preventhub.referral.referral.ReferralClock;
import org.preventhub.referral.referral.ReferralJourney;
import org.preventhub.referral.referral.ReferralStatus;

/**
 * Channel panels: monthly meetings, their members, the referrals on their agendas, and the decision minuted per
 * referral. The Prevent lead runs them; a member sees the panels they sit on, and the chair or any member may
 * minute a decision once the meeting has taken place.
 */
@ApplicationScoped
public class PanelService {

    private final EntityManager em;
    private final ReferralJourney journey;
    private final ReferralClock clock;
    private final FieldCipher cipher;
    private final AccessLog accessLog;
    private final CurrentUser user;

    public PanelService(EntityManager em, ReferralJourney journey, ReferralClock clock, FieldCipher cipher, AccessLog accessLog,
            CurrentUser user) {
        this.em = em;
        this.journey = journey;
        this.clock = clock;
        this.cipher = cipher;
        this.accessLog = accessLog;
        this.user = user;
    }

    @Transactional
    public PanelView create(PanelRequest request) {
        return view(newPanel(request.meetsOn(), request.chair(), request.members()), false, null);
    }

    /** One panel a month on the nth weekday, from the given month. */
    @Transactional
    public List<PanelView> schedule(ScheduleRequest request) {
        List<PanelView> created = new ArrayList<>();
        for (int i = 0; i < request.months(); i++) {
            YearMonth month = request.from().plusMonths(i);
            LocalDate day = nthWeekday(month, request.weekday(), request.week());
            created.add(view(newPanel(day, request.chair(), request.members()), false, null));
        }
        return created;
    }

    static LocalDate nthWeekday(YearMonth month, DayOfWeek weekday, int week) {
        return month.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(week, weekday));
    }

    /** Meetings with their agendas, without minutes (those are read one panel at a time, with a purpose). */
    @Transactional
    public List<PanelView> list(LocalDate from, LocalDate to, String purpose) {
        String query = "from ChannelPanel p where p.meetsOn >= :from and p.meetsOn <= :to order by p.meetsOn";
        return em.createQuery(query, ChannelPanel.class)
                .setParameter("from", from == null ? LocalDate.of(1900, 1, 1) : from)
                .setParameter("to", to == null ? LocalDate.of(9999, 12, 31) : to)
                .getResultList().stream().filter(this::canSee).map(p -> view(p, false, purpose)).toList();
    }

    /** A meeting with its agenda and the minutes the caller may read: reading minutes needs a purpose. */
    @Transactional
    public Optional<PanelView> get(UUID id, String purpose) {
        return find(id).map(panel -> view(panel, true, purpose));
    }

    /** Who the caller is to panels; nothing about any referral. */
    @Transactional
    public PanelMembership me() {
        @SuppressWarnings("unchecked")
        List<UUID> panels = em.createNativeQuery("""
                SELECT p.id FROM channel_panel p JOIN panel_member m ON m.panel_id = p.id
                WHERE m.user_id = ?1 ORDER BY p.meets_on, p.id""").setParameter(1, user.id()).getResultList();
        return new PanelMembership(user.id(), user.name(), user.agency().orElse(null), panels);
    }

    @Transactional
    public Optional<PanelView> addToAgenda(UUID panelId, UUID referralId) {
        return find(panelId).map(panel -> {
            Referral referral = em.find(Referral.class, referralId);
            if (referral == null) {
                throw ProblemException.invalidField("referralId", "no such referral");
            }
            if (referral.status != ReferralStatus.LISTED_FOR_PANEL) {
                throw ProblemException.conflict("not-listed-for-panel",
                        "Only a referral listed for panel goes on an agenda; this one is " + referral.status + ".");
            }
            int added = em.createNativeQuery("""
                    INSERT INTO agenda_item (panel_id, referral_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING""")
                    .setParameter(1, panelId).setParameter(2, referralId).executeUpdate();
            if (added == 0) {
                throw ProblemException.conflict("already-on-agenda", "The referral is on this panel's agenda already.");
            }
            accessLog.record(referralId, AccessAction.CHANGE, "panelAgenda", null);
            return view(panel, false, null);
        });
    }

    @Transactional
    public Optional<PanelView> decide(UUID panelId, UUID referralId, DecisionRequest request) {
        return find(panelId).map(panel -> {
            if (!user.hasRole(Roles.PREVENT_LEAD) && !panel.hasMember(user.id())) {
                throw ProblemException.notFound("Panel " + panelId);
            }
            if (panel.meetsOn.isAfter(clock.today())) {
                throw ProblemException.conflict("panel-not-held-yet", "Decisions are minuted at the meeting, on "
                        + panel.meetsOn + ".");
            }
            @SuppressWarnings("unchecked")
            List<Object> decided = em.createNativeQuery(
                    "SELECT decision FROM agenda_item WHERE panel_id = ?1 AND referral_id = ?2 FOR UPDATE")
                    .setParameter(1, panelId).setParameter(2, referralId).getResultList();
            if (decided.isEmpty()) {
                throw ProblemException.notFound("Referral " + referralId + " on this panel's agenda");
            }
            Referral referral = em.find(Referral.class, referralId);
            // A member has no business with a case once it has closed, not even to learn that it was decided.
            if (!user.hasRole(Roles.PREVENT_LEAD) && !referral.status.isOpen()) {
                throw ProblemException.notFound("Referral " + referralId + " on this panel's agenda");
            }
            if (decided.get(0) != null) {
                throw ProblemException.conflict("already-decided", "This panel has decided on the referral already.");
            }
            journey.decideAtPanel(referral, request.decision(), panel.meetsOn, null);
            em.createNativeQuery("""
                    UPDATE agenda_item SET decision = ?1, minutes_enc = ?2, decided_at = ?3, decided_by = ?4
                    WHERE panel_id = ?5 AND referral_id = ?6""")
                    .setParameter(1, request.decision().name())
                    .setParameter(2, cipher.encrypt(request.minutes().strip(), minutesContext(panelId, referralId)))
                    .setParameter(3, Instant.now()).setParameter(4, user.id())
                    .setParameter(5, panelId).setParameter(6, referralId).executeUpdate();
            if (panel.meetsOn.isBefore(clock.today()) || panel.meetsOn.isEqual(clock.today())) {
                panel.status = "HELD";
            }
            return view(panel, false, null);
        });
    }

    private ChannelPanel newPanel(LocalDate meetsOn, MemberRequest chair, List<MemberRequest> members) {
        ChannelPanel panel = new ChannelPanel();
        panel.id = UUID.randomUUID();
        panel.meetsOn = meetsOn;
        panel.chairId = chair.userId();
        panel.chairName = chair.name();
        panel.status = "SCHEDULED";
        panel.createdAt = Instant.now();
        panel.members.add(new ChannelPanel.Member(chair.userId(), chair.name(), chair.agency()));
        if (members != null) {
            for (MemberRequest member : members) {
                if (!panel.hasMember(member.userId())) {
                    panel.members.add(new ChannelPanel.Member(member.userId(), member.name(), member.agency()));
                }
            }
        }
        em.persist(panel);
        return panel;
    }

    private Optional<ChannelPanel> find(UUID id) {
        return Optional.ofNullable(em.find(ChannelPanel.class, id)).filter(this::canSee);
    }

    private boolean canSee(ChannelPanel panel) {
        return user.hasRole(Roles.PREVENT_LEAD) || panel.hasMember(user.id());
    }

    /**
     * The panel as the caller may see it. The Prevent lead sees every item on the agenda; a member only the
     * referrals whose case is still open (once it closes, it leaves the member's view). Minutes are decrypted only
     * when asked for, with a purpose, and each item shown is logged.
     */
    private PanelView view(ChannelPanel panel, boolean withMinutes, String purpose) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT a.referral_id, r.reference, r.status, a.decision, a.minutes_enc
                FROM agenda_item a JOIN referral r ON r.id = a.referral_id
                WHERE a.panel_id = ?1 ORDER BY r.reference""").setParameter(1, panel.id).getResultList();
        boolean lead = user.hasRole(Roles.PREVENT_LEAD);
        String given = AccessLog.optionalPurpose(purpose);
        List<PanelView.AgendaItem> agenda = new ArrayList<>();
        for (Object[] row : rows) {
            UUID referralId = (UUID) row[0];
            if (!lead && !ReferralStatus.valueOf((String) row[2]).isOpen()) {
                continue;
            }
            String minutes = null;
            if (withMinutes && row[4] != null) {
                String why = AccessLog.requirePurpose(purpose);
                minutes = cipher.decrypt((String) row[4], minutesContext(panel.id, referralId));
                accessLog.record(referralId, AccessAction.READ, "panelAgenda,panelMinutes", why);
            } else {
                accessLog.record(referralId, AccessAction.SEARCH_HIT, "panelAgenda", given);
            }
            agenda.add(new PanelView.AgendaItem(referralId, (String) row[1], (String) row[2], (String) row[3], minutes));
        }
        return new PanelView(panel.id, panel.meetsOn, panel.chairName, panel.status,
                panel.members.stream().map(m -> new PanelView.Member(m.userId, m.name, m.agency)).toList(), agenda,
                panel.version);
    }

    static String minutesContext(UUID panelId, UUID referralId) {
        return "agenda/" + panelId + "/" + referralId + "/minutes";
    }
}
