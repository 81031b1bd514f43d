package vn.vneidbridge.operations.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.cccd.registry.RegistryField;
import vn.vneidbridge.cccd.registry.RegistryResult;
import vn.vneidbridge.legacy.operations.BulkMarkDecision;
import vn.vneidbridge.legacy.operations.BulkVerificationBinding;
import vn.vneidbridge.legacy.operations.BulkVerificationKeys;
import vn.vneidbridge.legacy.operations.LinkOperations;

/**
 * An account's current result: what a job stores for it and what the importer makes of it (review 2026-12-05,
 * F1, F3, F8).
 */
class BulkCurrentResultTest {

    private static final BulkVerificationKeys.Key KEY = new BulkVerificationKeys.Key("kid-1",
            "a realm's hs512 secret, 32 bytes".getBytes(StandardCharsets.US_ASCII));
    private static final String NUMBER = "001185000123";
    private static final long CHECKED = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();

    private static CheckedAccount row(String name, LocalDate born) {
        return new CheckedAccount("L-1", Optional.of(NUMBER), Optional.empty(), name, born, Optional.empty(), false);
    }

    /** What the job stores for a row the registry confirmed. */
    private static BulkCurrentEntity verified(CheckedAccount row, long jobSeq) {
        AccountCheck.Ask ask = (AccountCheck.Ask) AccountCheck.plan(row, List.of());
        AccountOutcome outcome = AccountCheck.outcome(ask, new RegistryResult.Match(Set.of(RegistryField.ID_NUMBER,
                RegistryField.FULL_NAME, RegistryField.BIRTH_DATE), Optional.empty()));
        BulkCurrentEntity current = new BulkCurrentEntity();
        BulkResults.write(current, "job-" + jobSeq, jobSeq, BulkResults.finding(outcome, Optional.of(KEY)), CHECKED);
        return current;
    }

    /** The importer's decision for the row as it is at import, over the stored result. */
    private static BulkMarkDecision.Decision atImport(BulkCurrentEntity current, CheckedAccount rowNow,
                                                     Instant now) {
        Optional<String> digest = BulkVerificationBinding.query(rowNow.cccd().orElse(null), rowNow.fullName(),
                rowNow.birthDate(), rowNow.cmnd(), rowNow.gender())
                .map(query -> BulkVerificationBinding.digest(KEY.secret(), query));
        return BulkMarkDecision.decide(new BulkMarkDecision.Facts(Optional.of(BulkResults.result(current)), digest,
                now, LinkOperations.BulkResult.DEFAULT_MAX_AGE, null, false, false, false, false));
    }

    @Nested
    class GivenAVerifiedResult {

        private final CheckedAccount confirmed = row("Lê Văn Tám", LocalDate.of(1985, 3, 14));

        @Test
        void thenItIsBoundToTheNameAndBirthDateTheRegistryConfirmed() {
            BulkCurrentEntity ofV = verified(confirmed, 1);
            BulkCurrentEntity ofQ = verified(row("Trần Thị Quý", LocalDate.of(1990, 7, 2)), 1);

            assertThat(ofV.getDigest()).as("same number, other name and birth date: other result")
                    .isNotEqualTo(ofQ.getDigest());
            assertThat(ofV.getKeyId()).isEqualTo("kid-1");
            assertThat(ofV.getFields()).isEqualTo("BIRTH_DATE,FULL_NAME,ID_NUMBER");
        }

        @Test
        void thenItKeepsNoNumber() {
            BulkCurrentEntity current = verified(confirmed, 1);

            assertThat(List.of(current.getOutcome(), current.getDigest(), current.getKeyId(), current.getFields()))
                    .noneMatch(value -> value.contains(NUMBER) || value.contains("185000123"));
        }

        @Test
        void thenTheImporterAppliesItOnlyToTheRowAsConfirmed() {
            BulkCurrentEntity current = verified(confirmed, 1);
            Instant soon = Instant.ofEpochMilli(CHECKED).plus(Duration.ofDays(1));

            assertThat(atImport(current, confirmed, soon)).isEqualTo(BulkMarkDecision.Decision.APPLY);
            assertThat(atImport(current, row("Trần Thị Quý", LocalDate.of(1985, 3, 14)), soon))
                    .as("name changed after the job").isEqualTo(BulkMarkDecision.Decision.PROFILE_CHANGED);
            assertThat(atImport(current, row("Lê Văn Tám", LocalDate.of(1990, 7, 2)), soon))
                    .as("birth date changed after the job").isEqualTo(BulkMarkDecision.Decision.PROFILE_CHANGED);
            assertThat(atImport(current, row(null, LocalDate.of(1985, 3, 14)), soon))
                    .as("name cleared after the job").isEqualTo(BulkMarkDecision.Decision.PROFILE_CHANGED);
        }

        @Test
        void thenTheImporterDoesNotApplyItAfterTheMaximumAge() {
            BulkCurrentEntity current = verified(confirmed, 1);

            assertThat(atImport(current, confirmed, Instant.ofEpochMilli(CHECKED).plus(Duration.ofDays(91))))
                    .isEqualTo(BulkMarkDecision.Decision.EXPIRED);
        }

        @Test
        void thenWithoutARealmKeyItIsStoredButNeverApplied() {
            AccountCheck.Ask ask = (AccountCheck.Ask) AccountCheck.plan(confirmed, List.of());
            BulkResults.Finding finding = BulkResults.finding(AccountCheck.outcome(ask, new RegistryResult.Match(
                    Set.of(RegistryField.ID_NUMBER), Optional.empty())), Optional.empty());
            BulkCurrentEntity current = new BulkCurrentEntity();
            BulkResults.write(current, "job-1", 1, finding, CHECKED);

            assertThat(atImport(current, confirmed, Instant.ofEpochMilli(CHECKED)))
                    .isEqualTo(BulkMarkDecision.Decision.NOT_VERIFIED);
        }
    }

    @Nested
    class GivenALaterJob {

        private final CheckedAccount confirmed = row("Lê Văn Tám", LocalDate.of(1985, 3, 14));

        @Test
        void thenAnAccountItSkipsLosesTheEarlierVerification() {
            BulkCurrentEntity current = verified(confirmed, 1);

            assertThat(BulkResults.replaces(current, 2)).isTrue();
            BulkResults.write(current, "job-2", 2, BulkResults.finding(null, Optional.of(KEY)), CHECKED + 1);

            assertThat(current.getOutcome()).isEqualTo(BulkResults.SKIPPED);
            assertThat(current.getDigest()).isNull();
            assertThat(current.getKeyId()).isNull();
            assertThat(current.getFields()).isNull();
            assertThat(atImport(current, confirmed, Instant.ofEpochMilli(CHECKED + 2)))
                    .isEqualTo(BulkMarkDecision.Decision.NOT_VERIFIED);
        }

        @Test
        void thenAnyOtherFindingReplacesTheVerification() {
            BulkCurrentEntity current = verified(confirmed, 1);
            BulkResults.write(current, "job-2", 2, BulkResults.finding(new AccountOutcome.RegistryError("http-503",
                    true), Optional.of(KEY)), CHECKED + 1);

            assertThat(current.getOutcome()).isEqualTo("REGISTRY_ERROR");
            assertThat(current.getDigest()).isNull();
        }

        @Test
        void thenOrderIsTheJobsCreationSequenceNotAClock() {
            BulkCurrentEntity byJob2 = verified(confirmed, 2);

            assertThat(BulkResults.replaces(byJob2, 1)).as("job 1 written later by a node whose clock runs ahead")
                    .isFalse();
            assertThat(BulkResults.replaces(byJob2, 2)).as("a retry of the same job").isTrue();
            assertThat(BulkResults.replaces(byJob2, 3)).isTrue();
            assertThat(BulkResults.replaces(null, 1)).isTrue();
        }
    }

    /** Review 2026-12-05 (second pass) A1: a result outlives its user; applied once, a taken-off mark lasts. */
    @Nested
    class GivenAResultThatMarkedItsUserOrWasRevoked {

        private final CheckedAccount confirmed = row("Lê Văn Tám", LocalDate.of(1985, 3, 14));
        private final Instant soon = Instant.ofEpochMilli(CHECKED).plus(Duration.ofDays(1));

        @Test
        void thenAReImportOfTheAccountDoesNotApplyItAgain() {
            BulkCurrentEntity current = verified(confirmed, 1);
            assertThat(BulkResults.settles(current.getOutcome(), LinkOperations.BulkResult.APPLIED)).isTrue();
            BulkResults.settle(current, LinkOperations.BulkResult.APPLIED);

            assertThat(current.getOutcome()).isEqualTo("APPLIED");
            assertThat(current.getDigest()).isNull();
            assertThat(atImport(current, confirmed, soon)).as("after Keycloak removed the imported users")
                    .isEqualTo(BulkMarkDecision.Decision.NOT_VERIFIED);
        }

        @Test
        void thenNoLaterJobReplacesIt() {
            BulkCurrentEntity applied = verified(confirmed, 1);
            BulkResults.settle(applied, LinkOperations.BulkResult.APPLIED);
            BulkCurrentEntity revoked = verified(confirmed, 1);
            BulkResults.settle(revoked, LinkOperations.BulkResult.REVOKED);

            assertThat(BulkResults.replaces(applied, 2)).isFalse();
            assertThat(BulkResults.replaces(revoked, 2)).isFalse();
            assertThat(BulkResults.replaces(revoked, 1)).as("nor the same job retried").isFalse();
        }

        @Test
        void thenOnlyAVerifiedResultBecomesAppliedAndAnyResultMayBeRevoked() {
            assertThat(BulkResults.settles("MISMATCH", LinkOperations.BulkResult.APPLIED)).isFalse();
            assertThat(BulkResults.settles("WITHDRAWN", LinkOperations.BulkResult.APPLIED)).isFalse();
            assertThat(BulkResults.settles("APPLIED", LinkOperations.BulkResult.APPLIED)).isFalse();
            assertThat(BulkResults.settles("VERIFIED", LinkOperations.BulkResult.REVOKED)).isTrue();
            assertThat(BulkResults.settles("APPLIED", LinkOperations.BulkResult.REVOKED)).isTrue();
            assertThat(BulkResults.settles("MISMATCH", LinkOperations.BulkResult.REVOKED)).isTrue();
            assertThat(BulkResults.settles("REVOKED", LinkOperations.BulkResult.REVOKED)).isFalse();
            assertThat(BulkResults.settles("APPLIED", LinkOperations.BulkResult.VERIFIED))
                    .as("nothing becomes VERIFIED this way").isFalse();
        }
    }
}
