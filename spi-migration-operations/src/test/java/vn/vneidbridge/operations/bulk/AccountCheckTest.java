package vn.vneidbridge.operations.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.cccd.registry.RegistryField;
import vn.vneidbridge.cccd.registry.RegistryResult;
import vn.vneidbridge.core.id.Gender;

class AccountCheckTest {

    /** A woman born 1985 in Hà Nội (001): digit 3 is 1 (female, 20th century), digits 4–5 the year. */
    private static final String CCCD = "001185000123";
    private static final LocalDate BORN = LocalDate.of(1985, 3, 14);

    private static CheckedAccount account(Optional<String> cccd, Optional<String> cmnd, String name, LocalDate born,
                                          boolean verified) {
        return new CheckedAccount("L-1", cccd, cmnd, name, born, Optional.empty(), verified);
    }

    private static CheckedAccount checkable() {
        return account(Optional.of(CCCD), Optional.of("012345678"), "Tô Thị Nga", BORN, false);
    }

    @Nested
    class GivenTheRow {

        @Test
        void thenAnAccountWithoutANumberIsSkipped() {
            assertThat(AccountCheck.plan(account(Optional.empty(), Optional.empty(), "A", BORN, false), List.of()))
                    .isEqualTo(new AccountCheck.Skip(AccountCheck.NO_ID_NUMBER));
        }

        @Test
        void thenAnAccountWithOnlyACmndIsSkippedAsSuch() {
            assertThat(AccountCheck.plan(account(Optional.empty(), Optional.of("012345678"), "A", BORN, false),
                    List.of())).isEqualTo(new AccountCheck.Skip(AccountCheck.CMND_ONLY));
        }

        @Test
        void thenAnAccountWithoutNameOrBirthDateIsSkipped() {
            assertThat(AccountCheck.plan(account(Optional.of(CCCD), Optional.empty(), " ", BORN, false), List.of()))
                    .isEqualTo(new AccountCheck.Skip(AccountCheck.NO_NAME));
            assertThat(AccountCheck.plan(account(Optional.of(CCCD), Optional.empty(), "A", null, false), List.of()))
                    .isEqualTo(new AccountCheck.Skip(AccountCheck.NO_BIRTH_DATE));
        }

        @Test
        void thenANumberTheLegacyPortalVerifiedIsNotAskedAgain() {
            assertThat(AccountCheck.plan(account(Optional.of(CCCD), Optional.empty(), "A", BORN, true), List.of()))
                    .isEqualTo(new AccountCheck.Skip(AccountCheck.ALREADY_VERIFIED));
        }

        @Test
        void thenANumberOfAnUnknownProvinceIsSkipped() {
            assertThat(AccountCheck.plan(account(Optional.of("999185000123"), Optional.empty(), "A", BORN, false),
                    List.of())).isEqualTo(new AccountCheck.Skip(AccountCheck.INVALID_NUMBER));
        }

        @Test
        void thenANumberOnOtherAccountsIsAConflictWithoutAskingTheRegistry() {
            assertThat(AccountCheck.plan(checkable(), List.of("user-2", "user-3")))
                    .isEqualTo(new AccountCheck.Settled(new AccountOutcome.Conflict(List.of("user-2", "user-3"))));
        }

        @Test
        void thenANumberTheLegacyPortalVerifiedOnSeveralAccountsIsStillAConflict() {
            assertThat(AccountCheck.plan(account(Optional.of(CCCD), Optional.empty(), "A", BORN, true),
                    List.of("user-2"))).isEqualTo(new AccountCheck.Settled(new AccountOutcome.Conflict(List.of("user-2"))));
        }

        @Test
        void thenTheRegistryIsAskedWithEveryFieldTheRowHoldsAndTheNumbersGender() {
            AccountCheck.Ask ask = (AccountCheck.Ask) AccountCheck.plan(checkable(), List.of());

            assertThat(ask.query().idNumber()).isEqualTo(CCCD);
            assertThat(ask.query().fullName()).isEqualTo("Tô Thị Nga");
            assertThat(ask.query().birthDate()).isEqualTo(BORN);
            assertThat(ask.query().cmnd()).contains("012345678");
            assertThat(ask.query().gender()).contains(Gender.FEMALE);
            assertThat(ask.toString()).doesNotContain(CCCD).doesNotContain("Nga");
        }
    }

    @Nested
    class GivenTheRegistrysAnswer {

        private final AccountCheck.Ask ask = (AccountCheck.Ask) AccountCheck.plan(checkable(), List.of());

        @Test
        void thenAMatchVerifiesTheNumberAsked() {
            AccountOutcome outcome = AccountCheck.outcome(ask, new RegistryResult.Match(Set.of(RegistryField.ID_NUMBER,
                    RegistryField.FULL_NAME, RegistryField.BIRTH_DATE), Optional.empty()));

            assertThat(outcome).isEqualTo(new AccountOutcome.Verified(ask.query(), Set.of("BIRTH_DATE",
                    "FULL_NAME", "ID_NUMBER")));
            assertThat(((AccountOutcome.Verified) outcome).number()).isEqualTo(CCCD);
            assertThat(outcome.toString()).doesNotContain(CCCD);
        }

        @Test
        void thenAMismatchNamesItsFields() {
            assertThat(AccountCheck.outcome(ask, new RegistryResult.Mismatch(Set.of(RegistryField.FULL_NAME,
                    RegistryField.BIRTH_DATE)))).isEqualTo(new AccountOutcome.Mismatch(Set.of("BIRTH_DATE", "FULL_NAME")));
        }

        @Test
        void thenNotFoundIsNotFound() {
            assertThat(AccountCheck.outcome(ask, new RegistryResult.NotFound())).isEqualTo(new AccountOutcome.NotFound());
        }

        @Test
        void thenATimeoutOrAnOpenCircuitIsRetried() {
            assertThat(AccountCheck.outcome(ask, new RegistryResult.Unavailable("timeout")))
                    .isEqualTo(new AccountOutcome.RegistryError("timeout", true));
            assertThat(AccountCheck.outcome(ask, new RegistryResult.Unavailable("circuit-open")))
                    .isEqualTo(new AccountOutcome.RegistryError("circuit-open", true));
            assertThat(AccountCheck.retryable("http-503")).isTrue();
            assertThat(AccountCheck.retryable("http-429")).isTrue();
        }

        @Test
        void thenABrokenSetupOrAnswerIsNotRetried() {
            assertThat(AccountCheck.outcome(ask, new RegistryResult.Unavailable("not-configured")))
                    .isEqualTo(new AccountOutcome.RegistryError("not-configured", false));
            assertThat(AccountCheck.retryable("malformed-response")).isFalse();
            assertThat(AccountCheck.retryable("http-403")).isFalse();
        }
    }

    @Nested
    class GivenAnAccountAskedWhileTheCommitOfTheBatchBeforeRan {

        private final AccountCheck.Plan ask = AccountCheck.plan(checkable(), List.of());
        private final AccountOutcome verified = AccountCheck.outcome((AccountCheck.Ask) ask,
                new RegistryResult.Match(Set.of(RegistryField.ID_NUMBER), Optional.empty()));

        @Test
        void thenANumberThatCommitMarkedOnAnotherUserIsAConflictWhateverTheRegistrySaid() {
            assertThat(AccountCheck.withMarksMeanwhile(ask, verified, "user-1", Map.of(CCCD, "user-2")))
                    .isEqualTo(new AccountOutcome.Conflict(List.of("user-2")));
            assertThat(AccountCheck.withMarksMeanwhile(ask, new AccountOutcome.NotFound(), "user-1",
                    Map.of(CCCD, "user-2"))).isEqualTo(new AccountOutcome.Conflict(List.of("user-2")));
        }

        @Test
        void thenOtherNumbersMarkedOrItsOwnUserMarkedChangeNothing() {
            assertThat(AccountCheck.withMarksMeanwhile(ask, verified, "user-1", Map.of("001185000124", "user-2")))
                    .isSameAs(verified);
            assertThat(AccountCheck.withMarksMeanwhile(ask, verified, "user-1", Map.of(CCCD, "user-1")))
                    .isSameAs(verified);
            assertThat(AccountCheck.withMarksMeanwhile(ask, verified, "user-1", Map.of())).isSameAs(verified);
        }

        @Test
        void thenAnAccountNotAskedKeepsWhatWasDecidedWithoutTheRegistry() {
            AccountCheck.Plan skipped = AccountCheck.plan(account(Optional.empty(), Optional.of("012345678"), "A",
                    BORN, false), List.of());
            assertThat(AccountCheck.withMarksMeanwhile(skipped, null, "user-1", Map.of(CCCD, "user-2"))).isNull();
        }
    }
}
