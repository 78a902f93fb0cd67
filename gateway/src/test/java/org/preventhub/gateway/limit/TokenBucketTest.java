package org.preventhub.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void allowsTheBurstThenTheSustainedRateAndSaysHowLongToWait() {
        TokenBucket bucket = new TokenBucket(2, 4, 0);
        for (int i = 0; i < 4; i++) {
            assertThat(bucket.tryTake(0)).isZero();
        }
        assertThat(bucket.tryTake(0)).isEqualTo(SECOND / 2);
        assertThat(bucket.tryTake(SECOND / 2)).isZero();
        assertThat(bucket.tryTake(SECOND / 2)).isPositive();
        // Idle time refills up to the burst, never beyond.
        long later = 100 * SECOND;
        for (int i = 0; i < 4; i++) {
            assertThat(bucket.tryTake(later)).isZero();
        }
        assertThat(bucket.tryTake(later)).isPositive();
    }

    @Test
    void saysWhatIsLeftAndWhenTheBucketIsFullAgain() {
        TokenBucket bucket = new TokenBucket(2, 4, 0);
        TokenBucket.Take first = bucket.take(0);
        assertThat(first.waitNanos()).isZero();
        assertThat(first.remaining()).isEqualTo(3);
        assertThat(first.fullInNanos()).isEqualTo(SECOND / 2);
        bucket.take(0);
        bucket.take(0);
        TokenBucket.Take last = bucket.take(0);
        assertThat(last.remaining()).isZero();
        assertThat(last.fullInNanos()).isEqualTo(2 * SECOND);
        TokenBucket.Take refused = bucket.take(0);
        assertThat(refused.waitNanos()).isEqualTo(SECOND / 2);
        assertThat(refused.remaining()).isZero();
        assertThat(bucket.capacity()).isEqualTo(4);
    }
}
