package vn.vneidbridge.operations.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobPickTest {

    @Test
    void aLongJobOfOneRealmLeavesSlotsForTheOthers() {
        assertThat(JobPick.next(List.of("a", "b", "c"), Set.of("a"), Map.of(), 0, 4)).containsExactly("b", "c");
    }

    @Test
    void noMoreJobsThanFreeSlots() {
        assertThat(JobPick.next(List.of("a", "b", "c", "d", "e"), Set.of("a", "b"), Map.of(), 0, 4))
                .containsExactly("c", "d");
        assertThat(JobPick.next(List.of("a", "b"), Set.of("x", "y", "z", "w"), Map.of(), 0, 4)).isEmpty();
    }

    @Test
    void aJobThisNodeCouldNotAskTheRegistryForIsLeftToTheOtherNodesForAWhile() {
        Map<String, Long> setAside = Map.of("a", 1_000L);
        assertThat(JobPick.next(List.of("a", "b"), Set.of(), setAside, 999, 4)).containsExactly("b");
        assertThat(JobPick.next(List.of("a", "b"), Set.of(), setAside, 1_000, 4)).containsExactly("a", "b");
    }
}
