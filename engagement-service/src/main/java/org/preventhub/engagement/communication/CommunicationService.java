package org.preventhub.engagement.communication;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.contracts.engagement.CommunicationPublished;
import org.preventhub.contracts.engagement.EngagementEventTypes;
import org.preventhub.engagement.communication.CommunicationDtos.CommunicationRequest;
import org.preventhub.engagement.communication.CommunicationDtos.CommunicationView;
import org.preventhub.engagement.config.Vocabulary;
import org.preventhub.engagement.organisation.OrganisationService;
import org.preventhub.engagement.organisation.PartnerLink;
import org.preventhub.platform.web.ListQuery;
import org.preventhub.platform.outbox.Outbox;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.Versions;

@ApplicationScoped
public class CommunicationService {

    static final Map<String, String> SORTABLE = Map.of("publishedOn", "publishedOn", "title", "title", "channel", "channel",
            "recipients", "recipients", "views", "views");

    private final EntityManager em;
    private final OrganisationService organisations;
    private final Outbox outbox;

    public CommunicationService(EntityManager em, OrganisationService organisations, Outbox outbox) {
        this.em = em;
        this.organisations = organisations;
        this.outbox = outbox;
    }

    @Transactional
    public CommunicationView publish(CommunicationRequest request) {
        Communication communication = new Communication();
        communication.id = UUID.randomUUID();
        communication.createdAt = Instant.now();
        apply(communication, request);
        em.persist(communication);
        em.flush();
        announce(communication);
        return CommunicationView.of(communication);
    }

    @Transactional
    public Optional<CommunicationView> update(UUID id, CommunicationRequest request, Long expectedVersion) {
        return Optional.ofNullable(em.find(Communication.class, id)).map(communication -> {
            Versions.check(expectedVersion, communication.version);
            apply(communication, request);
            em.flush();
            announce(communication);
            return CommunicationView.of(communication);
        });
    }

    @Transactional
    public Optional<CommunicationView> get(UUID id) {
        return Optional.ofNullable(em.find(Communication.class, id)).map(CommunicationView::of);
    }

    @Transactional
    public Page<CommunicationView> list(CommunicationFilter filter, PageParams page) {
        return ListQuery.of(Communication.class, "c")
                .when(filter.channel, "channel", "c.channel = :channel")
                .when(filter.priority, "priority", "c.priority = :priority")
                .when(filter.audience, "audience", "c.audience = :audience")
                .when(filter.incidentResponse, "incident", "c.incidentResponse = :incident")
                .when(filter.partner, "partner",
                        "exists (select 1 from Communication x join x.partners p where x = c and p.organisationId = :partner)")
                .when(filter.from, "from", "c.publishedOn >= :from")
                .when(filter.to, "to", "c.publishedOn <= :to")
                .page(em, page, SORTABLE, "publishedOn", "id", CommunicationView::of);
    }

    private void apply(Communication c, CommunicationRequest r) {
        c.title = r.title().strip();
        c.channel = Vocabulary.require("channel", r.channel(), Vocabulary.CHANNELS);
        c.audience = Vocabulary.require("audience", r.audience(), Vocabulary.AUDIENCES);
        c.priority = r.priority();
        c.publishedOn = r.publishedOn();
        c.recipients = r.recipients();
        c.views = r.views();
        c.incidentResponse = Boolean.TRUE.equals(r.incidentResponse());
        c.summary = r.summary();
        c.partners.clear();
        organisations.requirePartners("partners", r.partners())
                .forEach(p -> c.partners.add(new PartnerLink(p.organisationId(), p.role())));
    }

    private void announce(Communication c) {
        outbox.record(EngagementEventTypes.AGGREGATE_COMMUNICATION, c.id, EngagementEventTypes.COMMUNICATION_PUBLISHED,
                new CommunicationPublished(new CommunicationPublished.Communication(c.id, c.title, c.channel, c.audience,
                        c.priority, c.publishedOn, c.recipients, c.views, c.reach(), c.incidentResponse,
                        organisations.typesOf(c.partners.stream().map(p -> p.organisationId).toList()))));
    }
}
