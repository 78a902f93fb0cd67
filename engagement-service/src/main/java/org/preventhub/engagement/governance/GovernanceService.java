package org.preventhub.engagement.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.contracts.engagement.EngagementEventTypes;
import org.preventhub.contracts.engagement.GovernanceActionArising;
import org.preventhub.contracts.engagement.GovernanceMeetingHeld;
import org.preventhub.engagement.config.Vocabulary;
import org.preventhub.engagement.governance.GovernanceDtos.GovernanceActionRequest;
import org.preventhub.engagement.governance.GovernanceDtos.GovernanceActionView;
import org.preventhub.engagement.governance.GovernanceDtos.GovernanceBodyRecord;
import org.preventhub.engagement.governance.GovernanceDtos.GovernanceBodyRequest;
import org.preventhub.engagement.governance.GovernanceDtos.GovernanceBodyView;
import org.preventhub.engagement.governance.GovernanceDtos.GovernanceMeetingRequest;
import org.preventhub.engagement.governance.GovernanceDtos.GovernanceMeetingView;
import org.preventhub.engagement.governance.GovernanceDtos.GovernanceMemberRequest;
import org.preventhub.engagement.governance.GovernanceDtos.GovernanceMemberView;
import org.preventhub.engagement.governance.GovernanceDtos.GovernanceMinutesRequest;
import org.preventhub.engagement.organisation.Organisation;
import org.preventhub.engagement.organisation.OrganisationService;
import org.preventhub.platform.web.ListQuery;
import org.preventhub.platform.outbox.Outbox;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;

@ApplicationScoped
public class GovernanceService {

    /** The longest period a body's record is asked for: enough for a decade's trend, small enough to answer fast. */
    static final int MAX_RECORD_YEARS = 20;

    private final EntityManager em;
    private final GovernanceConfig config;
    private final OrganisationService organisations;
    private final Outbox outbox;
    private final CurrentUser user;

    public GovernanceService(EntityManager em, GovernanceConfig config, OrganisationService organisations, Outbox outbox,
            CurrentUser user) {
        this.em = em;
        this.config = config;
        this.organisations = organisations;
        this.outbox = outbox;
        this.user = user;
    }

    @Transactional
    public GovernanceBodyView create(GovernanceBodyRequest request) {
        String name = request.name().strip();
        if (!em.createQuery("select b.id from GovernanceBody b where lower(b.name) = lower(:name)", UUID.class)
                .setParameter("name", name).getResultList().isEmpty()) {
            throw ProblemException.conflict("body-exists", "A governance body named '" + name + "' exists");
        }
        GovernanceBody body = new GovernanceBody();
        body.id = UUID.randomUUID();
        body.name = name;
        body.kind = Vocabulary.require("kind", request.kind(), config.bodyKinds());
        body.meetingsPerYear = request.meetingsPerYear();
        body.quorum = request.quorum();
        body.createdAt = Instant.now();
        body.updatedAt = body.createdAt;
        em.persist(body);
        em.flush();
        return view(body);
    }

    @Transactional
    public Optional<GovernanceBodyView> get(UUID id) {
        return Optional.ofNullable(em.find(GovernanceBody.class, id)).map(this::view);
    }

    @Transactional
    public Page<GovernanceBodyView> list(String kind, PageParams page) {
        return ListQuery.of(GovernanceBody.class, "b").when(kind, "kind", "b.kind = :kind")
                .page(em, page, Map.of("name", "name", "kind", "kind"), "name", "id", this::view);
    }

    @Transactional
    public Optional<GovernanceMemberView> addMember(UUID bodyId, GovernanceMemberRequest request) {
        return Optional.ofNullable(em.find(GovernanceBody.class, bodyId)).map(body -> {
            Organisation organisation = organisations.require("organisationId", request.organisationId());
            GovernanceMember member = new GovernanceMember();
            member.id = UUID.randomUUID();
            member.bodyId = body.id;
            member.organisationId = organisation.id;
            member.role = Vocabulary.require("role", request.role(), config.memberRoles());
            member.userId = request.userId() == null || request.userId().isBlank() ? null : request.userId().strip();
            member.joinedAt = Instant.now();
            em.persist(member);
            return new GovernanceMemberView(member.id, member.organisationId, organisation.name, member.role, member.userId);
        });
    }

    @Transactional
    public Optional<GovernanceMeetingView> plan(UUID bodyId, GovernanceMeetingRequest request) {
        return Optional.ofNullable(em.find(GovernanceBody.class, bodyId)).map(body -> {
            GovernanceMeeting meeting = new GovernanceMeeting();
            meeting.id = UUID.randomUUID();
            meeting.bodyId = body.id;
            meeting.meetsOn = request.meetsOn();
            meeting.status = GovernanceMeeting.PLANNED;
            meeting.agenda = request.agenda() == null ? new ArrayList<>() : new ArrayList<>(request.agenda());
            meeting.createdAt = Instant.now();
            meeting.updatedAt = meeting.createdAt;
            em.persist(meeting);
            em.flush();
            return view(meeting);
        });
    }

    @Transactional
    public Optional<GovernanceMeetingView> meeting(UUID id) {
        return Optional.ofNullable(em.find(GovernanceMeeting.class, id)).map(this::view);
    }

    /**
     * Minutes a meeting: attendance and apologies must be the body's members, each once; the meeting is quorate when
     * the members present reach the body's quorum. Publishes the meeting and one event per action arising.
     */
    @Transactional
    public Optional<GovernanceMeetingView> minute(UUID meetingId, GovernanceMinutesRequest request) {
        return Optional.ofNullable(em.find(GovernanceMeeting.class, meetingId)).map(meeting -> {
            if (GovernanceMeeting.HELD.equals(meeting.status)) {
                throw ProblemException.conflict("meeting-minuted", "This meeting's minutes are already recorded");
            }
            if (meeting.meetsOn.isAfter(LocalDate.now())) {
                throw ProblemException.invalidField("meetsOn", "a meeting is minuted once it has taken place");
            }
            GovernanceBody body = em.find(GovernanceBody.class, meeting.bodyId);
            Map<UUID, GovernanceMember> members = new java.util.HashMap<>();
            members(body.id).forEach(m -> members.put(m.id, m));
            List<UUID> attended = requireMembers("attended", request.attended(), members, new HashSet<>());
            List<UUID> apologies = requireMembers("apologies", request.apologies(), members, new HashSet<>(attended));
            List<String> decisions = request.decisions() == null ? List.of() : request.decisions();
            List<GovernanceActionRequest> actions = request.actions() == null ? List.of() : request.actions();
            boolean quorate = attended.size() >= body.quorum;
            if (!quorate && (!decisions.isEmpty() || !actions.isEmpty())) {
                throw ProblemException.unprocessable("inquorate", attended.size() + " members present of a quorum of "
                        + body.quorum + ": an inquorate meeting takes no decisions and raises no actions");
            }
            meeting.status = GovernanceMeeting.HELD;
            meeting.attended = new ArrayList<>(attended);
            meeting.apologies = new ArrayList<>(apologies);
            meeting.decisions = new ArrayList<>(decisions);
            meeting.quorate = quorate;
            meeting.minutedBy = user.id();
            meeting.updatedAt = Instant.now();
            for (int i = 0; i < actions.size(); i++) {
                GovernanceActionRequest a = actions.get(i);
                Organisation owner = a.ownerOrganisationId() == null ? null
                        : organisations.require("actions[" + i + "].ownerOrganisationId", a.ownerOrganisationId());
                GovernanceAction action = new GovernanceAction();
                action.id = UUID.randomUUID();
                action.meetingId = meeting.id;
                action.title = a.title().strip();
                action.priority = a.priority();
                action.ownerOrganisationId = owner == null ? null : owner.id;
                action.dueOn = a.dueOn();
                em.persist(action);
                outbox.record(EngagementEventTypes.AGGREGATE_GOVERNANCE_ACTION, action.id,
                        EngagementEventTypes.GOVERNANCE_ACTION_ARISING, new GovernanceActionArising(action.id, meeting.id,
                                body.id, body.kind, meeting.meetsOn, action.title, action.priority,
                                action.ownerOrganisationId, owner == null ? null : owner.name, action.dueOn));
            }
            em.flush();
            List<UUID> present = attended.stream().map(id -> members.get(id).organisationId).distinct().toList();
            outbox.record(EngagementEventTypes.AGGREGATE_GOVERNANCE_MEETING, meeting.id,
                    EngagementEventTypes.GOVERNANCE_MEETING_HELD, new GovernanceMeetingHeld(meeting.id, body.id, body.name,
                            body.kind, body.meetingsPerYear, meeting.meetsOn, quorate, attended.size(), apologies.size(),
                            members.size(), decisions.size(), actions.size(), organisations.typesOf(present)));
            return view(meeting);
        });
    }

    /** Planned meetings by the body's cadence in [from, to] against the meetings minuted quorate. */
    @Transactional
    public Optional<GovernanceBodyRecord> record(UUID bodyId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
        if (from.plusYears(MAX_RECORD_YEARS).isBefore(to)) {
            throw ProblemException.invalidField("to", "a record covers at most " + MAX_RECORD_YEARS + " years");
        }
        return Optional.ofNullable(em.find(GovernanceBody.class, bodyId)).map(body -> {
            List<GovernanceMeetingView> meetings = em.createQuery("from GovernanceMeeting m where m.bodyId = :body and m.meetsOn "
                    + "between :from and :to order by m.meetsOn, m.id", GovernanceMeeting.class)
                    .setParameter("body", body.id).setParameter("from", from).setParameter("to", to)
                    .getResultStream().map(this::view).toList();
            long months = Period.between(from, to.plusDays(1)).toTotalMonths();
            int planned = (int) Math.round(body.meetingsPerYear * months / 12.0);
            int held = (int) meetings.stream().filter(m -> Boolean.TRUE.equals(m.quorate())).count();
            int inquorate = (int) meetings.stream().filter(m -> Boolean.FALSE.equals(m.quorate())).count();
            return new GovernanceBodyRecord(body.id, body.name, from, to, planned, held, inquorate, meetings);
        });
    }

    private static List<UUID> requireMembers(String field, List<UUID> ids, Map<UUID, GovernanceMember> members,
            Set<UUID> seen) {
        if (ids == null) {
            return List.of();
        }
        for (int i = 0; i < ids.size(); i++) {
            if (!members.containsKey(ids.get(i))) {
                throw ProblemException.invalidField(field + "[" + i + "]", "not a member of this body");
            }
            if (!seen.add(ids.get(i))) {
                throw ProblemException.invalidField(field + "[" + i + "]", "this member is already listed");
            }
        }
        return List.copyOf(ids);
    }

    private List<GovernanceMember> members(UUID bodyId) {
        return em.createQuery("from GovernanceMember m where m.bodyId = :body order by m.joinedAt, m.id",
                GovernanceMember.class).setParameter("body", bodyId).getResultList();
    }

    private GovernanceBodyView view(GovernanceBody body) {
        List<GovernanceMemberView> members = members(body.id).stream().map(m -> new GovernanceMemberView(m.id, m.organisationId,
                em.find(Organisation.class, m.organisationId).name, m.role, m.userId)).toList();
        return new GovernanceBodyView(body.id, body.name, body.kind, body.meetingsPerYear, body.quorum, members, body.version);
    }

    private GovernanceMeetingView view(GovernanceMeeting m) {
        List<GovernanceActionView> actions = em.createQuery("from GovernanceAction a where a.meetingId = :meeting order by a.title, a.id",
                GovernanceAction.class).setParameter("meeting", m.id).getResultStream()
                .map(a -> new GovernanceActionView(a.id, a.title, a.priority, a.ownerOrganisationId, a.dueOn)).toList();
        return new GovernanceMeetingView(m.id, m.bodyId, m.meetsOn, m.status, m.agenda, m.attended, m.apologies, m.decisions,
                actions, m.quorate, m.version);
    }
}
