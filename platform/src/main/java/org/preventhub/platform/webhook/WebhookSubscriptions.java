package org.preventhub.platform.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.problem.Violation;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.web.ListQuery;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.webhook.WebhookViews.AttemptView;
import org.preventhub.platform.webhook.WebhookViews.DeliveryView;
import org.preventhub.platform.webhook.WebhookViews.SubscriptionRequest;
import org.preventhub.platform.webhook.WebhookViews.SubscriptionView;

/**
 * Subscriptions as their owner manages them. The owner is the OAuth client and the agency of the creating token:
 * each call finds a subscription only among the caller's own, so another's answers 404, as if it did not exist.
 */
@ApplicationScoped
public class WebhookSubscriptions {

    private static final Logger LOG = Logger.getLogger(WebhookSubscriptions.class);
    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "status", "status");

    private final EntityManager em;
    private final CurrentUser user;
    private final WebhookConfig config;
    private final Instance<WebhookEvents> events;

    public WebhookSubscriptions(EntityManager em, CurrentUser user, WebhookConfig config, Instance<WebhookEvents> events) {
        this.em = em;
        this.user = user;
        this.config = config;
        this.events = events;
    }

    public List<WebhookEvents.Type> types() {
        return events().types();
    }

    @Transactional
    public SubscriptionView create(SubscriptionRequest request) {
        Owner owner = owner();
        URI url = checkedUrl(request.url());
        List<String> types = checkedTypes(request.eventTypes());
        long held = em.createQuery("select count(s) from WebhookSubscription s where s.ownerAgency = ?1 "
                + "and s.ownerClient = ?2", Long.class).setParameter(1, owner.agency()).setParameter(2, owner.client())
                .getSingleResult();
        if (held >= config.maxSubscriptions()) {
            throw ProblemException.conflict("too-many-subscriptions", "This client already holds "
                    + config.maxSubscriptions() + " subscriptions; delete one first.");
        }
        Instant now = Instant.now();
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.ownerClient = owner.client();
        s.ownerAgency = owner.agency();
        s.allAgencies = config.allAgenciesRoles().orElse(Set.of()).stream().anyMatch(user::hasRole);
        s.url = url.toString();
        s.eventTypes = String.join(",", types);
        s.description = request.description();
        if (request.contactEmail() != null && !request.contactEmail().isBlank()) {
            s.contactEmailEnc = events().cipher().encrypt(request.contactEmail().strip(),
                    WebhookSubscription.contactContext(s.id));
        }
        String secret = WebhookSignature.newSecret();
        s.secretEnc = events().cipher().encrypt(secret, WebhookSubscription.secretContext(s.id));
        s.status = WebhookSubscription.Status.ACTIVE;
        s.createdAt = now;
        s.updatedAt = now;
        em.persist(s);
        LOG.infof("Webhook subscription %s created by client %s of agency %s for %s", s.id, s.ownerClient,
                s.ownerAgency, s.eventTypes);
        return view(s, secret);
    }

    public Page<SubscriptionView> list(PageParams page) {
        Owner owner = owner();
        return ListQuery.of(WebhookSubscription.class, "s")
                .where("s.ownerAgency = :agency and s.ownerClient = :client",
                        Map.of("agency", owner.agency(), "client", owner.client()))
                .page(em, page, SORTABLE, "createdAt", "id", s -> view(s, null));
    }

    public Optional<SubscriptionView> find(UUID id) {
        return own(id, false).map(s -> view(s, null));
    }

    /** Deliveries wait while paused and go out on resuming; resuming also re-enables a disabled subscription. */
    @Transactional
    public Optional<SubscriptionView> setPaused(UUID id, boolean paused) {
        return own(id, true).map(s -> {
            WebhookSubscription.Status next = paused ? WebhookSubscription.Status.PAUSED : WebhookSubscription.Status.ACTIVE;
            if (s.status != next) {
                s.status = next;
                s.statusReason = paused ? "Paused by its client." : null;
                s.failedDeliveries = 0;
                s.failingSince = null;
                s.updatedAt = Instant.now();
                if (!paused) {
                    // What waited is due now, not at the back-off it had reached.
                    em.createNativeQuery("UPDATE webhook_delivery SET next_attempt_at = ?1 "
                            + "WHERE subscription_id = ?2 AND status = 'PENDING'")
                            .setParameter(1, s.updatedAt).setParameter(2, s.id).executeUpdate();
                }
                LOG.infof("Webhook subscription %s %s by its client", s.id, paused ? "paused" : "resumed");
            }
            return view(s, null);
        });
    }

    @Transactional
    public boolean delete(UUID id) {
        return own(id, true).map(s -> {
            em.remove(s);
            LOG.infof("Webhook subscription %s deleted by its client", s.id);
            return true;
        }).orElse(false);
    }

    public Optional<Page<DeliveryView>> deliveries(UUID id, WebhookDelivery.Status status, PageParams page) {
        return own(id, false).map(s -> {
            Page<WebhookDelivery> found = ListQuery.of(WebhookDelivery.class, "d")
                    .where("d.subscriptionId = :subscription", Map.of("subscription", s.id))
                    .when(status, "status", "d.status = :status")
                    .page(em, page, Map.of("createdAt", "createdAt"), "createdAt", "id", d -> d);
            return found.map(d -> view(d, attempts(d.id)));
        });
    }

    /** Sends a delivery again, with the same {@code webhook-id}, whatever became of it. */
    @Transactional
    public Optional<DeliveryView> replay(UUID id, UUID deliveryId) {
        return own(id, false).flatMap(s -> Optional.ofNullable(em.find(WebhookDelivery.class, deliveryId,
                LockModeType.PESSIMISTIC_WRITE)).filter(d -> d.subscriptionId.equals(s.id)).map(d -> {
                    d.status = WebhookDelivery.Status.PENDING;
                    d.nextAttemptAt = Instant.now();
                    LOG.infof("Webhook delivery %s of subscription %s replayed by its client", d.id, s.id);
                    return view(d, attempts(d.id));
                }));
    }

    private Optional<WebhookSubscription> own(UUID id, boolean lock) {
        Owner owner = owner();
        WebhookSubscription s = lock ? em.find(WebhookSubscription.class, id, LockModeType.PESSIMISTIC_WRITE)
                : em.find(WebhookSubscription.class, id);
        return Optional.ofNullable(s).filter(found -> found.ownerAgency.equals(owner.agency())
                && found.ownerClient.equals(owner.client()));
    }

    private record Owner(String client, String agency) {
    }

    private Owner owner() {
        String agency = user.agency().orElseThrow(() -> ProblemException.forbidden(
                "This client has no agency claim, so its subscriptions cannot be told from another agency's."));
        String client = user.clientId().orElseThrow(() -> ProblemException.forbidden(
                "This token names no client (azp), so its subscriptions cannot be told from another client's."));
        return new Owner(client, agency);
    }

    private WebhookEvents events() {
        if (!events.isResolvable()) {
            throw ProblemException.notFound("webhook events");
        }
        return events.get();
    }

    private URI checkedUrl(String text) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw ProblemException.invalidField("url", "an absolute https URL");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase();
        boolean allowed = scheme.equals("https") || (scheme.equals("http") && config.allowHttp());
        if (!allowed || url.getHost() == null || url.getRawUserInfo() != null || url.getRawFragment() != null) {
            throw ProblemException.invalidField("url", config.allowHttp()
                    ? "an absolute http or https URL with a host, no user name or password and no fragment"
                    : "an absolute https URL with a host, no user name or password and no fragment");
        }
        if (!config.allowPrivateAddresses() && isPrivate(url.getHost())) {
            throw ProblemException.invalidField("url", "a public address: loopback, link-local and private "
                    + "addresses are refused");
        }
        return url;
    }

    /** A literal address or a name of the local network; names are checked again when sending. */
    static boolean isPrivate(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost") || h.toLowerCase().endsWith(".localhost") || h.toLowerCase().endsWith(".local")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a name: resolved at delivery (WebhookDispatcher)
        }
        try {
            return isPrivate(InetAddress.getByName(h));
        } catch (java.net.UnknownHostException e) {
            return true;
        }
    }

    static boolean isPrivate(InetAddress address) {
        byte[] b = address.getAddress();
        boolean uniqueLocal6 = b.length == 16 && (b[0] & 0xfe) == 0xfc;
        return address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress() || uniqueLocal6;
    }

    private List<String> checkedTypes(List<String> requested) {
        Set<String> known = types().stream().map(WebhookEvents.Type::name).collect(Collectors.toSet());
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            if (!known.contains(requested.get(i))) {
                violations.add(new Violation("eventTypes[" + i + "]", "one of " + String.join(", ", known)));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("Unknown event type(s).", violations.toArray(Violation[]::new));
        }
        return List.copyOf(new LinkedHashSet<>(requested));
    }

    private List<AttemptView> attempts(UUID deliveryId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT attempt, attempted_at, status_code, error, duration_ms "
                + "FROM webhook_attempt WHERE delivery_id = ?1 ORDER BY attempt").setParameter(1, deliveryId)
                .setMaxResults(1000).getResultList();
        return rows.stream().map(r -> new AttemptView(((Number) r[0]).intValue(), instant(r[1]),
                r[2] == null ? null : ((Number) r[2]).intValue(), (String) r[3], ((Number) r[4]).intValue())).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    SubscriptionView view(WebhookSubscription s, String secret) {
        return new SubscriptionView(s.id, s.url, s.eventTypeList(), s.description, contactEmail(s), s.status, s.statusReason,
                s.failedDeliveries, s.failingSince, s.createdAt, s.updatedAt, secret);
    }

    /** The contact's address, opened for its owner (and for the notice). */
    String contactEmail(WebhookSubscription s) {
        return s.contactEmailEnc == null ? null
                : events().cipher().decrypt(s.contactEmailEnc, WebhookSubscription.contactContext(s.id));
    }

    static DeliveryView view(WebhookDelivery d, List<AttemptView> log) {
        return new DeliveryView(d.id, d.eventId, d.eventType, d.status, d.attempts, d.createdAt, d.nextAttemptAt,
                d.deliveredAt, d.lastStatusCode, d.lastError, log);
    }
}
