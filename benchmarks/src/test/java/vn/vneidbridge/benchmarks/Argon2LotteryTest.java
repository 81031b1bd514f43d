package vn.vneidbridge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class Argon2LotteryTest {

    @Test
    void aJvmIsSlowWhenItsHashCostsMoreThanTwiceTheFastestJvmsOfTheRun() {
        assertThat(Argon2Lottery.summary("as shipped", List.of(0.0685, 0.1826, 0.1675, 0.0469), 0.0469))
                .isEqualTo("as shipped: 2 of 4 slow (above 2.0x the fastest JVM's 0.047); CPU-s per hash 0.047-0.183");
        assertThat(Argon2Lottery.summary("inlined", List.of(0.0598, 0.0573), 0.0469))
                .startsWith("inlined: 0 of 2 slow");
    }

    @Test
    void theChildsResultLineIsReadAndAnyOtherLineIsNot() {
        assertThat(Argon2Lottery.parse("cpu-seconds-per-hash=0.0534")).isEqualTo(0.0534);
        assertThat(Argon2Lottery.parse("OpenJDK 64-Bit Server VM warning: ...")).isNaN();
        assertThat(Argon2Lottery.parse(null)).isNaN();
    }
}
