package vn.vneidbridge.legacy.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BrokenConnectionsTest {

    /** As Hibernate hands it over: its own exception around the driver's, inside the transaction's. */
    private static RuntimeException wrapped(SQLException driver) {
        return new IllegalStateException("transaction failed", new RuntimeException("could not execute query", driver));
    }

    @Nested
    class GivenAConnectionThePoolHeldFromBeforeTheDatabaseRestarted {

        @Test
        void thenTheReadMayBeTriedAgainOnAnother() {
            assertThat(BrokenConnections.isBrokenConnection(
                    wrapped(new SQLException("An I/O error occurred while sending to the backend.", "08006"))))
                    .isTrue();
            assertThat(BrokenConnections.isBrokenConnection(
                    wrapped(new SQLException("This connection has been closed.", "08003")))).isTrue();
            assertThat(BrokenConnections.isBrokenConnection(
                    wrapped(new SQLException("Communications link failure", "08S01")))).isTrue();
        }
    }

    @Nested
    class GivenADatabaseThatCannotBeReachedOrIsSlowOrRefusesTheQuery {

        @Test
        void thenTheReadIsNotTriedAgain() {
            assertThat(BrokenConnections.isBrokenConnection(wrapped(new SQLException(
                    "Connection to localhost:5432 refused.", "08001")))).as("database down").isFalse();
            assertThat(BrokenConnections.isBrokenConnection(wrapped(new SQLTimeoutException(
                    "canceling statement due to user request", "57014")))).as("query timeout").isFalse();
            assertThat(BrokenConnections.isBrokenConnection(wrapped(new SQLException(
                    "permission denied for table legacy_account", "42501")))).as("no SELECT grant").isFalse();
            assertThat(BrokenConnections.isBrokenConnection(new IllegalStateException("no JPA unit"))).isFalse();
            assertThat(BrokenConnections.isBrokenConnection(null)).isFalse();
        }

        @Test
        void thenTheOutermostStateDecidesAndAnEndlessCauseChainEnds() {
            SQLException refused = new SQLException("refused", "08001", new SQLException("io", "08006"));
            assertThat(BrokenConnections.isBrokenConnection(wrapped(refused))).isFalse();

            RuntimeException first = new RuntimeException("a");
            RuntimeException second = new RuntimeException("b", first);
            first.initCause(second);
            assertThat(BrokenConnections.isBrokenConnection(first)).isFalse();
        }
    }
}
