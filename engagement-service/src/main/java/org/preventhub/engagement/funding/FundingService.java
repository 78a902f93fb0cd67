package org.preventhub.engagement.funding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.contracts.engagement.EngagementEventTypes;
import org.preventhub.contracts.engagement.FundingAwarded;
import org.preventhub.contracts.engagement.ProjectChanged;
import org.preventhub.engagement.event.CommunityEvent;
import org.preventhub.engagement.funding.FundingDtos.AwardRequest;
import org.preventhub.engagement.funding.FundingDtos.AwardSummary;
import org.preventhub.engagement.funding.FundingDtos.AwardView;
import org.preventhub.engagement.funding.FundingDtos.ProjectRequest;
import org.preventhub.engagement.funding.FundingDtos.ProjectSummary;
import org.preventhub.engagement.funding.FundingDtos.ProjectView;
import org.preventhub.engagement.funding.FundingDtos.StatusRequest;
import org.preventhub.engagement.funding.FundingDtos.StatusView;
import org.preventhub.engagement.organisation.Organisation;
import org.preventhub.engagement.organisation.OrganisationService;
import org.preventhub.platform.outbox.Outbox;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.web.ListQuery;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.Versions;

/** Funders' awards and the projects and programmes they fund; each change is published for reporting. */
@ApplicationScoped
public class FundingService {

    private final EntityManager em;
    private final OrganisationService organisations;
    private final Outbox outbox;
    private final CurrentUser user;

    public FundingService(EntityManager em, OrganisationService organisations, Outbox outbox, CurrentUser user) {
        this.em = em;
        this.organisations = organisations;
        this.outbox = outbox;
        this.user = user;
    }

    @Transactional
    public ProjectView create(ProjectRequest request) {
        requireUniqueName(request.name().strip(), null);
        FundedProject p = new FundedProject();
        p.id = UUID.randomUUID();
        p.createdAt = Instant.now();
        apply(p, request);
        em.persist(p);
        status(p, request.status(), request.statusSince(), null);
        em.flush();
        publish(p);
        return view(p);
    }

    @Transactional
    public Optional<ProjectView> update(UUID id, ProjectRequest request, Long expectedVersion) {
        return Optional.ofNullable(em.find(FundedProject.class, id)).map(p -> {
            Versions.check(expectedVersion, p.version);
            requireUniqueName(request.name().strip(), p.id);
            boolean statusChanged = !p.status.equals(request.status()) || !p.statusSince.equals(request.statusSince());
            apply(p, request);
            if (statusChanged) {
                status(p, request.status(), request.statusSince(), null);
            }
            em.flush();
            publish(p);
            return view(p);
        });
    }

    /** A new status from a day on (paused, to be re-established, running again), kept in the project's history. */
    @Transactional
    public Optional<ProjectView> changeStatus(UUID id, StatusRequest request) {
        return Optional.ofNullable(em.find(FundedProject.class, id)).map(p -> {
            if (request.since().isBefore(p.statusSince)) {
                throw ProblemException.invalidField("since", "on or after " + p.statusSince + ", when its status last changed");
            }
            p.status = request.status();
            p.statusSince = request.since();
            p.updatedAt = Instant.now();
            status(p, request.status(), request.since(), request.reason());
            em.flush();
            publish(p);
            return view(p);
        });
    }

    @Transactional
    public Optional<ProjectView> project(UUID id) {
        return Optional.ofNullable(em.find(FundedProject.class, id)).map(this::view);
    }

    @Transactional
    public Page<ProjectView> projects(String status, PageParams page) {
        return ListQuery.of(FundedProject.class, "p").when(status, "status", "p.status = :status")
                .page(em, page, Map.of("name", "name", "status", "status"), "name", "id", this::view);
    }

    @Transactional
    public AwardView award(AwardRequest request) {
        FundingAward a = new FundingAward();
        a.id = UUID.randomUUID();
        a.createdAt = Instant.now();
        apply(a, request);
        em.persist(a);
        em.flush();
        publish(a);
        return view(a);
    }

    @Transactional
    public Optional<AwardView> updateAward(UUID id, AwardRequest request, Long expectedVersion) {
        return Optional.ofNullable(em.find(FundingAward.class, id)).map(a -> {
            Versions.check(expectedVersion, a.version);
            apply(a, request);
            em.flush();
            publish(a);
            return view(a);
        });
    }

    @Transactional
    public Optional<AwardView> getAward(UUID id) {
        return Optional.ofNullable(em.find(FundingAward.class, id)).map(this::view);
    }

    @Transactional
    public Page<AwardView> awards(UUID funderId, UUID projectId, PageParams page) {
        return ListQuery.of(FundingAward.class, "a").when(funderId, "funderId", "a.funderId = :funderId")
                .when(projectId, "projectId", ":projectId member of a.projects")
                .page(em, page, Map.of("startsOn", "startsOn", "amount", "amount"), "startsOn", "id", this::view);
    }

    private void requireUniqueName(String name, UUID self) {
        List<UUID> same = em.createQuery("select p.id from FundedProject p where lower(p.name) = lower(:name)", UUID.class)
                .setParameter("name", name).getResultList();
        if (same.stream().anyMatch(id -> !id.equals(self))) {
            throw ProblemException.conflict("project-exists", "A project named '" + name + "' exists");
        }
    }

    private void apply(FundedProject p, ProjectRequest r) {
        p.name = r.name().strip();
        p.kind = r.kind();
        p.priority = r.priority();
        p.description = r.description();
        p.status = r.status();
        p.statusSince = r.statusSince();
        List<UUID> events = r.events() == null ? List.of() : r.events();
        for (int i = 0; i < events.size(); i++) {
            if (em.find(CommunityEvent.class, events.get(i)) == null) {
                throw ProblemException.invalidField("events[" + i + "]", "no such community event");
            }
        }
        p.events = new TreeSet<>(events);
        p.courses = new TreeSet<>(r.courses() == null ? List.of() : r.courses().stream().map(String::strip).toList());
        p.updatedAt = Instant.now();
    }

    private void apply(FundingAward a, AwardRequest r) {
        if (r.endsOn().isBefore(r.startsOn())) {
            throw ProblemException.invalidField("endsOn", "must not be before startsOn");
        }
        a.funderId = organisations.require("funderId", r.funderId()).id;
        List<UUID> projects = r.projects() == null ? List.of() : r.projects();
        for (int i = 0; i < projects.size(); i++) {
            if (em.find(FundedProject.class, projects.get(i)) == null) {
                throw ProblemException.invalidField("projects[" + i + "]", "no such project");
            }
        }
        a.amount = r.amount();
        a.startsOn = r.startsOn();
        a.endsOn = r.endsOn();
        a.purpose = r.purpose().strip();
        a.priority = r.priority();
        a.reference = r.reference() == null || r.reference().isBlank() ? null : r.reference().strip();
        a.projects = new TreeSet<>(projects);
        a.updatedAt = Instant.now();
    }

    private void status(FundedProject p, String status, LocalDate since, String reason) {
        ProjectStatusChange change = new ProjectStatusChange();
        change.id = UUID.randomUUID();
        change.projectId = p.id;
        change.status = status;
        change.since = since;
        change.reason = reason == null || reason.isBlank() ? null : reason.strip();
        change.recordedBy = user.id();
        change.recordedAt = Instant.now();
        em.persist(change);
    }

    private void publish(FundedProject p) {
        outbox.record(EngagementEventTypes.AGGREGATE_PROJECT, p.id, EngagementEventTypes.PROJECT_CHANGED,
                new ProjectChanged(p.id, p.name, p.kind, p.priority, p.status, p.statusSince, p.events.size(), p.courses.size()));
    }

    private void publish(FundingAward a) {
        Organisation funder = em.find(Organisation.class, a.funderId);
        List<String> projects = a.projects.stream().map(id -> em.find(FundedProject.class, id).name).sorted().toList();
        outbox.record(EngagementEventTypes.AGGREGATE_AWARD, a.id, EngagementEventTypes.FUNDING_AWARDED,
                new FundingAwarded(a.id, funder.id, funder.name, funder.type, a.amount, a.startsOn, a.endsOn, a.priority,
                        a.purpose, projects));
    }

    private ProjectView view(FundedProject p) {
        List<StatusView> history = em.createQuery("from ProjectStatusChange s where s.projectId = :p order by s.since, s.recordedAt",
                ProjectStatusChange.class).setParameter("p", p.id).getResultStream()
                .map(s -> new StatusView(s.status, s.since, s.reason)).toList();
        List<AwardSummary> awards = em.createQuery("from FundingAward a where :p member of a.projects order by a.startsOn, a.id",
                FundingAward.class).setParameter("p", p.id).getResultStream()
                .map(a -> new AwardSummary(a.id, a.funderId, em.find(Organisation.class, a.funderId).name, a.amount,
                        a.startsOn, a.endsOn, a.purpose)).toList();
        return new ProjectView(p.id, p.name, p.kind, p.priority, p.description, p.status, p.statusSince,
                List.copyOf(p.events), List.copyOf(p.courses), history, awards, p.version);
    }

    private AwardView view(FundingAward a) {
        List<ProjectSummary> projects = a.projects.stream().map(id -> em.find(FundedProject.class, id))
                .map(p -> new ProjectSummary(p.id, p.name, p.status)).toList();
        return new AwardView(a.id, a.funderId, em.find(Organisation.class, a.funderId).name, a.amount, a.startsOn, a.endsOn,
                a.purpose, a.priority, a.reference, projects, a.version);
    }
}
