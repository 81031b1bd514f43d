package vn.vneidbridge.operations.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DashboardSnapshotsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-05T03:00:00Z"));
    private final DashboardSnapshots<Integer> snapshots = new DashboardSnapshots<>(now::get);
    private final AtomicInteger computed = new AtomicInteger();

    private int ask(String realm) {
        return snapshots.of(realm, computed::incrementAndGet).figures();
    }

    /** Many operators, or tabs refreshing every 10 s while a job runs, cost one scan of the tables per half minute. */
    @Test
    void requestsWithinTheTtlShareOneComputation() {
        assertThat(ask("dvc")).isEqualTo(1);
        now.set(now.get().plusSeconds(29));
        assertThat(ask("dvc")).isEqualTo(1);
        assertThat(computed).hasValue(1);
    }

    @Test
    void afterTheTtlTheFiguresAreComputedAgainAndSaySo() {
        ask("dvc");
        now.set(now.get().plus(DashboardSnapshots.TTL));
        DashboardSnapshots.Snapshot<Integer> again = snapshots.of("dvc", computed::incrementAndGet);
        assertThat(again.figures()).isEqualTo(2);
        assertThat(again.at()).isEqualTo(now.get());
    }

    @Test
    void eachRealmHasItsOwnFigures() {
        assertThat(ask("dvc")).isEqualTo(1);
        assertThat(ask("hatinh")).isEqualTo(2);
        assertThat(ask("dvc")).isEqualTo(1);
    }
}
