package org.preventhub.gateway;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.preventhub.gateway.support.FakeServices;
import org.preventhub.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@QuarkusTestResource(FakeServices.class)
@TestProfile(AudienceTest.ForThisApiOnly.class)
class AudienceTest {

    public static class ForThisApiOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.token.audience", "prevent-hub");
        }
    }

    @Test
    void acceptsOnlyTokensIssuedForThisApiWhenAnAudienceIsConfigured() {
        given().auth().oauth2(TestTokens.as("trainer").token()).get("/api/training/sessions")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.as("trainer").audience("another-api").token()).get("/api/training/sessions")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.as("trainer").audience("prevent-hub").token()).get("/api/training/sessions")
                .then().statusCode(200);
    }
}
