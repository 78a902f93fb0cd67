package org.preventhub.reporting.action;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.web.Versions;
import org.preventhub.reporting.action.ActionDtos.ActionRequest;
import org.preventhub.reporting.action.ActionDtos.ActionView;
import org.preventhub.reporting.action.ActionDtos.ProgressRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The action plan: recommended actions per priority, their progress, and every change, kept. */
@ApplicationScoped
public class ActionService {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final CurrentUser user;

    public ActionService(EntityManager em, ObjectMapper mapper, CurrentUser user) {
        this.em = em;
        this.mapper = mapper;
        this.user = user;
    }

    @Transactional
    public ActionView create(ActionRequest request) {
        requirePriority(request.priority());
        RecommendedAction action = new RecommendedAction();
        action.id = UUID.randomUUID();
        action.createdAt = Instant.now();
        apply(action, request);
        em.persist(action);
        em.flush();
        history(action.id, "created", null, snapshot(action));
        return view(action);
    }

    @Transactional
    public Optional<ActionView> update(UUID id, ActionRequest request, Long expectedVersion) {
        return find(id).map(action -> {
            Versions.check(expectedVersion, action.version);
            requirePriority(request.priority());
            Map<String, Object> before = snapshot(action);
            apply(action, request);
            em.flush();
            history(action.id, "updated", before, snapshot(action));
            return view(action);
        });
    }

    @Transactional
    public Optional<ActionView> progress(UUID id, ProgressRequest request) {
        return find(id).map(action -> {
            Map<String, Object> before = snapshot(action);
            ActionProgress progress = new ActionProgress();
            progress.id = UUID.randomUUID();
            progress.actionId = id;
            progress.onDate = request.on();
            progress.note = request.note().strip();
            progress.byName = user.name();
            progress.recordedAt = Instant.now();
            em.persist(progress);
            if (request.status() != null) {
                action.status = request.status();
            }
            if (request.rag() != null) {
                action.rag = request.rag();
            }
            action.updatedAt = Instant.now();
            em.flush();
            Map<String, Object> after = snapshot(action);
            after.put("progress", request.note().strip());
            history(action.id, "progress", before, after);
            return view(action);
        });
    }

    @Transactional
    public Optional<ActionView> get(UUID id) {
        return find(id).map(this::view);
    }

    @Transactional
    public List<ActionView> list(String priority, String status) {
        StringBuilder query = new StringBuilder("from RecommendedAction a where 1 = 1");
        if (priority != null) {
            query.append(" and a.priority = :priority");
        }
        if (status != null) {
            query.append(" and a.status = :status");
        }
        query.append(" order by a.priority, a.dueOn nulls last, a.title");
        var typed = em.createQuery(query.toString(), RecommendedAction.class);
        if (priority != null) {
            typed.setParameter("priority", priority);
        }
        if (status != null) {
            typed.setParameter("status", status);
        }
        return typed.getResultList().stream().map(this::view).toList();
    }

    private Optional<RecommendedAction> find(UUID id) {
        return Optional.ofNullable(em.find(RecommendedAction.class, id));
    }

    private void requirePriority(String priority) {
        Number known = (Number) em.createNativeQuery("SELECT count(*) FROM priority WHERE code = ?1")
                .setParameter(1, priority).getSingleResult();
        if (known.intValue() == 0) {
            throw ProblemException.invalidField("priority", "one of the six priorities (e.g. AWARENESS_LEARNING)");
        }
    }

    private static void apply(RecommendedAction action, ActionRequest request) {
        action.priority = request.priority();
        action.title = request.title().strip();
        action.description = request.description();
        action.ownerOrganisation = request.ownerOrganisation().strip();
        action.dueOn = request.dueOn();
        action.status = request.status();
        action.rag = request.rag();
        action.linkedIndicators = request.linkedIndicators() == null ? "" : String.join(",", request.linkedIndicators());
        action.updatedAt = Instant.now();
    }

    private Map<String, Object> snapshot(RecommendedAction a) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("priority", a.priority);
        s.put("title", a.title);
        s.put("description", a.description);
        s.put("ownerOrganisation", a.ownerOrganisation);
        s.put("dueOn", a.dueOn == null ? null : a.dueOn.toString());
        s.put("status", a.status);
        s.put("rag", a.rag);
        s.put("linkedIndicators", a.linkedIndicatorList());
        return s;
    }

    private void history(UUID id, String change, Map<String, Object> before, Map<String, Object> after) {
        em.createNativeQuery("""
                INSERT INTO action_history (action_id, at, by_name, change, before, after)
                VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb), CAST(?6 AS jsonb))""")
                .setParameter(1, id).setParameter(2, Instant.now()).setParameter(3, user.name())
                .setParameter(4, change).setParameter(5, before == null ? null : json(before))
                .setParameter(6, json(after)).executeUpdate();
    }

    private ActionView view(RecommendedAction a) {
        List<ActionDtos.Progress> progress = em.createQuery(
                "from ActionProgress p where p.actionId = :id order by p.onDate, p.recordedAt", ActionProgress.class)
                .setParameter("id", a.id).getResultList().stream()
                .map(p -> new ActionDtos.Progress(p.onDate, p.note, p.byName)).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT at, by_name, change, before::text, after::text FROM action_history WHERE action_id = ?1 ORDER BY id""")
                .setParameter(1, a.id).getResultList();
        List<ActionDtos.Change> history = new ArrayList<>();
        for (Object[] row : rows) {
            history.add(new ActionDtos.Change(instant(row[0]), (String) row[1], (String) row[2], tree((String) row[3]),
                    tree((String) row[4])));
        }
        return new ActionView(a.id, a.priority, a.title, a.description, a.ownerOrganisation, a.dueOn, a.status, a.rag,
                a.linkedIndicatorList(), progress, history, a.version);
    }

    private Object tree(String json) {
        try {
            return json == null ? null : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
