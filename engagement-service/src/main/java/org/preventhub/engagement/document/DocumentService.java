package org.preventhub.engagement.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.contracts.engagement.EngagementEventTypes;
import org.preventhub.contracts.engagement.GovernanceDocumentChanged;
import org.preventhub.engagement.config.Vocabulary;
import org.preventhub.engagement.document.DocumentDtos.GovernanceDocumentRequest;
import org.preventhub.engagement.document.DocumentDtos.GovernanceDocumentView;
import org.preventhub.engagement.document.DocumentDtos.GovernanceReviewRequest;
import org.preventhub.engagement.governance.GovernanceBody;
import org.preventhub.engagement.organisation.OrganisationService;
import org.preventhub.platform.web.ListQuery;
import org.preventhub.platform.outbox.Outbox;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.reference.Areas;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.Versions;

@ApplicationScoped
public class DocumentService {

    static final List<String> STATUSES = List.of("DRAFT", "ISSUED", "SUPERSEDED", "WITHDRAWN");
    /** Documents no longer in force are never due for review. */
    static final List<String> CLOSED = List.of("SUPERSEDED", "WITHDRAWN");
    static final String LOCAL_AREA_ASSESSMENT = "LOCAL_AREA_PREVENT_ASSESSMENT";
    static final String TERMS_OF_REFERENCE = "TERMS_OF_REFERENCE";
    private static final Map<String, String> SORTABLE = Map.of("title", "title", "type", "type", "issuedOn", "issuedOn",
            "nextReviewDue", "nextReviewDue");

    /** A download's answer: the file, or a refusal already logged. */
    public record Download(DocumentFile file, String marking, boolean granted) {
    }

    private final EntityManager em;
    private final DocumentConfig config;
    private final OrganisationService organisations;
    private final Areas areas;
    private final Outbox outbox;
    private final CurrentUser user;
    private final List<String> types;

    public DocumentService(EntityManager em, DocumentConfig config, OrganisationService organisations, Areas areas,
            Outbox outbox, CurrentUser user) {
        this.em = em;
        this.config = config;
        this.organisations = organisations;
        this.areas = areas;
        this.outbox = outbox;
        this.user = user;
        List<String> all = new ArrayList<>(config.types());
        config.extraTypes().ifPresent(extra -> extra.stream().filter(t -> !all.contains(t)).forEach(all::add));
        this.types = List.copyOf(all);
    }

    @Transactional
    public GovernanceDocumentView register(GovernanceDocumentRequest request) {
        GovernanceDocument document = new GovernanceDocument();
        document.id = UUID.randomUUID();
        document.createdAt = Instant.now();
        apply(document, request);
        em.persist(document);
        em.flush();
        publish(document, EngagementEventTypes.DOCUMENT_REGISTERED);
        return view(document);
    }

    @Transactional
    public Optional<GovernanceDocumentView> update(UUID id, GovernanceDocumentRequest request, Long expectedVersion) {
        return readable(id).map(document -> {
            Versions.check(expectedVersion, document.version);
            apply(document, request);
            em.flush();
            publish(document, EngagementEventTypes.DOCUMENT_REGISTERED);
            return view(document);
        });
    }

    @Transactional
    public Optional<GovernanceDocumentView> review(UUID id, GovernanceReviewRequest request) {
        return readable(id).map(document -> {
            if (document.issuedOn == null || request.reviewedOn().isBefore(document.issuedOn)) {
                throw ProblemException.invalidField("reviewedOn", "a document is reviewed on or after its issue");
            }
            document.lastReviewedOn = request.reviewedOn();
            if (request.documentVersion() != null && !request.documentVersion().isBlank()) {
                document.documentVersion = request.documentVersion().strip();
            }
            document.scheduleReview();
            document.updatedAt = Instant.now();
            em.flush();
            publish(document, EngagementEventTypes.DOCUMENT_REVIEWED);
            return view(document);
        });
    }

    /** A document the caller's roles may read by its marking; one they may not is 403, not hidden as a 404. */
    @Transactional
    public Optional<GovernanceDocumentView> get(UUID id) {
        return readable(id).map(this::view);
    }

    @Transactional
    public Page<GovernanceDocumentView> list(String type, String status, String area, UUID bodyId, PageParams page) {
        return query().when(type, "type", "d.type = :type").when(status, "status", "d.status = :status")
                .when(area, "area", "d.area = :area").when(bodyId, "bodyId", "d.bodyId = :bodyId")
                .page(em, page, SORTABLE, "title", "id", this::view);
    }

    /** Documents in force whose next review fell due before {@code on}. */
    @Transactional
    public Page<GovernanceDocumentView> overdue(LocalDate on, PageParams page) {
        return query().when(on, "on", "d.nextReviewDue < :on").when(CLOSED, "closed", "d.status not in :closed")
                .page(em, page, SORTABLE, "nextReviewDue", "id", this::view);
    }

    @Transactional
    public Optional<GovernanceDocumentView> upload(UUID id, byte[] content) {
        return readable(id).map(document -> {
            DocumentFile file = new DocumentFile();
            file.id = UUID.randomUUID();
            file.documentId = document.id;
            file.content = content;
            file.sizeBytes = content.length;
            file.sha256 = sha256(content);
            file.uploadedBy = user.id();
            file.uploadedAt = Instant.now();
            em.persist(file);
            em.flush();
            document.currentFileId = file.id;
            document.updatedAt = file.uploadedAt;
            em.flush();
            return view(document);
        });
    }

    /** The current file if the caller's roles may read its marking; every attempt, granted or not, is logged. */
    @Transactional
    public Optional<Download> download(UUID id) {
        return Optional.ofNullable(em.find(GovernanceDocument.class, id)).map(document -> {
            boolean granted = mayRead(document.marking);
            DocumentAccess access = new DocumentAccess();
            access.id = UUID.randomUUID();
            access.documentId = document.id;
            access.userId = user.id();
            access.roles = String.join(",", user.roles().stream().sorted().toList());
            access.outcome = granted ? DocumentAccess.GRANTED : DocumentAccess.REFUSED;
            access.accessedAt = Instant.now();
            em.persist(access);
            if (!granted || document.currentFileId == null) {
                return new Download(null, document.marking, granted);
            }
            DocumentFile file = em.find(DocumentFile.class, document.currentFileId);
            return new Download(file, document.marking, true);
        });
    }

    public List<String> types() {
        return types;
    }

    public String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<GovernanceDocument> readable(UUID id) {
        GovernanceDocument document = em.find(GovernanceDocument.class, id);
        if (document != null && !mayRead(document.marking)) {
            throw ProblemException.forbidden("This document is marked " + document.marking + ", which your roles may not read.");
        }
        return Optional.ofNullable(document);
    }

    private ListQuery<GovernanceDocument> query() {
        List<String> markings = config.readers().keySet().stream().filter(this::mayRead).toList();
        // An impossible marking keeps the query valid when the caller may read none.
        return ListQuery.of(GovernanceDocument.class, "d").when(markings.isEmpty() ? List.of("") : markings, "markings",
                "d.marking in :markings");
    }

    private boolean mayRead(String marking) {
        return config.readers().getOrDefault(marking, List.of()).stream().anyMatch(user::hasRole);
    }

    private void apply(GovernanceDocument d, GovernanceDocumentRequest r) {
        d.type = Vocabulary.require("type", r.type(), types);
        d.title = r.title().strip();
        d.ownerOrganisationId = organisations.require("ownerOrganisationId", r.ownerOrganisationId()).id;
        d.area = r.area() == null || r.area().isBlank() ? null : areas.require("area", r.area());
        if (LOCAL_AREA_ASSESSMENT.equals(d.type) && d.area == null) {
            throw ProblemException.invalidField("area", "a Local Area Prevent Assessment names its area");
        }
        if (r.bodyId() != null && em.find(GovernanceBody.class, r.bodyId()) == null) {
            throw ProblemException.invalidField("bodyId", "no such governance body");
        }
        d.bodyId = r.bodyId();
        if (TERMS_OF_REFERENCE.equals(d.type) && d.bodyId == null) {
            throw ProblemException.invalidField("bodyId", "Terms of Reference name the body they govern");
        }
        d.documentVersion = r.documentVersion().strip();
        d.status = Vocabulary.require("status", r.status(), STATUSES);
        if (!"DRAFT".equals(d.status) && r.issuedOn() == null) {
            throw ProblemException.invalidField("issuedOn", "a document that is not a draft has an issue date");
        }
        d.issuedOn = r.issuedOn();
        if (r.lastReviewedOn() != null && (d.issuedOn == null || r.lastReviewedOn().isBefore(d.issuedOn))) {
            throw ProblemException.invalidField("lastReviewedOn", "a document is reviewed on or after its issue");
        }
        d.lastReviewedOn = r.lastReviewedOn();
        d.reviewCycleMonths = r.reviewCycleMonths();
        d.marking = Vocabulary.require("marking", r.marking(), List.copyOf(config.readers().keySet()));
        if (!mayRead(d.marking)) {
            throw ProblemException.invalidField("marking", "you could not read a document you mark so");
        }
        d.scheduleReview();
        d.updatedAt = Instant.now();
    }

    private void publish(GovernanceDocument d, String type) {
        outbox.record(EngagementEventTypes.AGGREGATE_DOCUMENT, d.id, type, new GovernanceDocumentChanged(d.id, d.type,
                d.title, d.ownerOrganisationId, d.bodyId, d.area, d.documentVersion, d.status, d.issuedOn,
                d.reviewCycleMonths, d.lastReviewedOn, d.nextReviewDue, d.marking));
    }

    private GovernanceDocumentView view(GovernanceDocument d) {
        Object[] file = d.currentFileId == null ? null : em.createQuery(
                "select f.sizeBytes, f.sha256 from DocumentFile f where f.id = :id", Object[].class)
                .setParameter("id", d.currentFileId).getSingleResult();
        return new GovernanceDocumentView(d.id, d.type, d.title, d.ownerOrganisationId, d.bodyId, d.area, d.documentVersion,
                d.status, d.issuedOn, d.reviewCycleMonths, d.lastReviewedOn, d.nextReviewDue, d.marking, file != null,
                file == null ? null : (Long) file[0], file == null ? null : (String) file[1], d.version);
    }
}
