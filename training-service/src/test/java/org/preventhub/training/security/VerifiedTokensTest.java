package org.preventhub.training.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.TestTokens;
import org.preventhub.testing.ManagementInterface;

import io.quarkus.test.junit.QuarkusTest;

/** A bearer token is verified once, then trusted for a while, but never past its expiry and never in another's name. */
@QuarkusTest
class VerifiedTokensTest {

    private static final Pattern COUNTER = Pattern.compile(
            "^hub_security_verified_tokens_total\\{result=\"(hit|miss)\"[^}]*} ([0-9.E]+)", Pattern.MULTILINE);

    private static long count(String result) {
        Matcher matcher = COUNTER.matcher(ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString());
        while (matcher.find()) {
            if (matcher.group(1).equals(result)) {
                return (long) Double.parseDouble(matcher.group(2));
            }
        }
        return 0;
    }

    private static int listBookings(String token) {
        return given().auth().oauth2(token).get("/bookings").then().extract().statusCode();
    }

    @Test
    void aTokenIsVerifiedOnceAndThenTrusted() {
        String token = TestTokens.as(Roles.TRAINER).username("trusted-trainer").token();
        long hits = count("hit");
        long misses = count("miss");

        assertThat(listBookings(token)).isEqualTo(200);
        assertThat(listBookings(token)).isEqualTo(200);
        assertThat(listBookings(token)).isEqualTo(200);

        assertThat(count("miss") - misses).isEqualTo(1);
        assertThat(count("hit") - hits).isEqualTo(2);
    }

    @Test
    void aTrustedTokenIsRefusedOnceItExpires() throws InterruptedException {
        String token = TestTokens.as(Roles.TRAINER).username("short-lived").expiresIn(2).token();
        assertThat(listBookings(token)).isEqualTo(200);

        Thread.sleep(3_500);
        assertThat(listBookings(token)).isEqualTo(401);
    }

    @Test
    void aTokenWithAnotherSignatureIsVerifiedAfreshAndRefused() {
        String token = TestTokens.as(Roles.TRAINER).username("genuine").token();
        assertThat(listBookings(token)).isEqualTo(200);

        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        assertThat(listBookings(tampered)).isEqualTo(401);
        assertThat(listBookings(TestTokens.as(Roles.TRAINER).username("genuine").forged().token())).isEqualTo(401);
    }

    @Test
    void theRolesOfATrustedTokenStillDecide() {
        String token = TestTokens.as(Roles.BOOKING).username("website").token();
        assertThat(listBookings(token)).isEqualTo(403);
        assertThat(listBookings(token)).isEqualTo(403);
    }
}
