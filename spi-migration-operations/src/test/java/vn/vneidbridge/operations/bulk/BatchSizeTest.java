package vn.vneidbridge.operations.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BatchSizeTest {

    @Test
    void aBatchIsAboutFiveSecondsOfCallsWithinItsBounds() {
        assertThat(BatchSize.of(50)).isEqualTo(250);
        assertThat(BatchSize.of(1)).isEqualTo(BatchSize.MIN);
        assertThat(BatchSize.of(5_000)).isEqualTo(BatchSize.MAX);
    }
}
