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
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.Versions;
import org.preventhub.reporting.action.ActionDtos.ActionRequest;
import org.preventhub.reporting.action.ActionDtos.ActionView;
import org.preventhub.reporting.action.ActionDtos.ProgressRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;

/** The action plan: recommended actions per priority, their progress, and every change, kept. */
@ApplicationScoped
public class ActionService {

    private static final Map<String, String> SORTABLE = Map.of("priority", "priority", "title", "title", "dueOn", "dueOn",
            "status", "status", "rag", "rag", "ownerOrganisation", "ownerOrganisation", "updatedAt", "updatedAt");

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
        requireIndicators(request.linkedIndicators());
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
            requireIndicators(request.linkedIndicators());
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

    /** Every action of a priority, in the plan's order: for the annual report. */
    @Transactional
    public List<ActionView> forPriority(String priority) {
        return em.createQuery("from RecommendedAction a where a.priority = :priority order by a.dueOn nulls last, a.title, a.id",
                RecommendedAction.class).setParameter("priority", priority).getResultList().stream().map(this::view).toList();
    }

    @Transactional
    public Page<ActionView> list(String priority, String status, PageParams page) {
        List<String> where = new ArrayList<>();
        if (priority != null) {
            where.add("a.priority = :priority");
        }
        if (status != null) {
            where.add("a.status = :status");
        }
        String from = " from RecommendedAction a" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        String order;
        if (page.sort == null || page.sort.isEmpty()) {
            order = " order by a.priority, a.dueOn nulls last, a.title, a.id";
        } else {
            Sort sort = page.toSort(SORTABLE, "priority", "id");
            List<String> columns = new ArrayList<>();
            for (Sort.Column column : sort.getColumns()) {
                columns.add("a." + column.getName() + (column.getDirection() == Sort.Direction.Descending ? " desc" : ""));
            }
            order = " order by " + String.join(", ", columns);
        }
        TypedQuery<RecommendedAction> select = em.createQuery("select a" + from + order, RecommendedAction.class);
        TypedQuery<Long> count = em.createQuery("select count(a)" + from, Long.class);
        if (priority != null) {
            select.setParameter("priority", priority);
            count.setParameter("priority", priority);
        }
        if (status != null) {
            select.setParameter("status", status);
            count.setParameter("status", status);
        }
        List<ActionView> items = select.setFirstResult(page.page * page.size).setMaxResults(page.size).getResultList()
                .stream().map(this::view).toList();
        return Page.of(items, page, count.getSingleResult());
    }

    private Optional<RecommendedAction> find(UUID id) {
        return Optional.ofNullable(em.find(RecommendedAction.class, id));
    }

    /** Linked indicators must exist: a link to nothing would show nothing in the report, silently. */
    private void requireIndicators(List<String> ids) {
        if (ids == null) {
            return;
        }
        for (String id : ids) {
            Number known = (Number) em.createNativeQuery("SELECT count(*) FROM indicator WHERE id = ?1")
                    .setParameter(1, id).getSingleResult();
            if (known.intValue() == 0) {
                throw ProblemException.invalidField("linkedIndicators", "no indicator '" + id + "'");
            }
        }
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
