package org.preventhub.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.preventhub.gateway.support.FakeServices;
import org.preventhub.gateway.support.TwinInstances;
import org.preventhub.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A service run as two instances behind the gateway (real HTTP servers on their own ports): requests are spread
 * over both, and when one is stopped (its ports refuse connections, as a killed process's do) every request that
 * may be repeated is answered by the other, and none is sent twice.
 */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
@QuarkusTestResource(value = TwinInstances.class, restrictToAnnotatedClass = true)
class ScaleOutTest {

    private final String token = TestTokens.token("prevent-lead");

    @BeforeEach
    void bothInstancesUp() {
        TwinInstances.startInstanceIfStopped("a");
        TwinInstances.startInstanceIfStopped("b");
        // Breakers opened by an earlier test close on their next trial.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            TwinInstances.RECEIVED.clear();
            for (int i = 0; i < 4; i++) {
                given().auth().oauth2(token).get("/api/twins/things").then().statusCode(200);
            }
            assertThat(TwinInstances.receivedBy("a")).isNotEmpty();
            assertThat(TwinInstances.receivedBy("b")).isNotEmpty();
        });
        TwinInstances.RECEIVED.clear();
    }

    @AfterEach
    void restart() {
        TwinInstances.startInstanceIfStopped("a");
    }

    @Test
    void requestsAreSpreadEvenlyOverTheInstances() {
        for (int i = 0; i < 20; i++) {
            given().auth().oauth2(token).get("/api/twins/things").then().statusCode(200);
        }
        assertThat(TwinInstances.receivedBy("a")).hasSize(10);
        assertThat(TwinInstances.receivedBy("b")).hasSize(10);
    }

    @Test
    void aCreateAnsweredByEitherInstanceIsLocatedAtTheGateway() {
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            locations.add(given().auth().oauth2(token).header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType("application/json").body("{}").post("/api/twins/things")
                    .then().statusCode(201).extract().header("Location"));
        }
        assertThat(locations).extracting(l -> l.replaceAll("^https?://[^/]+", ""))
                .containsExactlyInAnyOrder("/api/twins/things/a", "/api/twins/things/b");
    }

    @Test
    void withOneInstanceStoppedReadsAndKeyedCreatesAreAllAnsweredByTheOther() {
        TwinInstances.stopInstance("a");
        for (int i = 0; i < 10; i++) {
            Response read = given().auth().oauth2(token).get("/api/twins/things");
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.jsonPath().getString("instance")).isEqualTo("b");
            Response create = given().auth().oauth2(token).header("Idempotency-Key", "key-" + i)
                    .contentType("application/json").body("{}").post("/api/twins/things");
            assertThat(create.statusCode()).isEqualTo(201);
            assertThat(create.jsonPath().getString("instance")).isEqualTo("b");
        }
        // Each create reached the surviving instance exactly once.
        assertThat(TwinInstances.receivedBy("b")).filteredOn(r -> r.method().equals("POST"))
                .extracting(TwinInstances.Received::idempotencyKey).hasSize(10).doesNotHaveDuplicates();
        assertThat(TwinInstances.receivedBy("a")).isEmpty();
    }

    @Test
    void aCreateWithoutAnIdempotencyKeyIsNotSentToASecondInstance() {
        TwinInstances.stopInstance("a");
        List<Integer> statuses = new ArrayList<>();
        // Turn by turn, one of the two goes to the stopped instance (its breaker still closed after one failure).
        for (int i = 0; i < 2; i++) {
            statuses.add(given().auth().oauth2(token).contentType("application/json").body("{}")
                    .post("/api/twins/things").statusCode());
        }
        assertThat(statuses).containsExactlyInAnyOrder(201, 503);
        assertThat(TwinInstances.receivedBy("b")).hasSize(1);
    }

    @Test
    void aStoppedInstanceGetsItsShareAgainWhenItReturns() {
        TwinInstances.stopInstance("a");
        for (int i = 0; i < 10; i++) {
            given().auth().oauth2(token).get("/api/twins/things").then().statusCode(200);
        }
        // The service is up on one of its two instances.
        Response health = given().get("/api/health");
        assertThat(health.jsonPath().getInt("services.find { it.name == 'twins' }.instancesUp")).isEqualTo(1);
        assertThat(health.jsonPath().getString("services.find { it.name == 'twins' }.status")).isEqualTo("UP");
        TwinInstances.startInstance("a");
        // Its breaker lets a trial through after open-for (1 s in tests), and the turn includes it again.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            given().auth().oauth2(token).get("/api/twins/things").then().statusCode(200);
            assertThat(TwinInstances.receivedBy("a")).isNotEmpty();
        });
    }
}
