package org.preventhub.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.preventhub.gateway.support.FakeServices;
import org.preventhub.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class ResilienceTest {

    @AfterEach
    void stopFlaky() {
        FakeServices.stopFlaky();
    }

    @Test
    void aStoppedServiceAnswers503AtOnceAndItsRoutesRecoverWhenItReturns() {
        String token = TestTokens.token("prevent-lead");
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            given().auth().oauth2(token).get("/api/flaky/things")
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("type", equalTo("urn:prevent-hub:problem:service-unavailable"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
        // The breaker is open: the answer comes without trying, and says when to retry.
        given().auth().oauth2(token).get("/api/flaky/things").then().statusCode(503).header("Retry-After", "1");
        // The other services are unaffected.
        given().auth().oauth2(token).get("/api/training/things").then().statusCode(200);

        FakeServices.startFlaky();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/flaky/things").then().statusCode(200)
                        .body("service", equalTo("flaky")));
    }

    @Test
    void aSlowServiceAnswers504WithinTheTimeoutInsteadOfHanging() {
        long started = System.nanoTime();
        given().auth().oauth2(TestTokens.token("prevent-lead")).get("/api/slow/anything")
                .then().statusCode(504).contentType("application/problem+json")
                .body("type", equalTo("urn:prevent-hub:problem:service-timeout"));
        // Test profile: 1.5 s response timeout; the service would take 5 s.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3_500));
    }
}
