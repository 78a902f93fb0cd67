package org.preventhub.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.preventhub.gateway.support.FakeServices;
import org.preventhub.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class RoutingTest {

    @TestHTTPResource("/")
    String gateway;

    @Test
    void forwardsToTheServiceWithoutItsPrefixWithTheTokenAndTheRequestId() {
        String token = TestTokens.token("trainer");
        String requestId = "req-" + UUID.randomUUID();
        given().auth().oauth2(token).header("X-Request-Id", requestId)
                .get("/api/training/sessions?courseCode=WRAP&page=0")
                .then().statusCode(200)
                .header("X-Request-Id", requestId)
                .body("service", equalTo("training"))
                .body("uri", equalTo("/sessions?courseCode=WRAP&page=0"));

        FakeServices.Received received = byRequestId(requestId);
        assertThat(received.headers()).containsEntry("authorization", "Bearer " + token)
                .containsEntry("x-forwarded-prefix", "/api/training");
    }

    @Test
    void eachPrefixReachesItsOwnService() {
        String token = TestTokens.token("prevent-lead");
        for (String service : new String[] { "training", "referrals", "engagement", "reporting" }) {
            given().auth().oauth2(token).get("/api/" + service + "/things")
                    .then().statusCode(200).body("service", equalTo(service)).body("uri", equalTo("/things"));
        }
    }

    @Test
    void makesUpARequestIdWhenTheCallerSendsNoneOrAMalformedOne() {
        String token = TestTokens.token("trainer");
        String made = given().auth().oauth2(token).header("X-Request-Id", "bad id\r\nx")
                .get("/api/training/sessions").then().statusCode(200).extract().header("X-Request-Id");
        assertThat(made).matches("[0-9a-f-]{36}");
        assertThat(byRequestId(made).headers()).containsEntry("x-request-id", made);
    }

    @Test
    void rewritesTheServicesLocationToThePublicAddress() {
        given().auth().oauth2(TestTokens.token("engagement-officer")).contentType("application/json").body("{}")
                .post("/api/engagement/things")
                .then().statusCode(201)
                .header("Location", equalTo(gateway + "api/engagement/things/1"));
    }

    @Test
    void relaysAServicesOwnErrorUnchanged() {
        given().auth().oauth2(TestTokens.token("analyst")).get("/api/reporting/broken")
                .then().statusCode(500).contentType("application/problem+json").body("errorId", equalTo("e-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/nothing-here/x", "/API/referrals/referrals", "/Api/training/sessions", "/nothing",
            "/q/dev-ui", "/favicon.ico" })
    void answersAnyUnknownPathWithAProblem(String path) {
        given().get(path)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:prevent-hub:problem:not-found"))
                .body("instance", equalTo(path));
    }

    @Test
    void answersAMethodTheGatewayDoesNotServeWithAProblem() {
        given().delete("/api/openapi.json")
                .then().statusCode(405).contentType("application/problem+json")
                .body("type", equalTo("urn:prevent-hub:problem:method-not-allowed"));
    }

    @Test
    void refusesPathsThatCouldEscapeTheirPrefix() throws Exception {
        String token = TestTokens.token("prevent-lead");
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[] { "/api/training/%2e%2e/referrals/x", "/api/training//sessions",
                "/api/training/sessions%2F..%2F..%2Fq%2Fmetrics", "/api/training/sessions/../../referrals/x" }) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway.replaceAll("/$", "") + path))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
        }
        // Services' operator endpoints are not published through the door.
        given().auth().oauth2(token).get("/api/training/q/metrics").then().statusCode(404);
        assertThat(FakeServices.RECEIVED).noneMatch(r -> r.uri().contains("metrics") || r.uri().contains("..")
                || r.uri().contains("%2"));
    }

    @Test
    void putsSecurityHeadersOnEveryResponse() {
        for (var response : new io.restassured.response.Response[] {
                given().auth().oauth2(TestTokens.token("trainer")).get("/api/training/sessions"),
                given().get("/api/training/sessions"),
                given().get("/API/training/sessions") }) {
            response.then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Content-Security-Policy", startsWith("default-src 'none'"))
                    .header("Strict-Transport-Security", startsWith("max-age="));
            assertThat(response.header("Server")).isNull();
        }
        given().auth().oauth2(TestTokens.token("trainer")).get("/api/training/sessions")
                .then().header("Cache-Control", "no-store");
        // A service's own caching decision stands.
        given().auth().oauth2(TestTokens.token("trainer")).get("/api/training/cached")
                .then().header("Cache-Control", "max-age=60");
    }

    @Test
    void allowsOnlyTheWebFrontendsOriginAcrossSites() {
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/training/sessions")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "http://localhost:3000");
        var evil = given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/training/sessions");
        assertThat(evil.header("Access-Control-Allow-Origin")).isNull();
    }

    static FakeServices.Received byRequestId(String requestId) {
        return FakeServices.RECEIVED.stream().filter(r -> requestId.equals(r.headers().get("x-request-id")))
                .findFirst().orElseThrow(() -> new AssertionError("no service received " + requestId));
    }
}
