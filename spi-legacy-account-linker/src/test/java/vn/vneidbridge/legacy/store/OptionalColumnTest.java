package vn.vneidbridge.legacy.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Whether the legacy view has an optional column ({@code tax_code}, read through {@link LegacyAccountTaxCode}), as
 * {@link LegacyAccountStore#hasTaxCodes()} keeps it: the database's answer, asked again after a while.
 */
class OptionalColumnTest {

    private static final Duration RECHECK = Duration.ofMinutes(5);

    private final AtomicLong now = new AtomicLong(1_000);
    private final OptionalColumn column = new OptionalColumn(RECHECK, now::get);
    private final AtomicInteger asked = new AtomicInteger();

    /** A database whose view has the column while {@code there} is true. */
    private BooleanSupplier view(AtomicBoolean there) {
        return () -> {
            asked.incrementAndGet();
            return there.get();
        };
    }

    private BooleanSupplier unavailable() {
        return () -> {
            asked.incrementAndGet();
            throw new LegacyDatabaseUnavailableException("down", new SQLException("refused", "08001"));
        };
    }

    private void later(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    /** As Hibernate hands a failed read over: its own exception around the driver's. */
    private static RuntimeException wrapped(SQLException driver) {
        return new IllegalStateException("transaction failed", new RuntimeException("could not execute query", driver));
    }

    @Nested
    class GivenAViewWithTheColumn {

        private final AtomicBoolean there = new AtomicBoolean(true);

        @Test
        void thenItIsThereAndTheDatabaseIsAskedOnceWhileTheAnswerIsFresh() {
            assertThat(column.isThere(view(there))).isTrue();
            later(RECHECK.minusSeconds(1));
            assertThat(column.isThere(view(there))).isTrue();

            assertThat(asked).hasValue(1);
        }

        @Test
        void thenAColumnDroppedFromTheViewIsSeenMissingOnceTheAnswerIsStale() {
            column.isThere(view(there));
            there.set(false);
            later(RECHECK);

            assertThat(column.isThere(view(there))).isFalse();
            assertThat(asked).hasValue(2);
        }

        @Test
        void thenAReadThatFindsItGoneKeepsItMissingAtOnce() {
            column.isThere(view(there));
            there.set(false);

            column.missing();

            assertThat(column.isThere(view(there))).isFalse();
            assertThat(asked).as("not asked again").hasValue(1);
        }
    }

    @Nested
    class GivenAViewWithoutTheColumn {

        private final AtomicBoolean there = new AtomicBoolean(false);

        @Test
        void thenItIsMissingAndTheDatabaseIsNotAskedAgainWhileTheAnswerIsFresh() {
            assertThat(column.isThere(view(there))).isFalse();
            later(RECHECK.minusSeconds(1));
            assertThat(column.isThere(view(there))).isFalse();

            assertThat(asked).hasValue(1);
        }

        @Test
        void thenAColumnTheOperatorAddsIsReadOnceTheAnswerIsStale() {
            column.isThere(view(there));
            there.set(true);
            later(RECHECK);

            assertThat(column.isThere(view(there))).isTrue();
        }

        @Test
        void thenTheReadFailureSaysTheColumnIsMissing() {
            assertThat(OptionalColumn.isMissingColumn(wrapped(new SQLSyntaxErrorException(
                    "ERROR: column t1_0.tax_code does not exist", "42703")))).as("PostgreSQL").isTrue();
            assertThat(OptionalColumn.isMissingColumn(wrapped(new SQLSyntaxErrorException(
                    "Column \"T1_0.TAX_CODE\" not found", "42S22")))).as("H2").isTrue();
            assertThat(OptionalColumn.isMissingColumn(wrapped(new SQLException(
                    "permission denied for column tax_code", "42501")))).as("column not granted").isTrue();
        }
    }

    @Nested
    class GivenADatabaseThatDoesNotAnswer {

        @Test
        void thenTheColumnCountsAsMissingAndNothingIsKept() {
            assertThat(column.isThere(unavailable())).isFalse();

            assertThat(column.isThere(view(new AtomicBoolean(true)))).as("asked again at once").isTrue();
            assertThat(asked).hasValue(2);
        }

        @Test
        void thenItsFailureIsNotAMissingColumn() {
            assertThat(OptionalColumn.isMissingColumn(wrapped(new SQLException("Connection refused.", "08001"))))
                    .as("database down").isFalse();
            assertThat(OptionalColumn.isMissingColumn(wrapped(new SQLTimeoutException(
                    "canceling statement due to user request", "57014")))).as("query timeout").isFalse();
            assertThat(OptionalColumn.isMissingColumn(wrapped(new SQLException(
                    "An I/O error occurred while sending to the backend.", "08006")))).as("broken connection")
                    .isFalse();
            assertThat(OptionalColumn.isMissingColumn(new IllegalStateException("no JPA unit")))
                    .as("no SQL state").isFalse();
        }
    }
}
