package org.preventhub.referral.validation;

import static io.restassured.RestAssured.given;
import static org.preventhub.referral.support.ReferralApi.panel;
import static org.preventhub.referral.support.ReferralApi.refer;
import static org.preventhub.referral.support.ReferralBuilder.aReferral;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.TestTokens;
import org.preventhub.testing.openapi.OpenApiFuzzer;
import org.preventhub.testing.openapi.ServiceDocument;

import io.quarkus.test.junit.QuarkusTest;

/**
 * No input reaches a 500: random, boundary and garbage requests to every operation of the referral service's OpenAPI
 * document are answered below 500, every 4xx as a problem document, and refused requests write nothing.
 */
@QuarkusTest
class EveryOperationFuzzTest {

    @Test
    void randomBoundaryAndMalformedInputToEveryOperationIsA4xxProblemNeverA5xxAndRefusedRequestsWriteNothing() {
        UUID referral = refer("fuzz-school", aReferral().build());
        UUID panel = panel("fuzz-member");
        String token = TestTokens.as(Roles.PREVENT_LEAD, Roles.ADMIN, Roles.CHANNEL_PANEL, Roles.REFERRER)
                .agency("warwickshire-county-council").username("fuzz-lead").client("fuzz-client").token();
        // A subscription of the fuzzing client, so that its operations are reached past the owner check too.
        UUID subscription = UUID.fromString(given().auth().oauth2(token).contentType("application/json")
                .body(org.preventhub.referral.support.Webhooks.subscriptionRequest("fuzz"))
                .post("/webhooks/subscriptions").then().statusCode(201).extract().path("id"));
        UUID delivery = org.preventhub.referral.support.Webhooks.failedDelivery(subscription);
        OpenApiFuzzer.of(ServiceDocument.read())
                .as(() -> given().auth().oauth2(token).header("X-Access-Purpose", "Fuzz test"))
                .pathValues("id", referral.toString(), panel.toString(), subscription.toString())
                .pathValues("deliveryId", delivery.toString())
                // Written by the webhook dispatcher, on its own, for deliveries of other tests' subscriptions.
                .volatileTables("webhook_delivery", "webhook_attempt")
                .pathValues("referralId", referral.toString())
                .pathValues("action", "start-screening", "no-further-action", "signpost", "list-for-panel", "consent",
                        "support-plan", "exit", "review")
                .tries(Integer.getInteger("fuzz.tries", 120))
                .run();
    }
}
