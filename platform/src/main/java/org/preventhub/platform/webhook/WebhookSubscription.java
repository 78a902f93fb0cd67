package org.preventhub.platform.webhook;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A partner client's subscription to some of a service's webhook event types. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    public enum Status {
        /** Deliveries are sent. */
        ACTIVE,
        /** Paused by its client: deliveries are kept and sent on resuming. */
        PAUSED,
        /** Disabled after repeated failures (see {@code statusReason}): nothing is kept or sent until resumed. */
        DISABLED
    }

    @Id
    public UUID id;

    @Column(name = "owner_client", nullable = false)
    public String ownerClient;

    @Column(name = "owner_agency", nullable = false)
    public String ownerAgency;

    @Column(name = "all_agencies", nullable = false)
    public boolean allAgencies;

    @Column(nullable = false)
    public String url;

    @Column(name = "event_types", nullable = false)
    public String eventTypes;

    public String description;

    @Column(name = "secret_enc", nullable = false)
    public String secretEnc;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "failed_deliveries", nullable = false)
    public int failedDeliveries;

    @Column(name = "failing_since")
    public Instant failingSince;

    /** Who is told when it is disabled; sealed under {@link #contactContext}. */
    @Column(name = "contact_email_enc")
    public String contactEmailEnc;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public List<String> eventTypeList() {
        return Arrays.asList(eventTypes.split(","));
    }

    static String contactContext(UUID id) {
        return "webhook_subscription/" + id + "/contact-email";
    }

    /** The context its secret is sealed under: a sealed secret moved to another row does not open. */
    static String secretContext(UUID id) {
        return "webhook_subscription/" + id + "/secret";
    }
}
