package vn.vneidbridge.operations.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void theWaitDoublesFromAMinuteUpToAnHour() {
        assertThat(RetrySchedule.nextAttemptAt(0, 1)).isEqualTo(60_000);
        assertThat(RetrySchedule.nextAttemptAt(0, 2)).isEqualTo(120_000);
        assertThat(RetrySchedule.nextAttemptAt(0, 3)).isEqualTo(240_000);
        assertThat(RetrySchedule.nextAttemptAt(0, 30)).isEqualTo(3_600_000);
    }

    @Test
    void aRetryableErrorIsRetriedUntilTheLastAttempt() {
        assertThat(RetrySchedule.retries(1, true)).isTrue();
        assertThat(RetrySchedule.retries(RetrySchedule.MAX_ATTEMPTS - 1, true)).isTrue();
        assertThat(RetrySchedule.retries(RetrySchedule.MAX_ATTEMPTS, true)).isFalse();
        assertThat(RetrySchedule.retries(1, false)).isFalse();
    }
}
