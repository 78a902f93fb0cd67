package org.preventhub.referral.panel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.platform.calendar.CalendarFeedSecrets;
import org.preventhub.platform.calendar.ICalendar;
import org.preventhub.platform.crypto.KeyedHash;
import org.preventhub.platform.reminder.ReminderConfig;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.referral.config.ReferralConfig;
import org.preventhub.referral.crypto.CryptoConfig;

/**
 * A panel member's meetings as an iCalendar feed at a secret URL (the platform's CalendarFeedSecrets keeps the
 * secrets). The feed is read without a token, by whoever holds the URL, so it says only what a calendar needs: the
 * meeting, its day and a link to it in the web frontend, where the member signs in to see the agenda. Never a
 * referral, a name or a decision: personal data of referred people does not leave the service this way.
 */
@ApplicationScoped
public class PanelCalendar {

    static final ICalendar ICAL = new ICalendar("-//Prevent Hub//referral-service//EN");
    /** How far back the feed reaches: a calendar keeps what it already has. */
    private static final long DAYS_BACK = 90;
    private static final int MAX_EVENTS = 500;

    /** A new secret, in the URL to subscribe to. */
    public record Issued(String url, Instant createdAt) {
    }

    private final EntityManager em;
    private final CurrentUser user;
    private final CalendarFeedSecrets secrets;
    private final ReferralConfig config;
    private final ReminderConfig links;

    public PanelCalendar(EntityManager em, CurrentUser user, CryptoConfig crypto, ReferralConfig config,
            ReminderConfig links) {
        this.em = em;
        this.user = user;
        this.secrets = new CalendarFeedSecrets(em, new KeyedHash(crypto.indexKey().orElseThrow()));
        this.config = config;
        this.links = links;
    }

    /** A new secret for the caller's feed; the one before, if any, stops working at once. */
    @Transactional
    public Issued issue() {
        CalendarFeedSecrets.Issued issued = secrets.issue(user.id(), user.name());
        return new Issued(config.calendarFeedUrl() + issued.secret(), issued.createdAt());
    }

    /** @return whether the caller had a feed */
    @Transactional
    public boolean revoke() {
        return secrets.revoke(user.id());
    }

    /** When the caller's current secret was made, if they have one. */
    @Transactional
    public Optional<Instant> current() {
        return secrets.current(user.id());
    }

    /**
     * The feed behind a secret: the panels its owner is a member of (the chair is one), from 90 days back; empty
     * when no feed has the secret (never issued, replaced or revoked).
     */
    @Transactional
    public Optional<String> feed(String secret) {
        return secrets.owner(secret).map(owner -> {
            List<ChannelPanel> panels = em.createQuery("""
                    select distinct p from ChannelPanel p join p.members m
                    where m.userId = ?1 and p.meetsOn >= ?2 order by p.meetsOn""", ChannelPanel.class)
                    .setParameter(1, owner.id()).setParameter(2, LocalDate.now().minusDays(DAYS_BACK))
                    .setMaxResults(MAX_EVENTS).getResultList();
            List<ICalendar.Event> events = panels.stream().map(p -> ICalendar.Event.allDay(
                    "panel-" + p.id + "@" + links.messageIdDomain(), (int) p.version, p.meetsOn, "Channel panel",
                    null, "Agenda and papers: sign in at the link.", links.linkBase() + "/panels/" + p.id,
                    "CANCELLED".equals(p.status))).toList();
            return ICAL.feed("Channel panels", events);
        });
    }
}
