package org.preventhub.engagement.competency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.engagement.competency.CompetencyDtos.MemberCompetency;
import org.preventhub.engagement.competency.CompetencyDtos.RequirementView;
import org.preventhub.engagement.competency.CompetencyDtos.Requirements;
import org.preventhub.engagement.competency.CompetencyDtos.Status;
import org.preventhub.engagement.governance.GovernanceBody;
import org.preventhub.engagement.governance.GovernanceMember;
import org.preventhub.engagement.organisation.Organisation;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;

/**
 * Members' competency: for every seat whose body kind and role a requirement names, the latest completion of one of
 * its courses by the member's user id, valid for the requirement's months; a refresher is due in the last
 * {@code dueWithinDays} of that, and overdue after it.
 */
@ApplicationScoped
public class CompetencyService {

    private final EntityManager em;
    private final CompetencyConfig config;
    private final TrainingCompletions completions;

    public CompetencyService(EntityManager em, CompetencyConfig config, TrainingCompletions completions) {
        this.em = em;
        this.config = config;
        this.completions = completions;
    }

    public Requirements requirements() {
        List<RequirementView> views = config.requirements().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new RequirementView(e.getKey(), e.getValue().bodyKinds().orElse(List.of()),
                        e.getValue().roles().orElse(List.of()), e.getValue().courses(), e.getValue().validForMonths()))
                .toList();
        return new Requirements(views, config.dueWithinDays());
    }

    /**
     * Every member's standing on each training their seat requires on {@code asOf}, by body, role and member; only the
     * statuses asked for when {@code statuses} is not empty (e.g. MISSING and OVERDUE: who must be trained).
     */
    @Transactional
    public Page<MemberCompetency> standing(UUID bodyId, Set<Status> statuses, LocalDate asOf, PageParams page) {
        if (page.sort != null && page.sort.stream().anyMatch(s -> !s.isBlank())) {
            throw ProblemException.invalidField("sort", "members' competency comes in one order: body, role, member, requirement");
        }
        var query = em.createQuery("select m, b, o from GovernanceMember m, GovernanceBody b, Organisation o "
                + "where b.id = m.bodyId and o.id = m.organisationId" + (bodyId == null ? "" : " and b.id = :body")
                + " order by b.name, b.id, m.role, m.joinedAt, m.id", Object[].class);
        if (bodyId != null) {
            query.setParameter("body", bodyId);
        }
        List<Object[]> seats = query.getResultList();
        List<RequirementView> requirements = requirements().requirements();
        Map<String, Map<String, LocalDate>> latest = completions.latest(seats.stream()
                .map(row -> ((GovernanceMember) row[0]).userId).filter(u -> u != null).distinct().toList(), asOf);
        List<MemberCompetency> all = new ArrayList<>();
        for (Object[] row : seats) {
            GovernanceMember member = (GovernanceMember) row[0];
            GovernanceBody body = (GovernanceBody) row[1];
            Organisation organisation = (Organisation) row[2];
            for (RequirementView requirement : requirements) {
                if (!applies(requirement, body.kind, member.role)) {
                    continue;
                }
                MemberCompetency standing = standing(member, body, organisation, requirement,
                        member.userId == null ? Map.of() : latest.getOrDefault(member.userId, Map.of()), asOf);
                if (statuses.isEmpty() || statuses.contains(standing.status())) {
                    all.add(standing);
                }
            }
        }
        int from = (int) Math.min((long) page.page * page.size, all.size());
        return Page.of(all.subList(from, Math.min(from + page.size, all.size())), page, all.size());
    }

    private static boolean applies(RequirementView requirement, String bodyKind, String role) {
        return (requirement.bodyKinds().isEmpty() || requirement.bodyKinds().contains(bodyKind))
                && (requirement.roles().isEmpty() || requirement.roles().contains(role));
    }

    private MemberCompetency standing(GovernanceMember member, GovernanceBody body, Organisation organisation,
            RequirementView requirement, Map<String, LocalDate> byCourse, LocalDate asOf) {
        Map.Entry<String, LocalDate> best = requirement.courses().stream().filter(byCourse::containsKey)
                .map(course -> Map.entry(course, byCourse.get(course)))
                .max(Map.Entry.comparingByValue())
                .orElse(null);
        Status status;
        LocalDate validUntil = null;
        if (best == null) {
            status = Status.MISSING;
        } else {
            validUntil = best.getValue().plusMonths(requirement.validForMonths()).minusDays(1);
            status = validUntil.isBefore(asOf) ? Status.OVERDUE
                    : validUntil.isBefore(asOf.plusDays(config.dueWithinDays())) ? Status.DUE : Status.CURRENT;
        }
        return new MemberCompetency(member.id, body.id, body.name, body.kind, organisation.id, organisation.name, member.role,
                member.userId, requirement.name(), status, best == null ? null : best.getKey(),
                best == null ? null : best.getValue(), validUntil);
    }
}
