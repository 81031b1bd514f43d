package vn.vneidbridge.core.limit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Attempts per account and per address over an in-memory stand-in of Keycloak's single-use store. */
class AccountAndAddressAttemptsTest {

    private final InMemorySingleUseObjects store = new InMemorySingleUseObjects();
    private final AccountAndAddressAttempts attempts = new AccountAndAddressAttempts(
            new AttemptSlots(store, "realm-a"), "test", 3, 10, 10);

    @Nested
    class GivenAttemptsThatCount {

        @Test
        void thenTheFourthOfOneAccountIsRefusedAndTakesNothingFromTheAddress() {
            for (int i = 0; i < 3; i++) {
                assertThat(attempts.reserve("number-1", "10.0.0.1").granted()).as("attempt " + (i + 1)).isTrue();
            }

            assertThat(attempts.reserve("number-1", "10.0.0.1").granted()).isFalse();
            // the address has used 3 of its 10: seven more accounts' attempts still pass
            for (int i = 0; i < 7; i++) {
                assertThat(attempts.tryAcquire("number-" + (i + 2), "10.0.0.1")).as("account " + (i + 2)).isTrue();
            }
            assertThat(attempts.tryAcquire("number-9", "10.0.0.1")).as("the address's eleventh").isFalse();
        }
    }

    @Nested
    class GivenTheAccountsSlotGivenBack {

        @Test
        void thenTheAttemptNoLongerCountsForTheAccountButStillForTheAddress() {
            for (int i = 0; i < 10; i++) {
                AttemptSlots.Reservation reservation = attempts.reserve("number-1", "10.0.0.1");
                assertThat(reservation.granted()).as("attempt " + (i + 1) + ", the account's slots given back")
                        .isTrue();
                attempts.giveBackAccount(reservation);
            }

            assertThat(attempts.tryAcquire("number-1", "10.0.0.2")).as("the account, from another address").isTrue();
            assertThat(attempts.tryAcquire("number-2", "10.0.0.1")).as("the address's eleventh").isFalse();
        }

        @Test
        void thenARefusedReservationGivesBackNothingOfAnother() {
            AttemptSlots.Reservation kept = attempts.reserve("number-1", "10.0.0.1");
            attempts.reserve("number-1", "10.0.0.1");
            attempts.reserve("number-1", "10.0.0.1");
            AttemptSlots.Reservation refused = attempts.reserve("number-1", "10.0.0.1");
            assertThat(kept.granted()).isTrue();
            assertThat(refused.granted()).isFalse();

            attempts.giveBackAccount(refused);

            assertThat(attempts.tryAcquire("number-1", "10.0.0.2")).as("still three held").isFalse();
        }
    }
}
