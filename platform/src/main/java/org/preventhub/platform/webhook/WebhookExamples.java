package org.preventhub.platform.webhook;

/** Examples of the webhook endpoints' OpenAPI description (a referral service's; training's look alike). */
final class WebhookExamples {

    static final String EVENT_TYPES = """
            [{"name": "referral.status-changed.v1", "description": "A referral of the subscriber's agency moved to \
            another stage: its id, reference, stage, the stage it left and the day. No personal data."}]""";

    static final String REQUEST = """
            {"url": "https://cases.warwickshire-police.example/hooks/prevent", "eventTypes": ["referral.status-changed.v1"],
             "description": "Police case system: Channel referral status",
             "contactEmail": "integrations@warwickshire-police.example"}""";

    private static final String SUBSCRIPTION_FIELDS = """
            "id": "6f1c2b7e-2d4a-4c1b-9a3e-5b8d7c6e1f20", "url": "https://cases.warwickshire-police.example/hooks/prevent",
             "eventTypes": ["referral.status-changed.v1"], "description": "Police case system: Channel referral status",
             "contactEmail": "integrations@warwickshire-police.example",
             "status": "ACTIVE", "failedDeliveries": 0, "createdAt": "2026-12-09T09:30:00Z", "updatedAt": "2026-12-09T09:30:00Z\"""";

    static final String CREATED = "{" + SUBSCRIPTION_FIELDS + ",\n \"secret\": \"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\"}";

    static final String SUBSCRIPTION = "{" + SUBSCRIPTION_FIELDS + "}";

    static final String DISABLED = """
            {"id": "6f1c2b7e-2d4a-4c1b-9a3e-5b8d7c6e1f20", "url": "https://cases.warwickshire-police.example/hooks/prevent",
             "eventTypes": ["referral.status-changed.v1"], "status": "DISABLED", "statusReason": "Disabled after 3 \
            deliveries in a row failed for good, or every attempt failed for PT72H; resume it once the receiver answers 2xx.",
             "failedDeliveries": 3, "failingSince": "2026-12-09T10:02:11Z", "createdAt": "2026-12-09T09:30:00Z",
             "updatedAt": "2026-12-12T10:02:15Z"}""";

    static final String SUBSCRIPTION_PAGE = "{\"items\": [" + SUBSCRIPTION + "], \"page\": 0, \"size\": 20, "
            + "\"totalItems\": 1, \"totalPages\": 1}";

    static final String DELIVERY = """
            {"id": "0b9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f", "eventId": "3f2b8c1e-7a4d-4e6f-9b0a-2c5d8e1f4a7b",
             "eventType": "referral.status-changed.v1", "status": "DELIVERED", "attempts": 2,
             "createdAt": "2026-12-09T10:00:00Z", "deliveredAt": "2026-12-09T10:00:07Z", "lastStatusCode": 204,
             "log": [{"attempt": 1, "at": "2026-12-09T10:00:01Z", "statusCode": 503, "durationMs": 41},
                     {"attempt": 2, "at": "2026-12-09T10:00:07Z", "statusCode": 204, "durationMs": 38}]}""";

    static final String REPLAYED = """
            {"id": "0b9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f", "eventId": "3f2b8c1e-7a4d-4e6f-9b0a-2c5d8e1f4a7b",
             "eventType": "referral.status-changed.v1", "status": "PENDING", "attempts": 2,
             "createdAt": "2026-12-09T10:00:00Z", "nextAttemptAt": "2026-12-10T08:15:00Z", "lastStatusCode": 204,
             "log": [{"attempt": 1, "at": "2026-12-09T10:00:01Z", "statusCode": 503, "durationMs": 41},
                     {"attempt": 2, "at": "2026-12-09T10:00:07Z", "statusCode": 204, "durationMs": 38}]}""";

    static final String DELIVERY_PAGE = "{\"items\": [" + DELIVERY + "], \"page\": 0, \"size\": 20, "
            + "\"totalItems\": 1, \"totalPages\": 1}";

    private WebhookExamples() {
    }
}
