package vn.vneidbridge.operations.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);

    @Test
    void aFullBucketGivesItsBurstThenOnePermitPerInterval() {
        TokenBucket bucket = new TokenBucket(10, 3, now::get);

        assertThat(bucket.tryAcquire()).isZero();
        assertThat(bucket.tryAcquire()).isZero();
        assertThat(bucket.tryAcquire()).isZero();
        assertThat(bucket.tryAcquire()).isEqualTo(100_000_000L); // 10/s: the next one in 100 ms

        now.addAndGet(100_000_000L);
        assertThat(bucket.tryAcquire()).isZero();
        assertThat(bucket.tryAcquire()).isPositive();
    }

    @Test
    void aLongIdleTimeDoesNotBankMoreThanTheBurst() {
        TokenBucket bucket = new TokenBucket(100, 2, now::get);
        now.addAndGet(60_000_000_000L);

        assertThat(bucket.tryAcquire()).isZero();
        assertThat(bucket.tryAcquire()).isZero();
        assertThat(bucket.tryAcquire()).isPositive();
    }

    @Test
    void overASecondTheRateHolds() {
        TokenBucket bucket = new TokenBucket(50, 1, now::get);
        int granted = 0;
        for (int step = 0; step < 1000; step++) { // every millisecond for one second
            if (bucket.tryAcquire() == 0) {
                granted++;
            }
            now.addAndGet(1_000_000L);
        }
        assertThat(granted).isEqualTo(50);
    }

    @Test
    void aZeroRateIsRefused() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, now::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
