package vn.vneidbridge.operations.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.cccd.registry.RegistryQuery;
import vn.vneidbridge.operations.bulk.CountDelta.Counter;

class CountDeltaTest {

    @Test
    void scannedRowsCountOnceAndAdvanceTheProgress() {
        CountDelta delta = new CountDelta();
        delta.scanned(new AccountOutcome.Verified(new RegistryQuery("001185000123", "Tô Thị Nga",
                LocalDate.of(1985, 3, 14), Optional.empty(), Optional.empty()), Set.of("ID_NUMBER")));
        delta.scanned(new AccountOutcome.Mismatch(Set.of("FULL_NAME")));
        delta.skipped();

        assertThat(delta.of(Counter.VERIFIED)).isEqualTo(1);
        assertThat(delta.of(Counter.MISMATCH)).isEqualTo(1);
        assertThat(delta.of(Counter.SKIPPED)).isEqualTo(1);
        assertThat(delta.scanned()).isEqualTo(3);
    }

    @Test
    void aRetryMovesTheAccountFromErrorToItsNewOutcomeWithoutAdvancing() {
        CountDelta delta = new CountDelta();
        delta.retried("REGISTRY_ERROR", new AccountOutcome.NotFound());

        assertThat(delta.of(Counter.REGISTRY_ERROR)).isEqualTo(-1);
        assertThat(delta.of(Counter.NOT_FOUND)).isEqualTo(1);
        assertThat(delta.scanned()).isZero();
    }

    @Test
    void aRetryThatFailsAgainChangesNothing() {
        CountDelta delta = new CountDelta();
        delta.retried("REGISTRY_ERROR", new AccountOutcome.RegistryError("timeout", true));

        assertThat(delta.of(Counter.REGISTRY_ERROR)).isZero();
    }
}
