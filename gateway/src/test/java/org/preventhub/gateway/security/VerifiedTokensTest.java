package org.preventhub.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private final VerifiedTokens.Caller caller = new VerifiedTokens.Caller(Set.of("trainer"), "web", "user-1");

    @Test
    void trustsAVerifiedTokenUntilItExpiresOrItsTrustRunsOutWhicheverIsFirst() {
        VerifiedTokens tokens = new VerifiedTokens(100, 60 * SECOND);
        tokens.put("a", caller, 1_000, 0);
        assertThat(tokens.get("a", 999, 59 * SECOND)).isEqualTo(caller);
        assertThat(tokens.get("a", 1_000, 59 * SECOND)).as("expired").isNull();

        tokens.put("b", caller, 10_000, 0);
        assertThat(tokens.get("b", 100, 61 * SECOND)).as("verified too long ago").isNull();
        assertThat(tokens.get("unknown", 100, 0)).isNull();
    }

    @Test
    void startsAgainRatherThanGrowPastItsSize() {
        VerifiedTokens tokens = new VerifiedTokens(3, 60 * SECOND);
        for (int i = 0; i < 10; i++) {
            tokens.put("t" + i, caller, 1_000, 0);
        }
        assertThat(tokens.size()).isLessThanOrEqualTo(3);
        assertThat(tokens.get("t9", 0, 0)).isEqualTo(caller);
    }
}
