package org.preventhub.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.gateway.support.FakeServices;
import org.preventhub.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class LimitsTest {

    private static final long MB = 1024 * 1024;

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void refusesATenMegabyteBodyFromABrowserBeforeItReachesTheService() throws Exception {
        String requestId = "big-" + UUID.randomUUID();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(gateway.resolve("/api/training/sessions"))
                .header("Authorization", "Bearer " + TestTokens.token("trainer"))
                .header("Content-Type", "application/json").header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[(int) (10 * MB)])).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        TokenCheckTest.assertNeverReached(requestId);
    }

    @Test
    void cutsOffAnOverLimitBodyOfUndeclaredLengthSoTheServiceNeverGetsItWhole() throws Exception {
        String requestId = "chunked-" + UUID.randomUUID();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(gateway.resolve("/api/training/sessions"))
                .header("Authorization", "Bearer " + TestTokens.token("trainer"))
                .header("Content-Type", "application/json").header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Zeros(3 * MB))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(FakeServices.RECEIVED).noneMatch(r -> requestId.equals(r.headers().get("x-request-id")) && r.complete());
    }

    @Test
    void streamsACouncilFeedFileMuchLargerThanItsOwnHeap() throws Exception {
        // The test JVM, gateway included, has a 320 MB heap: buffering this file would fail.
        long size = 700 * MB;
        String requestId = "feed-" + UUID.randomUUID();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(gateway.resolve("/api/training/feeds/completions"))
                .header("Authorization", "Bearer " + TestTokens.as("feed").client("warwick-district-feed").token())
                .header("Content-Type", "text/csv").header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> new Zeros(size)), size))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"bodyBytes\":" + size);
        assertThat(RoutingTest.byRequestId(requestId).bodyBytes()).isEqualTo(size);
    }

    @Test
    void limitsEachClientToItsRateAndSaysWhenToComeBack() {
        String burstyClient = TestTokens.as("analyst").client("bursty-dashboard").username("bursty").token();
        List<Integer> statuses = new ArrayList<>();
        String retryAfter = null;
        for (int i = 0; i < 12; i++) {
            var response = given().auth().oauth2(burstyClient).get("/api/reporting/things");
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                retryAfter = response.header("Retry-After");
                assertThat(response.header("RateLimit-Remaining")).isEqualTo("0");
                assertThat(response.header("RateLimit-Limit")).isEqualTo("5");
                response.then().contentType("application/problem+json")
                        .body("type", equalTo("urn:prevent-hub:problem:too-many-requests"));
            }
        }
        // The test profile gives this client a burst of 5 at 1 request per second.
        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(statuses.subList(5, 12)).contains(429);
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 2L);
        // Another caller is not held back by this one.
        given().auth().oauth2(TestTokens.as("analyst").username("calm").token()).get("/api/reporting/things")
                .then().statusCode(200);
    }

    @Test
    void everyAnswerSaysWhatIsLeftOfTheCallersRateLimitWhoeverWroteIt() {
        String token = TestTokens.as("analyst").username("counted-" + UUID.randomUUID()).token();
        var first = given().auth().oauth2(token).get("/api/reporting/things");
        var second = given().auth().oauth2(token).get("/api/reporting/things");
        first.then().statusCode(200);
        // The default limit: a burst of 100, refilled at 50 a second.
        assertThat(first.header("RateLimit-Limit")).isEqualTo("100");
        assertThat(Integer.parseInt(first.header("RateLimit-Remaining"))).isBetween(98, 99);
        assertThat(Integer.parseInt(second.header("RateLimit-Remaining")))
                .isLessThanOrEqualTo(Integer.parseInt(first.header("RateLimit-Remaining")));
        assertThat(Long.parseLong(first.header("RateLimit-Reset"))).isBetween(1L, 2L);
        // The gateway's own refusals carry them too: the door's 403, and a 401 (counted per address).
        var forbidden = given().auth().oauth2(token).get("/api/referrals/things");
        forbidden.then().statusCode(403);
        assertThat(forbidden.header("RateLimit-Remaining")).isNotNull();
        var unauthenticated = given().get("/api/training/things");
        unauthenticated.then().statusCode(401);
        assertThat(unauthenticated.header("RateLimit-Limit")).isEqualTo("1000");
        assertThat(unauthenticated.header("RateLimit-Remaining")).isNotNull();
    }

    @Test
    void theWebFrontendCanReadTheRateLimitOfARefusal() {
        var refused = given().header("Origin", "http://localhost:3000").get("/api/training/things");
        refused.then().statusCode(401);
        assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(refused.header("Access-Control-Expose-Headers")).contains("RateLimit-Remaining").contains("Retry-After");
        var stranger = given().header("Origin", "https://evil.example").get("/api/training/things");
        assertThat(stranger.header("Access-Control-Allow-Origin")).isNull();
    }

    /** A stream of zero bytes that exists only as it is read. */
    static final class Zeros extends InputStream {
        private long left;

        Zeros(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}
