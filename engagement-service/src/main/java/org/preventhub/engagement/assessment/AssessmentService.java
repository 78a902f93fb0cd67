package org.preventhub.engagement.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.contracts.Priority;
import org.preventhub.contracts.engagement.EngagementEventTypes;
import org.preventhub.contracts.engagement.ImprovementActionRaised;
import org.preventhub.contracts.engagement.SelfAssessmentScored;
import org.preventhub.engagement.assessment.AssessmentDtos.AssessmentRequest;
import org.preventhub.engagement.assessment.AssessmentDtos.AssessmentView;
import org.preventhub.engagement.assessment.AssessmentDtos.CriteriaLoaded;
import org.preventhub.engagement.assessment.AssessmentDtos.CriteriaRequest;
import org.preventhub.engagement.assessment.AssessmentDtos.CriterionRequest;
import org.preventhub.engagement.assessment.AssessmentDtos.CriterionView;
import org.preventhub.engagement.assessment.AssessmentDtos.ImprovementRequest;
import org.preventhub.engagement.assessment.AssessmentDtos.ImprovementView;
import org.preventhub.engagement.assessment.AssessmentDtos.ScoreRequest;
import org.preventhub.engagement.assessment.AssessmentDtos.ScoreView;
import org.preventhub.engagement.assessment.AssessmentDtos.ScoresRequest;
import org.preventhub.engagement.assessment.AssessmentDtos.SectionScore;
import org.preventhub.engagement.assessment.AssessmentDtos.Trend;
import org.preventhub.engagement.assessment.AssessmentDtos.YearScore;
import org.preventhub.engagement.organisation.Organisation;
import org.preventhub.engagement.organisation.OrganisationService;
import org.preventhub.platform.outbox.Outbox;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.web.ListQuery;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;

/** Self-assessment frameworks' criteria, yearly assessments, their scores, improvements and trend. */
@ApplicationScoped
public class AssessmentService {

    /** Enough for every partner's assessment over decades; a bound on what one trend reads. */
    static final int MAX_TREND_ASSESSMENTS = 5_000;

    private final EntityManager em;
    private final OrganisationService organisations;
    private final Outbox outbox;

    public AssessmentService(EntityManager em, OrganisationService organisations, Outbox outbox) {
        this.em = em;
        this.organisations = organisations;
        this.outbox = outbox;
    }

    /** Loads a framework's whole set of criteria: codes listed are created or updated, codes not listed retired. */
    @Transactional
    public CriteriaLoaded load(String framework, CriteriaRequest request) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.criteria().size(); i++) {
            if (!seen.add(request.criteria().get(i).code().strip())) {
                throw ProblemException.invalidField("criteria[" + i + "].code", "listed twice");
            }
        }
        Map<String, AssessmentCriterion> existing = new HashMap<>();
        criteria(framework, false).forEach(c -> existing.put(c.code, c));
        int created = 0;
        int updated = 0;
        for (int i = 0; i < request.criteria().size(); i++) {
            CriterionRequest r = request.criteria().get(i);
            AssessmentCriterion c = existing.remove(r.code().strip());
            boolean fresh = c == null;
            if (fresh) {
                c = new AssessmentCriterion();
                c.id = UUID.randomUUID();
                c.framework = framework;
                c.code = r.code().strip();
            }
            c.section = r.section().strip();
            c.title = r.title().strip();
            c.guidance = r.guidance();
            c.maxScore = r.maxScore();
            c.priority = r.priority().name();
            c.displayOrder = i;
            c.active = true;
            if (fresh) {
                em.persist(c);
                created++;
            } else {
                updated++;
            }
        }
        int retired = 0;
        for (AssessmentCriterion c : existing.values()) {
            retired += c.active ? 1 : 0;
            c.active = false;
        }
        return new CriteriaLoaded(framework, created, updated, retired);
    }

    @Transactional
    public boolean hasCriteria(String framework) {
        return !criteria(framework, false).isEmpty();
    }

    @Transactional
    public List<CriterionView> criteriaOf(String framework, boolean activeOnly) {
        return criteria(framework, activeOnly).stream().map(c -> new CriterionView(c.id, c.framework, c.code, c.section,
                c.title, c.guidance, c.maxScore, Priority.valueOf(c.priority), c.active)).toList();
    }

    @Transactional
    public AssessmentView create(AssessmentRequest request) {
        if (criteria(request.framework(), true).isEmpty()) {
            throw ProblemException.invalidField("framework", "no criteria are loaded for " + request.framework());
        }
        Organisation organisation = organisations.require("organisationId", request.organisationId());
        if (!em.createQuery("select a.id from SelfAssessment a where a.framework = :f and a.year = :y and a.organisationId = :o",
                UUID.class).setParameter("f", request.framework()).setParameter("y", request.year())
                .setParameter("o", organisation.id).getResultList().isEmpty()) {
            throw ProblemException.conflict("assessment-exists", organisation.name + " has assessed "
                    + request.year() + " against " + request.framework() + " already");
        }
        SelfAssessment a = new SelfAssessment();
        a.id = UUID.randomUUID();
        a.framework = request.framework();
        a.year = request.year();
        a.organisationId = organisation.id;
        a.assessedOn = request.assessedOn();
        a.createdAt = Instant.now();
        a.updatedAt = a.createdAt;
        em.persist(a);
        em.flush();
        return view(a);
    }

    @Transactional
    public Optional<AssessmentView> get(UUID id) {
        return Optional.ofNullable(em.find(SelfAssessment.class, id)).map(this::view);
    }

    @Transactional
    public Page<AssessmentView> list(String framework, Integer year, UUID organisationId, PageParams page) {
        return ListQuery.of(SelfAssessment.class, "a").when(framework, "framework", "a.framework = :framework")
                .when(year, "year", "a.year = :year").when(organisationId, "organisationId", "a.organisationId = :organisationId")
                .page(em, page, Map.of("year", "year", "assessedOn", "assessedOn"), "year", "id", this::view);
    }

    /** Scores criteria (each once per request, within its best score) and publishes the assessment's scores. */
    @Transactional
    public Optional<AssessmentView> score(UUID id, ScoresRequest request) {
        return Optional.ofNullable(em.find(SelfAssessment.class, id)).map(a -> {
            Map<String, AssessmentCriterion> criteria = new HashMap<>();
            criteria(a.framework, true).forEach(c -> criteria.put(c.code, c));
            Map<UUID, AssessmentScore> scores = new HashMap<>();
            scores(a.id).forEach(s -> scores.put(s.criterionId, s));
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < request.scores().size(); i++) {
                ScoreRequest r = request.scores().get(i);
                AssessmentCriterion c = criteria.get(r.criterionCode().strip());
                if (c == null) {
                    throw ProblemException.invalidField("scores[" + i + "].criterionCode", "not a criterion in force of " + a.framework);
                }
                if (!seen.add(c.code)) {
                    throw ProblemException.invalidField("scores[" + i + "].criterionCode", "scored twice");
                }
                if (r.score() > c.maxScore) {
                    throw ProblemException.invalidField("scores[" + i + "].score", "at most " + c.maxScore + " for " + c.code);
                }
                AssessmentScore s = scores.get(c.id);
                if (s == null) {
                    s = new AssessmentScore();
                    s.id = UUID.randomUUID();
                    s.assessmentId = a.id;
                    s.criterionId = c.id;
                    em.persist(s);
                }
                s.score = r.score();
                s.evidence = r.evidence() == null || r.evidence().isBlank() ? null : r.evidence().strip();
            }
            a.updatedAt = Instant.now();
            em.flush();
            Organisation organisation = em.find(Organisation.class, a.organisationId);
            List<SelfAssessmentScored.CriterionScore> published = scoreViews(a).stream()
                    .map(s -> new SelfAssessmentScored.CriterionScore(s.criterionCode(), s.section(),
                            Priority.valueOf(criterion(a.framework, s.criterionCode()).priority), s.score(), s.maxScore()))
                    .toList();
            outbox.record(EngagementEventTypes.AGGREGATE_ASSESSMENT, a.id, EngagementEventTypes.ASSESSMENT_SCORED,
                    new SelfAssessmentScored(a.id, a.framework, a.year, a.assessedOn, a.organisationId, organisation.type,
                            published));
            return view(a);
        });
    }

    /** Records an improvement and publishes it for the action plan. */
    @Transactional
    public Optional<ImprovementView> improve(UUID id, ImprovementRequest request) {
        return Optional.ofNullable(em.find(SelfAssessment.class, id)).map(a -> {
            AssessmentCriterion criterion = null;
            if (request.criterionCode() != null && !request.criterionCode().isBlank()) {
                criterion = criterion(a.framework, request.criterionCode().strip());
                if (criterion == null) {
                    throw ProblemException.invalidField("criterionCode", "not a criterion of " + a.framework);
                }
            }
            Organisation owner = request.ownerOrganisationId() == null ? null
                    : organisations.require("ownerOrganisationId", request.ownerOrganisationId());
            ImprovementAction action = new ImprovementAction();
            action.id = UUID.randomUUID();
            action.assessmentId = a.id;
            action.criterionId = criterion == null ? null : criterion.id;
            action.title = request.title().strip();
            action.priority = request.priority();
            action.ownerOrganisationId = owner == null ? null : owner.id;
            action.dueOn = request.dueOn();
            action.createdAt = Instant.now();
            em.persist(action);
            outbox.record(EngagementEventTypes.AGGREGATE_IMPROVEMENT_ACTION, action.id,
                    EngagementEventTypes.IMPROVEMENT_ACTION_RAISED, new ImprovementActionRaised(action.id, a.id,
                            a.framework, a.year, criterion == null ? null : criterion.code, a.assessedOn, action.title,
                            action.priority, action.ownerOrganisationId, owner == null ? null : owner.name, action.dueOn));
            return improvementView(action, criterion == null ? null : criterion.code);
        });
    }

    /** Scores by year, summed over the partners' assessments (or one organisation's), overall and by section. */
    @Transactional
    public Trend trend(String framework, UUID organisationId) {
        Map<Integer, List<SelfAssessment>> byYear = new LinkedHashMap<>();
        var query = em.createQuery("from SelfAssessment a where a.framework = :framework"
                + (organisationId == null ? "" : " and a.organisationId = :organisation") + " order by a.year, a.id",
                SelfAssessment.class).setParameter("framework", framework);
        if (organisationId != null) {
            query.setParameter("organisation", organisationId);
        }
        query.setMaxResults(MAX_TREND_ASSESSMENTS).getResultStream()
                .forEach(a -> byYear.computeIfAbsent(a.year, y -> new ArrayList<>()).add(a));
        List<YearScore> years = new ArrayList<>();
        byYear.forEach((year, assessments) -> {
            Map<String, int[]> sections = new LinkedHashMap<>();
            int score = 0;
            int max = 0;
            for (SelfAssessment a : assessments) {
                for (ScoreView s : scoreViews(a)) {
                    int[] section = sections.computeIfAbsent(s.section(), k -> new int[2]);
                    section[0] += s.score();
                    section[1] += s.maxScore();
                    score += s.score();
                    max += s.maxScore();
                }
            }
            List<SectionScore> bySection = sections.entrySet().stream()
                    .map(e -> new SectionScore(e.getKey(), e.getValue()[0], e.getValue()[1], percent(e.getValue()[0], e.getValue()[1])))
                    .toList();
            years.add(new YearScore(year, assessments.size(), score, max, percent(score, max), bySection));
        });
        return new Trend(framework, organisationId, years);
    }

    private List<AssessmentCriterion> criteria(String framework, boolean activeOnly) {
        return em.createQuery("from AssessmentCriterion c where c.framework = :f" + (activeOnly ? " and c.active = true" : "")
                + " order by c.active desc, c.displayOrder, c.code", AssessmentCriterion.class)
                .setParameter("f", framework).getResultList();
    }

    private AssessmentCriterion criterion(String framework, String code) {
        return em.createQuery("from AssessmentCriterion c where c.framework = :f and c.code = :code", AssessmentCriterion.class)
                .setParameter("f", framework).setParameter("code", code).getResultStream().findFirst().orElse(null);
    }

    private List<AssessmentScore> scores(UUID assessmentId) {
        return em.createQuery("from AssessmentScore s where s.assessmentId = :a", AssessmentScore.class)
                .setParameter("a", assessmentId).getResultList();
    }

    private List<ScoreView> scoreViews(SelfAssessment a) {
        List<Object[]> rows = em.createQuery("select c.code, c.section, s.score, c.maxScore, s.evidence from AssessmentScore s, "
                + "AssessmentCriterion c where c.id = s.criterionId and s.assessmentId = :a order by c.displayOrder, c.code",
                Object[].class).setParameter("a", a.id).getResultList();
        return rows.stream().map(r -> new ScoreView((String) r[0], (String) r[1], (Integer) r[2], (Integer) r[3], (String) r[4]))
                .toList();
    }

    private AssessmentView view(SelfAssessment a) {
        List<ScoreView> scores = scoreViews(a);
        int score = scores.stream().mapToInt(ScoreView::score).sum();
        int max = scores.stream().mapToInt(ScoreView::maxScore).sum();
        List<ImprovementView> improvements = em.createQuery("from ImprovementAction i where i.assessmentId = :a "
                + "order by i.createdAt, i.id", ImprovementAction.class).setParameter("a", a.id).getResultStream()
                .map(i -> improvementView(i, i.criterionId == null ? null : em.find(AssessmentCriterion.class, i.criterionId).code))
                .toList();
        return new AssessmentView(a.id, a.framework, a.year, a.organisationId, a.assessedOn, score, max, percent(score, max),
                scores.size(), criteria(a.framework, true).size(), scores, improvements, a.version);
    }

    private static ImprovementView improvementView(ImprovementAction i, String criterionCode) {
        return new ImprovementView(i.id, criterionCode, i.title, i.priority, i.ownerOrganisationId, i.dueOn);
    }

    private static Double percent(int score, int max) {
        return max == 0 ? null : BigDecimal.valueOf(score * 100.0 / max).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
