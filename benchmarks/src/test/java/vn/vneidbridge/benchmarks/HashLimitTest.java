package vn.vneidbridge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HashLimitTest {

    @Nested
    class GivenAHashThatGetsCheaperAsTheJitCompilesIt {

        @Test
        void thenTheWarmUpGoesOnUntilTwoBatchesAgree() {
            AtomicInteger run = new AtomicInteger();
            // 0.19 s per hash for the first 15 runs (not yet compiled, and flat), then 0.05 s
            int runs = HashLimit.warmUp(() -> run.getAndIncrement() < 15 ? 190_000_000L : 50_000_000L,
                    HashLimit.Precision.FULL);

            assertThat(runs).as("3 CPU-seconds first (15 slow runs and 3 fast), then two agreeing batches of the fast runs")
                    .isEqualTo(18 + 2 * 7);
        }

        @Test
        void thenAHashThatIsAlreadyCompiledStopsAfterTheMinimum() {
            assertThat(HashLimit.warmUp(() -> 50_000_000L, HashLimit.Precision.FULL)).as("3 CPU-seconds, then two batches")
                    .isEqualTo(60 + 2 * 7);
        }

        @Test
        void thenQuickModesWarmUpNeedsOneCpuSecondBeforeItsBatches() {
            assertThat(HashLimit.warmUp(() -> 50_000_000L, HashLimit.Precision.QUICK))
                    .as("1 CPU-second (20 runs), then two batches").isEqualTo(20 + 2 * 7);
        }

        @Test
        void thenAHashThatNeverSettlesIsCapped() {
            AtomicInteger run = new AtomicInteger();

            int runs = HashLimit.warmUp(() -> run.getAndIncrement() % 14 < 7 ? 50_000_000L : 100_000_000L,
                    HashLimit.Precision.FULL);

            assertThat(runs).as("3 CPU-seconds (41 runs), then 40 batches that never agree").isEqualTo(41 + 40 * 7);
        }
    }
}
