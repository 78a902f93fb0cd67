package org.preventhub.training.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.preventhub.testing.ManagementInterface;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void readinessChecksTheDatabaseAndKafka() {
        ManagementInterface.given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
        ManagementInterface.given().get("/q/health/live").then().statusCode(200)
                .body("checks.name", hasItems("outbox-relay"));
    }

    @Test
    void openApiDescribesEveryOperationAndItsProblems() {
        ManagementInterface.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/sessions'.post.responses.'201'", notNullValue())
                .body("paths.'/sessions'.post.responses.'400'.content.'application/problem+json'", notNullValue())
                .body("paths.'/sessions/{id}'.put.responses.'412'", notNullValue())
                .body("components.schemas.Problem", notNullValue())
                .body("components.securitySchemes.bearer", notNullValue());
    }

    @Test
    void metricsAreExposedForPrometheus() {
        ManagementInterface.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("outbox_events_published_total"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/q/health", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/", "/q/dev-ui" })
    void operationalEndpointsAreNotServedOnTheServicePort(String path) {
        given().get(path).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void everyResponseCarriesARequestIdAndKeepsTheCallersOne() {
        given().header("X-Request-Id", "gateway-1234abcd").get("/sessions").then()
                .header("X-Request-Id", "gateway-1234abcd");
        given().get("/sessions").then().statusCode(401).header("X-Request-Id", notNullValue());
    }

    @Test
    void answersCarryTheSecurityHeadersTheGatewaySends() {
        given().get("/sessions").then().statusCode(401)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .header("Cache-Control", "no-store");
    }
}
