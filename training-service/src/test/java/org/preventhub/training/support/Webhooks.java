package org.preventhub.training.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.preventhub.platform.security.Roles;
import org.preventhub.testing.Sql;
import org.preventhub.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Webhook subscriptions and deliveries for tests of the endpoints (no receiver behind them). */
public final class Webhooks {

    /** Nothing listens there: deliveries to it fail at once. */
    public static final String NOWHERE = "http://127.0.0.1:9/hooks";

    private Webhooks() {
    }

    /** A booking website's client, of {@code agency}. */
    public static RequestSpecification asWebsite(String agency) {
        return given().auth().oauth2(TestTokens.as(Roles.BOOKING).agency(agency).client("booking-website").token())
                .contentType(ContentType.JSON);
    }

    public static Map<String, Object> subscriptionRequest(String description) {
        return Map.of("url", NOWHERE, "eventTypes", List.of("training.session.changed.v1"), "description", description);
    }

    /** A paused subscription: the dispatcher leaves its deliveries alone, and nothing is sent to it. */
    public static UUID pausedSubscription(String agency) {
        UUID id = UUID.fromString(asWebsite(agency).body(subscriptionRequest("test")).post("/webhooks/subscriptions")
                .then().statusCode(201).extract().path("id"));
        asWebsite(agency).post("/webhooks/subscriptions/" + id + "/pause").then().statusCode(200);
        return id;
    }

    /** A delivery that failed for good, written as the dispatcher would have left it. */
    public static UUID failedDelivery(UUID subscription) {
        UUID id = UUID.randomUUID();
        Sql.update("""
                INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, payload, status, attempts,
                    created_at, last_attempt_at, last_status_code)
                VALUES (?, ?, ?, 'training.session.changed.v1', '{}', 'FAILED', 4, now(), now(), 500)""",
                id, subscription, UUID.randomUUID());
        return id;
    }
}
