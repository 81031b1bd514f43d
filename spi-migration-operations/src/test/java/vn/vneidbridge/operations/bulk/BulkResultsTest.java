package vn.vneidbridge.operations.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.cccd.registry.RegistryQuery;

class BulkResultsTest {

    private static final long NOW = 1_000_000;

    @Test
    void aVerifiedOutcomeKeepsTheFieldsItConfirmed() {
        BulkResultEntity row = new BulkResultEntity();
        BulkResults.apply(row, new AccountOutcome.Verified(new RegistryQuery("001185000123", "Tô Thị Nga",
                LocalDate.of(1985, 3, 14), Optional.empty(), Optional.empty()), Set.of("ID_NUMBER", "FULL_NAME")), NOW);
        assertThat(row.getFields()).as("the fields it confirmed").isEqualTo("FULL_NAME,ID_NUMBER");
        assertThat(row.getAttempts()).isEqualTo(1);

        BulkResults.apply(row, new AccountOutcome.Mismatch(Set.of("FULL_NAME", "BIRTH_DATE")), NOW + 1);

        assertThat(row.getOutcome()).isEqualTo("MISMATCH");
        assertThat(row.getFields()).isEqualTo("BIRTH_DATE,FULL_NAME");
        assertThat(row.getCheckedAt()).isEqualTo(NOW + 1);
    }

    @Test
    void aConflictAsksNothingOfTheRegistry() {
        BulkResultEntity row = new BulkResultEntity();
        BulkResults.apply(row, new AccountOutcome.Conflict(List.of("user-2")), NOW);

        assertThat(row.getOutcome()).isEqualTo("CONFLICT");
        assertThat(row.getAttempts()).isZero();
        assertThat(row.getNextAttemptAt()).isNull();
    }

    @Test
    void aRetryableErrorIsAskedAgainWithBackOffUntilTheLastAttempt() {
        BulkResultEntity row = new BulkResultEntity();
        BulkResults.apply(row, new AccountOutcome.RegistryError("timeout", true), NOW);
        assertThat(row.getAttempts()).isEqualTo(1);
        assertThat(row.getNextAttemptAt()).isEqualTo(NOW + 60_000);
        assertThat(row.getErrorReason()).isEqualTo("timeout");

        BulkResults.apply(row, new AccountOutcome.RegistryError("timeout", true), NOW);
        assertThat(row.getNextAttemptAt()).isEqualTo(NOW + 120_000);

        for (int attempt = 3; attempt <= RetrySchedule.MAX_ATTEMPTS; attempt++) {
            BulkResults.apply(row, new AccountOutcome.RegistryError("timeout", true), NOW);
        }
        assertThat(row.getAttempts()).isEqualTo(RetrySchedule.MAX_ATTEMPTS);
        assertThat(row.getNextAttemptAt()).as("given up").isNull();
    }

    @Test
    void anOpenCircuitIsAskedAgainSoonAndIsNotACall() {
        BulkResultEntity row = new BulkResultEntity();
        BulkResults.apply(row, new AccountOutcome.RegistryError("circuit-open", true), NOW);

        assertThat(row.getAttempts()).isZero();
        assertThat(row.getNextAttemptAt()).isEqualTo(NOW + 60_000);
    }

    @Test
    void anErrorAskingAgainWouldNotChangeIsFinal() {
        BulkResultEntity row = new BulkResultEntity();
        BulkResults.apply(row, new AccountOutcome.RegistryError("malformed-response", false), NOW);

        assertThat(row.getNextAttemptAt()).isNull();
        assertThat(row.getOutcome()).isEqualTo("REGISTRY_ERROR");
    }
}
