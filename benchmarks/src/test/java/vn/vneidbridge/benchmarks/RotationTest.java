package vn.vneidbridge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RotationTest {

    @Nested
    class GivenTwoServersTakingTurns {

        @Test
        void thenStockAndOursAlternateWhoGoesFirst() {
            List<String> legs = List.of("stock", "ours");

            assertThat(Rotation.of(legs, 1)).containsExactly("stock", "ours");
            assertThat(Rotation.of(legs, 2)).containsExactly("ours", "stock");
            assertThat(Rotation.of(legs, 3)).containsExactly("stock", "ours");
        }
    }

    @Nested
    class GivenThreeLegs {

        @Test
        void thenOverThreeRoundsEachLegRunsOnceInEachPosition() {
            List<String> legs = List.of("stock", "migrated", "notice");

            List<List<String>> rounds = List.of(Rotation.of(legs, 1), Rotation.of(legs, 2), Rotation.of(legs, 3));

            for (int position = 0; position < 3; position++) {
                int p = position;
                assertThat(rounds.stream().map(order -> order.get(p)).toList())
                        .containsExactlyInAnyOrder("stock", "migrated", "notice");
            }
            rounds.forEach(order -> assertThat(order).containsExactlyInAnyOrderElementsOf(legs));
        }
    }

    @Test
    void roundsCountFromOne() {
        assertThatThrownBy(() -> Rotation.of(List.of("a"), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
