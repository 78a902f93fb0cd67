package org.preventhub.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.gateway.support.FakeServices;
import org.preventhub.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class TokenCheckTest {

    @Test
    void refusesARequestWithoutATokenBeforeItReachesAService() {
        String requestId = "anon-" + UUID.randomUUID();
        given().header("X-Request-Id", requestId).get("/api/referrals/referrals")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:prevent-hub:problem:unauthenticated"))
                .body("requestId", equalTo(requestId));
        assertNeverReached(requestId);
    }

    @Test
    void refusesExpiredAndForgedTokens() {
        for (String token : new String[] { TestTokens.as("prevent-lead").expired().token(),
                TestTokens.as("prevent-lead").forged().token(), "not-a-jwt" }) {
            String requestId = "bad-" + UUID.randomUUID();
            given().auth().oauth2(token).header("X-Request-Id", requestId).get("/api/training/sessions")
                    .then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("invalid_token"));
            assertNeverReached(requestId);
        }
    }

    @Test
    void aTokenAcceptedBeforeIsRefusedOnceItHasExpired() throws InterruptedException {
        String token = TestTokens.as("trainer").username("short-lived").expiresIn(2).token();
        given().auth().oauth2(token).get("/api/training/sessions").then().statusCode(200);
        given().auth().oauth2(token).get("/api/training/sessions").then().statusCode(200); // now remembered as verified
        Thread.sleep(2_500);
        given().auth().oauth2(token).get("/api/training/sessions")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void keepsRolesWithoutBusinessInChannelDataAwayFromTheReferralService() {
        String requestId = "analyst-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.token("analyst")).header("X-Request-Id", requestId)
                .get("/api/referrals/referrals")
                .then().statusCode(403).contentType("application/problem+json");
        assertNeverReached(requestId);
        given().auth().oauth2(TestTokens.as("referrer").agency("warwickshire-police").token())
                .get("/api/referrals/referrals").then().statusCode(200);
    }

    @Test
    void letsACalendarProgramReachItsSecretFeedWithoutATokenButNothingElse() {
        String secret = "q3Vh1xYcTj2cW0m9aQ7sZgq3Vh1xYcTj2cW0m9aQ7sZ";
        String feed = "feed-" + UUID.randomUUID();
        given().header("X-Request-Id", feed).get("/api/training/calendar-feeds/" + secret).then().statusCode(200);
        assertThat(FakeServices.RECEIVED).anyMatch(r -> feed.equals(r.headers().get("x-request-id")));
        // Only a GET of a whole secret: a short one, another path under it or a write still need a token.
        for (String[] call : new String[][] { { "GET", "/api/training/calendar-feeds/short" },
                { "GET", "/api/training/calendar-feeds/" + secret + "/more" },
                { "GET", "/api/referrals/calendar-feeds-x/" + secret },
                { "DELETE", "/api/training/calendar-feeds/" + secret } }) {
            String requestId = "probe-" + UUID.randomUUID();
            given().header("X-Request-Id", requestId).request(call[0], call[1])
                    .then().statusCode(401).contentType("application/problem+json");
            assertNeverReached(requestId);
        }
    }

    static void assertNeverReached(String requestId) {
        assertThat(FakeServices.RECEIVED).noneMatch(r -> requestId.equals(r.headers().get("x-request-id")));
    }
}
