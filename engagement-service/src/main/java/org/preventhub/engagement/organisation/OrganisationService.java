package org.preventhub.engagement.organisation;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.contracts.engagement.EngagementEventTypes;
import org.preventhub.contracts.engagement.OrganisationRegistered;
import org.preventhub.engagement.config.Vocabulary;
import org.preventhub.engagement.organisation.OrganisationDtos.OrganisationRequest;
import org.preventhub.engagement.organisation.OrganisationDtos.OrganisationView;
import org.preventhub.engagement.web.ListQuery;
import org.preventhub.platform.outbox.Outbox;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.reference.Areas;
import org.preventhub.platform.web.Versions;

@ApplicationScoped
public class OrganisationService {

    private final EntityManager em;
    private final Vocabulary vocabulary;
    private final Areas areas;
    private final Outbox outbox;

    public OrganisationService(EntityManager em, Vocabulary vocabulary, Areas areas, Outbox outbox) {
        this.em = em;
        this.vocabulary = vocabulary;
        this.areas = areas;
        this.outbox = outbox;
    }

    @Transactional
    public OrganisationView register(OrganisationRequest request) {
        Organisation organisation = new Organisation();
        organisation.id = UUID.randomUUID();
        organisation.createdAt = Instant.now();
        apply(organisation, request);
        em.persist(organisation);
        em.flush();
        outbox.record(EngagementEventTypes.AGGREGATE_ORGANISATION, organisation.id,
                EngagementEventTypes.ORGANISATION_REGISTERED, registered(organisation));
        return OrganisationView.of(organisation);
    }

    @Transactional
    public Optional<OrganisationView> update(UUID id, OrganisationRequest request, Long expectedVersion) {
        return Optional.ofNullable(em.find(Organisation.class, id)).map(organisation -> {
            Versions.check(expectedVersion, organisation.version);
            apply(organisation, request);
            em.flush();
            outbox.record(EngagementEventTypes.AGGREGATE_ORGANISATION, organisation.id,
                    EngagementEventTypes.ORGANISATION_REGISTERED, registered(organisation));
            return OrganisationView.of(organisation);
        });
    }

    @Transactional
    public Optional<OrganisationView> get(UUID id) {
        return Optional.ofNullable(em.find(Organisation.class, id)).map(OrganisationView::of);
    }

    @Transactional
    public Page<OrganisationView> list(String type, String area, Boolean active, PageParams page) {
        return ListQuery.of(Organisation.class, "o")
                .when(type, "type", "o.type = :type")
                .when(area, "area", "o.area = :area")
                .when(active, "active", "o.active = :active")
                .page(em, page, Map.of("name", "name", "type", "type", "area", "area"), "name", "id", OrganisationView::of);
    }

    /** For events: the organisation, or 400 on the field that named it. */
    public Organisation require(String field, UUID id) {
        Organisation organisation = id == null ? null : em.find(Organisation.class, id);
        if (organisation == null) {
            throw org.preventhub.platform.problem.ProblemException.invalidField(field, "no such organisation");
        }
        return organisation;
    }

    private void apply(Organisation o, OrganisationRequest r) {
        o.name = r.name().strip();
        o.type = vocabulary.organisationType("type", r.type());
        o.area = r.area() == null ? null : areas.require("area", r.area());
        o.contactName = r.contactName();
        o.contactEmail = r.contactEmail();
        o.contactPhone = r.contactPhone();
        o.active = r.active() == null || r.active();
        o.updatedAt = Instant.now();
    }

    private static OrganisationRegistered registered(Organisation o) {
        return new OrganisationRegistered(o.id, o.name, o.type, o.area, o.active);
    }
}
