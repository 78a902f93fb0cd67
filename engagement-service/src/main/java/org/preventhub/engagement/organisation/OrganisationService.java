package org.preventhub.engagement.organisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
import org.preventhub.contracts.engagement.OrganisationRegistered;
import org.preventhub.contracts.engagement.OrganisationUpdated;
import org.preventhub.engagement.config.Vocabulary;
import org.preventhub.engagement.contact.Contacts;
import org.preventhub.engagement.contact.Contacts.Contact;
import org.preventhub.engagement.organisation.OrganisationDtos.OrganisationRequest;
import org.preventhub.engagement.organisation.OrganisationDtos.OrganisationView;
import org.preventhub.platform.web.ListQuery;
import org.preventhub.platform.outbox.Outbox;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.reference.Areas;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.security.Roles;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.Versions;

@ApplicationScoped
public class OrganisationService {

    /** Who may see an organisation's contact details: the people who work with partners directly. */
    static final List<String> CONTACT_ROLES = List.of(Roles.ENGAGEMENT_OFFICER, Roles.PREVENT_LEAD);

    private final EntityManager em;
    private final Vocabulary vocabulary;
    private final Areas areas;
    private final Outbox outbox;
    private final CurrentUser user;
    private final Contacts contacts;

    public OrganisationService(EntityManager em, Vocabulary vocabulary, Areas areas, Outbox outbox, CurrentUser user,
            Contacts contacts) {
        this.contacts = contacts;
        this.em = em;
        this.vocabulary = vocabulary;
        this.areas = areas;
        this.outbox = outbox;
        this.user = user;
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
                EngagementEventTypes.ORGANISATION_REGISTERED, new OrganisationRegistered(organisation.id,
                        organisation.name, organisation.type, organisation.area, organisation.active));
        return OrganisationView.of(organisation, organisation.contact(contacts));
    }

    @Transactional
    public Optional<OrganisationView> update(UUID id, OrganisationRequest request, Long expectedVersion) {
        return Optional.ofNullable(em.find(Organisation.class, id)).map(organisation -> {
            Versions.check(expectedVersion, organisation.version);
            apply(organisation, request);
            em.flush();
            outbox.record(EngagementEventTypes.AGGREGATE_ORGANISATION, organisation.id,
                    EngagementEventTypes.ORGANISATION_UPDATED, new OrganisationUpdated(organisation.id, organisation.name,
                            organisation.type, organisation.area, organisation.active));
            return OrganisationView.of(organisation, organisation.contact(contacts));
        });
    }

    @Transactional
    public Optional<OrganisationView> get(UUID id) {
        return Optional.ofNullable(em.find(Organisation.class, id)).map(this::view);
    }

    @Transactional
    public Page<OrganisationView> list(String type, String area, Boolean active, PageParams page) {
        return ListQuery.of(Organisation.class, "o")
                .when(type, "type", "o.type = :type")
                .when(area, "area", "o.area = :area")
                .when(active, "active", "o.active = :active")
                .page(em, page, Map.of("name", "name", "type", "type", "area", "area"), "name", "id", this::view);
    }

    /** For events: the organisation, or 400 on the field that named it. */
    public Organisation require(String field, UUID id) {
        Organisation organisation = id == null ? null : em.find(Organisation.class, id);
        if (organisation == null) {
            throw ProblemException.invalidField(field, "no such organisation");
        }
        return organisation;
    }

    /**
     * Checks the partner links of an event or communication: every organisation registered, every role known, and
     * no organisation in the same role twice (400 naming the repeated entry, rather than a key violation's 409).
     */
    public List<PartnerRole> requirePartners(String field, List<PartnerRole> partners) {
        if (partners == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < partners.size(); i++) {
            PartnerRole partner = partners.get(i);
            String at = field + "[" + i + "]";
            require(at + ".organisationId", partner.organisationId());
            Vocabulary.require(at + ".role", partner.role(), Vocabulary.PARTNER_ROLES);
            if (!seen.add(partner.organisationId() + " " + partner.role())) {
                throw ProblemException.invalidField(at, "this organisation is already listed in this role");
            }
        }
        return List.copyOf(partners);
    }

    /** The distinct types of the given organisations, in the order first named: what events carry instead of who. */
    public List<String> typesOf(Collection<UUID> organisationIds) {
        List<String> types = new ArrayList<>();
        for (UUID id : organisationIds) {
            Organisation organisation = em.find(Organisation.class, id);
            if (organisation != null && !types.contains(organisation.type)) {
                types.add(organisation.type);
            }
        }
        return types;
    }

    private OrganisationView view(Organisation organisation) {
        return CONTACT_ROLES.stream().anyMatch(user::hasRole) ? OrganisationView.of(organisation, organisation.contact(contacts))
                : OrganisationView.withoutContact(organisation);
    }

    private void apply(Organisation o, OrganisationRequest r) {
        o.name = r.name().strip();
        o.type = vocabulary.organisationType("type", r.type());
        o.area = r.area() == null ? null : areas.require("area", r.area());
        o.contact(contacts, new Contact(blankToNull(r.contactName()), blankToNull(r.contactEmail()),
                blankToNull(r.contactPhone())));
        o.active = r.active() == null || r.active();
        o.updatedAt = Instant.now();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
