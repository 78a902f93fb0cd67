package org.preventhub.platform.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Deliveries are signed as the Standard Webhooks libraries verify, and retried ever later. */
class WebhookSignatureTest {

    // The test vector published with the Standard Webhooks specification (and its libraries' tests).
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsTheSpecificationsTestVectorAsItsLibrariesDo() {
        assertEquals(SIGNATURE, WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY));
    }

    @Test
    void aTamperedBodyAnotherIdOrAnOldTimestampDoesNotVerify() {
        assertTrue(WebhookSignature.verify(SECRET, ID, "" + TIMESTAMP, BODY, "v1,bm9wZQ== " + SIGNATURE, TIMESTAMP + 10, 300));
        assertFalse(WebhookSignature.verify(SECRET, ID, "" + TIMESTAMP, "{\"test\": 2432232315}", SIGNATURE, TIMESTAMP, 300));
        assertFalse(WebhookSignature.verify(SECRET, "msg_other", "" + TIMESTAMP, BODY, SIGNATURE, TIMESTAMP, 300));
        assertFalse(WebhookSignature.verify(SECRET, ID, "" + TIMESTAMP, BODY, SIGNATURE, TIMESTAMP + 301, 300));
        assertFalse(WebhookSignature.verify(SECRET, ID, "not-a-number", BODY, SIGNATURE, TIMESTAMP, 300));
    }

    @Test
    void newSecretsAreStandardWebhooksSecretsOfTheirOwn() {
        String secret = WebhookSignature.newSecret();
        assertTrue(secret.matches("whsec_[A-Za-z0-9+/]{32}"));
        assertFalse(secret.equals(WebhookSignature.newSecret()));
    }

    @Test
    void eachWaitIsAtLeastTheOneBeforeUntilTheCapAndTheDefaultsRetryForThreeDays() {
        Duration base = Duration.ofSeconds(5);
        Duration max = Duration.ofHours(6);
        for (int sample = 0; sample < 200; sample++) {
            for (int attempts = 1; attempts < 60; attempts++) {
                Duration wait = WebhookDispatcher.backoff(attempts, base, max);
                Duration next = WebhookDispatcher.backoff(attempts + 1, base, max);
                assertTrue(next.compareTo(wait) >= 0 || wait.compareTo(max.dividedBy(2)) >= 0,
                        "wait " + (attempts + 1) + " shorter than wait " + attempts + " below the cap");
                assertTrue(wait.compareTo(max) <= 0 && wait.compareTo(base.dividedBy(2)) >= 0);
            }
        }
        // The longest schedule (every wait at its full length) spent within 100 attempts reaches three days:
        // so a failing delivery is retried until give-up-after (P3D), not until it runs out of attempts.
        Duration longest = Duration.ZERO;
        for (int attempts = 1; attempts < 100; attempts++) {
            longest = longest.plus(Duration.ofMillis(Math.min(max.toMillis(), base.toMillis() << Math.min(attempts - 1, 40))));
        }
        assertTrue(longest.compareTo(Duration.ofDays(3)) > 0);
    }
}
