package org.preventhub.referral.referral;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.platform.web.ListQuery;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.referral.access.AccessAction;
import org.preventhub.referral.access.AccessLog;
import org.preventhub.referral.config.ReferralConfig;
import org.preventhub.referral.crypto.KeyedHashes;

import io.quarkus.panache.common.Sort;

/**
 * Reading referrals: one, a page of them, a search by name, and the Prevent lead's work lists. What the caller
 * may see is {@link ReferralAccess}'s to say; every read of a referral is logged, a full one with its purpose.
 */
@ApplicationScoped
public class ReferralQueries {

    private static final Sort NEWEST_FIRST = Sort.by("received_on", Sort.Direction.Descending)
            .and("reference", Sort.Direction.Descending);

    private final EntityManager em;
    private final KeyedHashes hashes;
    private final AccessLog accessLog;
    private final ReferralAccess access;
    private final ReferralConfig config;
    private final ReferralViews views;
    private final ReferralHistory history;

    public ReferralQueries(EntityManager em, KeyedHashes hashes, AccessLog accessLog, ReferralAccess access,
            ReferralConfig config, ReferralViews views, ReferralHistory history) {
        this.em = em;
        this.hashes = hashes;
        this.accessLog = accessLog;
        this.access = access;
        this.config = config;
        this.views = views;
        this.history = history;
    }

    /** @return empty when the caller may not see the referral, or it does not exist */
    @Transactional
    public Optional<Object> get(UUID id, String purpose) {
        return visible(id).map(referral -> {
            if (access.viewOf(referral) == ReferralAccess.View.FULL) {
                String why = AccessLog.requirePurpose(purpose);
                accessLog.record(referral.id, AccessAction.READ, "referrer,person,concernTypes,prompt,journey,supportPlan", why);
                return views.fullView(referral);
            }
            accessLog.record(referral.id, AccessAction.READ, "status", AccessLog.optionalPurpose(purpose));
            return ReferralStatusView.of(referral);
        });
    }

    /** The caller's referrals: all for the Prevent lead, their panels' open ones for a member, their agency's for a referrer. */
    @Transactional
    public Page<Object> list(ReferralFilter filter, PageParams page, String purpose) {
        return find(filter.status, filter.area, filter.concernType, filter.from, filter.to, null, page, purpose);
    }

    /**
     * The Prevent lead's search by name, on the keyed hash of the normalised name. The search itself is logged,
     * found or not, without the name; each hit is logged too.
     */
    @Transactional
    public Page<Object> search(ReferralSearch search, PageParams page, String purpose) {
        String why = AccessLog.requirePurpose(purpose);
        accessLog.recordSearch("nameSearch", why);
        return find(search.status(), search.area(), search.concernType(), search.from(), search.to(),
                hashes.nameIndex(search.name()), page, why);
    }

    private Page<Object> find(ReferralStatus status, String area, String concernType, LocalDate from, LocalDate to,
            String nameIndex, PageParams page, String purpose) {
        Optional<ReferralAccess.SqlScope> scope = access.sqlScope();
        if (scope.isEmpty()) {
            return Page.of(List.of(), page, 0);
        }
        String given = AccessLog.optionalPurpose(purpose);
        // A full view needs a purpose; asked for at the first hit, so a list of status views needs none.
        String[] why = { null };
        return ListQuery.sql(Referral.class, "referral", "r")
                .where(scope.get().condition(), scope.get().parameters())
                .when(nameIndex, "nameIndex", "r.name_index = :nameIndex")
                .when(status == null ? null : status.name(), "status", "r.status = :status")
                .when(area, "area", "r.area = :area")
                .when(concernType == null ? null : "%," + concernType + ",%", "concern",
                        "(',' || r.concern_types || ',') LIKE :concern")
                .when(from, "from", "r.received_on >= :from")
                .when(to, "to", "r.received_on <= :to")
                .page(em, page, NEWEST_FIRST, referral -> {
                    if (access.viewOf(referral) == ReferralAccess.View.FULL) {
                        if (why[0] == null) {
                            why[0] = AccessLog.requirePurpose(purpose);
                        }
                        accessLog.record(referral.id, AccessAction.SEARCH_HIT, "personName,ageBand,gender,area,concernTypes",
                                why[0]);
                        return views.summary(referral);
                    }
                    // A referrer's view is status only, but it is still a read of a referral: logged too.
                    accessLog.record(referral.id, AccessAction.SEARCH_HIT, "status", given);
                    return ReferralStatusView.of(referral);
                });
    }

    @Transactional
    public Optional<List<Map<String, Object>>> history(UUID id, String purpose) {
        return visible(id).filter(r -> access.viewOf(r) == ReferralAccess.View.FULL).map(referral -> {
            accessLog.record(referral.id, AccessAction.READ, "history", AccessLog.requirePurpose(purpose));
            return history.steps(referral);
        });
    }

    /** Cases whose 6- or 12-month review is due before {@code asOf}. */
    @Transactional
    public List<ReferralSummary> overdueReviews(LocalDate asOf, String purpose) {
        List<Referral> due = em.createQuery("from Referral r where r.nextReviewDue < :asOf and r.status = :exited "
                + "order by r.nextReviewDue", Referral.class)
                .setParameter("asOf", asOf).setParameter("exited", ReferralStatus.EXITED).getResultList();
        String why = due.isEmpty() ? null : AccessLog.requirePurpose(purpose);
        return due.stream().map(r -> {
            accessLog.record(r.id, AccessAction.SEARCH_HIT, "personName,nextReviewDue", why);
            return views.summary(r);
        }).toList();
    }

    /** Open referrals whose latest step is older than the configured {@code stalled-after}, on {@code asOf}. */
    @Transactional
    public List<ReferralSummary> stalled(LocalDate asOf, String purpose) {
        List<Referral> stalled = em.createQuery("from Referral r where r.lastStepOn < :before and r.status in :open "
                + "order by r.lastStepOn, r.reference", Referral.class)
                .setParameter("before", asOf.minus(config.stalledAfter()))
                .setParameter("open", ReferralStatus.open()).getResultList();
        String why = stalled.isEmpty() ? null : AccessLog.requirePurpose(purpose);
        return stalled.stream().map(r -> {
            accessLog.record(r.id, AccessAction.SEARCH_HIT, "personName,lastStepOn", why);
            return views.summary(r);
        }).toList();
    }

    /** How many have stalled, for the nightly log line (no ids, no names). */
    @Transactional
    public long stalledCount(LocalDate asOf) {
        return em.createQuery("select count(r) from Referral r where r.lastStepOn < :before and r.status in :open", Long.class)
                .setParameter("before", asOf.minus(config.stalledAfter())).setParameter("open", ReferralStatus.open())
                .getSingleResult();
    }

    public Optional<Referral> visible(UUID id) {
        return Optional.ofNullable(em.find(Referral.class, id)).filter(r -> access.viewOf(r) != ReferralAccess.View.NONE);
    }
}
