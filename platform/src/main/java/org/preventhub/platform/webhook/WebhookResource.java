package org.preventhub.platform.webhook;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.platform.idempotency.IdempotentRequests;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.webhook.WebhookViews.DeliveryView;
import org.preventhub.platform.webhook.WebhookViews.EventTypeView;
import org.preventhub.platform.webhook.WebhookViews.SubscriptionRequest;
import org.preventhub.platform.webhook.WebhookViews.SubscriptionView;

/**
 * The webhook endpoints. A service that publishes webhooks declares {@code @Path("/webhooks") class
 * XWebhookResource extends WebhookResource {}}, a {@link WebhookEvents} bean, and {@code hub.webhooks.roles} (the
 * roles that may subscribe); everything else is here. A subscription belongs to the OAuth client and agency of the
 * token that made it: any other caller is answered 404 for it, as if it did not exist.
 */
@Tag(name = "Webhooks", description = "Signed webhooks (Standard Webhooks) for partner systems: subscriptions, "
        + "the delivery log, replay.")
// Each operation names its requirement and its roles: Quarkus derives them from @RolesAllowed for a class's own
// methods only, not for those a subclass inherits (InheritedOperationRolesTest keeps the two alike).
@Produces(MediaType.APPLICATION_JSON)
public abstract class WebhookResource {

    private static final String SIGNED = " Each delivery is a POST of `{type, timestamp, data}` with the headers "
            + "`webhook-id`, `webhook-timestamp` and `webhook-signature` (`v1,` and the base64 HMAC-SHA256 of "
            + "`<id>.<timestamp>.<body>` keyed with the secret's base64 part).";

    @Inject
    WebhookSubscriptions subscriptions;

    @Inject
    IdempotentRequests idempotency;

    @SecurityRequirement(name = "bearer", scopes = "${hub.webhooks.roles}")
    @GET
    @Path("/event-types")
    @RolesAllowed("${hub.webhooks.roles}")
    @Operation(summary = "The event types one may subscribe to",
            description = "Not paged: the types are part of the service, not data that grows.")
    @APIResponse(responseCode = "200", description = "Each type and what it tells.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, maxItems = 50, implementation = EventTypeView.class), examples = @ExampleObject(name = "referral", value = WebhookExamples.EVENT_TYPES)))
    public List<EventTypeView> eventTypes() {
        return subscriptions.types().stream().map(t -> new EventTypeView(t.name(), t.description())).toList();
    }

    @SecurityRequirement(name = "bearer", scopes = "${hub.webhooks.roles}")
    @POST
    @Path("/subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("${hub.webhooks.roles}")
    @Operation(summary = "Subscribe to event types",
            description = "The answer holds the signing secret, once: keep it to verify deliveries." + SIGNED
                    + " Send an `Idempotency-Key` to retry safely: a retry answers as the first call did and makes "
                    + "no second subscription.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubscriptionRequest.class), examples = @ExampleObject(name = "case-system", value = WebhookExamples.REQUEST)))
    @APIResponse(responseCode = "201", description = "Subscribed; `Location` is its address, `secret` its signing secret.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class), examples = @ExampleObject(name = "created", value = WebhookExamples.CREATED)))
    public Response subscribe(@HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC)
            String key, @Valid @NotNull SubscriptionRequest request) {
        return idempotency.execute(key, "POST /webhooks/subscriptions", request, () -> {
            SubscriptionView created = subscriptions.create(request);
            return Response.created(URI.create("/webhooks/subscriptions/" + created.id())).entity(created).build();
        });
    }

    @SecurityRequirement(name = "bearer", scopes = "${hub.webhooks.roles}")
    @GET
    @Path("/subscriptions")
    @RolesAllowed("${hub.webhooks.roles}")
    @Operation(summary = "The caller's subscriptions", description = "Those of the caller's client and agency only. "
            + "Sort by createdAt or status.")
    @APIResponse(responseCode = "200", description = "One page of subscriptions (without their secrets).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookPages.SubscriptionPage.class),
                    examples = @ExampleObject(name = "subscriptions", value = WebhookExamples.SUBSCRIPTION_PAGE)))
    public Page<SubscriptionView> list(@Valid @BeanParam PageParams page) {
        return subscriptions.list(page);
    }

    @SecurityRequirement(name = "bearer", scopes = "${hub.webhooks.roles}")
    @GET
    @Path("/subscriptions/{id}")
    @RolesAllowed("${hub.webhooks.roles}")
    @Operation(summary = "A subscription", description = "With its status: `DISABLED` after repeated failures, "
            + "and why.")
    @APIResponse(responseCode = "200", description = "The subscription (without its secret).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class),
                    examples = { @ExampleObject(name = "active", value = WebhookExamples.SUBSCRIPTION),
                            @ExampleObject(name = "disabled", summary = "Disabled after repeated failures",
                                    value = WebhookExamples.DISABLED) }))
    public SubscriptionView get(@PathParam("id") UUID id) {
        return subscriptions.find(id).orElseThrow(() -> notFound(id));
    }

    @SecurityRequirement(name = "bearer", scopes = "${hub.webhooks.roles}")
    @DELETE
    @Path("/subscriptions/{id}")
    @RolesAllowed("${hub.webhooks.roles}")
    @Operation(summary = "Unsubscribe", description = "Its deliveries not yet made are dropped, with its log.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@PathParam("id") UUID id) {
        if (!subscriptions.delete(id)) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    @SecurityRequirement(name = "bearer", scopes = "${hub.webhooks.roles}")
    @POST
    @Path("/subscriptions/{id}/pause")
    @RolesAllowed("${hub.webhooks.roles}")
    @Operation(summary = "Pause deliveries", description = "Events keep being queued and go out on resuming. "
            + "Send an `Idempotency-Key` to retry safely.")
    @APIResponse(responseCode = "200", description = "Paused.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class), examples = @ExampleObject(name = "paused", value = WebhookExamples.SUBSCRIPTION)))
    public Response pause(@HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC)
            String key, @PathParam("id") UUID id) {
        return paused(key, id, true);
    }

    @SecurityRequirement(name = "bearer", scopes = "${hub.webhooks.roles}")
    @POST
    @Path("/subscriptions/{id}/resume")
    @RolesAllowed("${hub.webhooks.roles}")
    @Operation(summary = "Resume deliveries", description = "Of a paused subscription, or of one disabled after "
            + "failures (once its receiver answers again): what waited is sent now. Send an `Idempotency-Key` to "
            + "retry safely.")
    @APIResponse(responseCode = "200", description = "Active.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class), examples = @ExampleObject(name = "active", value = WebhookExamples.SUBSCRIPTION)))
    public Response resume(@HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC)
            String key, @PathParam("id") UUID id) {
        return paused(key, id, false);
    }

    private Response paused(String key, UUID id, boolean paused) {
        String operation = "POST /webhooks/subscriptions/" + id + (paused ? "/pause" : "/resume");
        return idempotency.execute(key, operation, null, () -> Response.ok(
                subscriptions.setPaused(id, paused).orElseThrow(() -> notFound(id))).build());
    }

    @SecurityRequirement(name = "bearer", scopes = "${hub.webhooks.roles}")
    @GET
    @Path("/subscriptions/{id}/deliveries")
    @RolesAllowed("${hub.webhooks.roles}")
    @Operation(summary = "The delivery log", description = "Each event sent to the subscription, oldest first: its "
            + "status, attempts and the receiver's answers (never the bodies).")
    @APIResponse(responseCode = "200", description = "One page of deliveries.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookPages.DeliveryPage.class),
                    examples = @ExampleObject(name = "deliveries", value = WebhookExamples.DELIVERY_PAGE)))
    public Page<DeliveryView> deliveries(@PathParam("id") UUID id,
            @QueryParam("status") @Parameter(description = "Only deliveries in this status.") WebhookDelivery.Status status,
            @Valid @BeanParam PageParams page) {
        return subscriptions.deliveries(id, status, page).orElseThrow(() -> notFound(id));
    }

    @SecurityRequirement(name = "bearer", scopes = "${hub.webhooks.roles}")
    @POST
    @Path("/subscriptions/{id}/deliveries/{deliveryId}/replay")
    @RolesAllowed("${hub.webhooks.roles}")
    @Operation(summary = "Send a delivery again", description = "With the same `webhook-id` (a receiver that "
            + "remembers ids can ignore it), a new timestamp and signature, whatever became of it before. Send an "
            + "`Idempotency-Key` to retry safely.")
    @APIResponse(responseCode = "202", description = "Queued: it goes out within seconds while the subscription is active.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class), examples = @ExampleObject(name = "queued", value = WebhookExamples.REPLAYED)))
    public Response replay(@HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC)
            String key, @PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return idempotency.execute(key, "POST /webhooks/subscriptions/" + id + "/deliveries/" + deliveryId + "/replay",
                null, () -> Response.accepted(subscriptions.replay(id, deliveryId)
                        .orElseThrow(() -> ProblemException.notFound("Delivery " + deliveryId))).build());
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Subscription " + id);
    }
}
