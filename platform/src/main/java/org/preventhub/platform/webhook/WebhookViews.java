package org.preventhub.platform.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the webhook endpoints take and answer. */
public final class WebhookViews {

    public static final int MAX_URL = 2000;
    public static final int MAX_TYPES = 20;
    public static final int MAX_TYPE = 100;
    public static final int MAX_DESCRIPTION = 200;
    public static final int MAX_EMAIL = 254;

    private WebhookViews() {
    }

    @Schema(description = "A new subscription.")
    public record SubscriptionRequest(
            @NotBlank @Size(max = MAX_URL) @Schema(description = "Where deliveries are POSTed: https (http only in "
                    + "development); no user name, password or fragment.", example = "https://cases.example.org/hooks/prevent")
            String url,
            @NotEmpty @Size(max = MAX_TYPES) @Schema(description = "Event types, as `GET /webhooks/event-types` lists them.")
            List<@NotBlank @Size(max = MAX_TYPE) String> eventTypes,
            @Size(max = MAX_DESCRIPTION) @Schema(description = "What it is for, for the partner's own records.")
            String description,
            @Email @Size(max = MAX_EMAIL) @Schema(description = "Who to tell by e-mail if the subscription is disabled "
                    + "after repeated failures (optional; the status and its reason are readable either way).",
                    example = "integrations@cases.example.org")
            String contactEmail) {
    }

    @Schema(description = "A subscription. Its signing secret is shown once, in the answer that created it.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubscriptionView(UUID id, @Schema(maxLength = MAX_URL) String url,
            @Schema(maxItems = MAX_TYPES) List<@Size(max = MAX_TYPE) String> eventTypes,
            @Schema(maxLength = MAX_DESCRIPTION) String description,
            @Schema(maxLength = MAX_EMAIL, description = "Who is told if it is disabled.") String contactEmail,
            @Schema(description = "`PAUSED` by its client, or `DISABLED` after repeated failures (see `statusReason`); "
                    + "resume either with `POST .../resume`.") WebhookSubscription.Status status,
            @Schema(maxLength = 300) String statusReason,
            @Schema(minimum = "0", maximum = "2147483647", description = "Deliveries in a row that failed for good.")
            int failedDeliveries,
            @Schema(description = "The first failed attempt since the last success.") Instant failingSince,
            Instant createdAt, Instant updatedAt,
            @Schema(maxLength = 60, description = "The signing secret (`whsec_` and base64): in the creating answer "
                    + "only. Keep it; it cannot be read again.") String secret) {
    }

    @Schema(description = "An event type a partner may subscribe to.")
    public record EventTypeView(@Schema(maxLength = MAX_TYPE) String name, @Schema(maxLength = 1000) String description) {
    }

    @Schema(description = "One attempt to deliver: what the receiver answered (never the body sent or received).")
    public record AttemptView(@Schema(minimum = "1", maximum = "2147483647") int attempt, Instant at,
            @Schema(minimum = "100", maximum = "599", description = "The receiver's HTTP status, if it answered.")
            Integer statusCode,
            @Schema(maxLength = 100, description = "Why there was no answer (timeout, connection refused...).") String error,
            @Schema(minimum = "0", maximum = "2147483647") int durationMs) {
    }

    @Schema(description = "One event for one subscription, and its attempts. Its id is the `webhook-id` header.")
    public record DeliveryView(UUID id, UUID eventId, @Schema(maxLength = MAX_TYPE) String eventType,
            WebhookDelivery.Status status, @Schema(minimum = "0", maximum = "2147483647") int attempts,
            Instant createdAt, Instant nextAttemptAt, Instant deliveredAt,
            @Schema(minimum = "100", maximum = "599") Integer lastStatusCode, @Schema(maxLength = 100) String lastError,
            @Schema(maxItems = 1000) List<AttemptView> log) {
    }
}
