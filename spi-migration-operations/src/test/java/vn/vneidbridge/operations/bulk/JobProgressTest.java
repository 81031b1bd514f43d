package vn.vneidbridge.operations.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobProgressTest {

    @Test
    void percentIsWholeAndNeverAboveAHundred() {
        assertThat(new JobProgress(1_000_000, 333_333, 0, 0, 1).percent()).isEqualTo(33);
        assertThat(new JobProgress(10, 12, 0, 0, 1).percent()).isEqualTo(100);
        assertThat(new JobProgress(0, 0, 0, 0, 1).percent()).isEqualTo(100);
    }

    @Test
    void etaIsTheRemainderAtTheCurrentRunsPace() {
        // resumed at t=100 s with 400 done; 600 more done in 60 s: 10/s, 9,000 left → 900 s
        JobProgress progress = new JobProgress(10_000, 1_000, 400, 100_000, 160_000);

        assertThat(progress.eta()).contains(Duration.ofSeconds(900));
    }

    @Test
    void noEtaBeforeTheRunHasDoneAnything() {
        assertThat(new JobProgress(10_000, 400, 400, 100_000, 160_000).eta()).isEmpty();
    }

    @Test
    void aFinishedJobHasNothingLeft() {
        assertThat(new JobProgress(10, 10, 0, 0, 5).eta()).contains(Duration.ZERO);
    }
}
