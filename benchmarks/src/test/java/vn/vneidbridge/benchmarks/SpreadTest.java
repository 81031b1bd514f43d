package vn.vneidbridge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void thenTheMedianOfAnOddCountIsTheMiddleValue() {
        Spread spread = Spread.of(1.10, 0.90, 1.00);

        assertThat(spread.median()).isEqualTo(1.00);
        assertThat(spread.min()).isEqualTo(0.90);
        assertThat(spread.max()).isEqualTo(1.10);
        assertThat(spread.format()).isEqualTo("1.00× (0.90–1.10)");
    }

    @Test
    void thenTheMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Spread.of(1, 2, 3, 10).median()).isEqualTo(2.5);
    }

    @Test
    void thenMissingValuesAreLeftOut() {
        assertThat(Spread.of(Double.NaN, 2).count()).isEqualTo(1);
        assertThat(Spread.of(Double.NaN).format()).isEqualTo("—");
    }

    @Test
    void thenTwoRunsAgreeWhenOneMedianLiesInTheOtherRange() {
        assertThat(Spread.of(0.95, 1.00, 1.04).agreesWith(Spread.of(0.99, 1.02, 1.06))).isTrue();
        assertThat(Spread.of(0.80, 0.82, 0.84).agreesWith(Spread.of(0.99, 1.02, 1.06))).isFalse();
    }
}
