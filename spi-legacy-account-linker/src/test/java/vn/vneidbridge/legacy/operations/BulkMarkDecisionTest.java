package vn.vneidbridge.legacy.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.legacy.operations.BulkMarkDecision.Decision;
import vn.vneidbridge.legacy.operations.BulkMarkDecision.Facts;

class BulkMarkDecisionTest {

    private static final Instant CHECKED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant NOW = CHECKED.plus(Duration.ofDays(3));
    private static final Duration MAX_AGE = Duration.ofDays(90);
    private static final String DIGEST = "a".repeat(64);
    private static final LinkOperations.BulkResult VERIFIED = new LinkOperations.BulkResult("VERIFIED", DIGEST,
            "kid-1", List.of("BIRTH_DATE", "FULL_NAME", "ID_NUMBER"), CHECKED);

    /** A verified result, the data about to be marked asking the same, a fresh user, nobody else holding it. */
    private static Facts applicable() {
        return new Facts(Optional.of(VERIFIED), Optional.of(DIGEST), NOW, MAX_AGE, null, false, false, false, false);
    }

    private static Facts with(Optional<LinkOperations.BulkResult> result, Optional<String> digest, Instant now,
                              String cccdVerified, boolean disputed, boolean elsewhere, boolean heldByAnother,
                              boolean review) {
        return new Facts(result, digest, now, MAX_AGE, cccdVerified, disputed, elsewhere, heldByAnother, review);
    }

    @Test
    void aVerifiedResultBoundToTheDataAboutToBeMarkedIsApplied() {
        assertThat(BulkMarkDecision.decide(applicable())).isEqualTo(Decision.APPLY);
    }

    @Nested
    class GivenTheResult {

        @Test
        void thenNoResultOrAnotherOutcomeIsNotApplied() {
            assertThat(BulkMarkDecision.decide(with(Optional.empty(), Optional.of(DIGEST), NOW, null, false, false,
                    false, false))).isEqualTo(Decision.NO_RESULT);
            for (String outcome : List.of("SKIPPED", "WITHDRAWN", "CONFLICT", "MISMATCH", "REGISTRY_ERROR")) {
                LinkOperations.BulkResult other = new LinkOperations.BulkResult(outcome, null, null, List.of(),
                        CHECKED);
                assertThat(BulkMarkDecision.decide(with(Optional.of(other), Optional.of(DIGEST), NOW, null, false,
                        false, false, false))).as(outcome).isEqualTo(Decision.NOT_VERIFIED);
            }
        }

        @Test
        void thenAVerifiedResultWithoutDigestIsNotApplied() {
            LinkOperations.BulkResult noDigest = new LinkOperations.BulkResult("VERIFIED", null, null, List.of(),
                    CHECKED);
            assertThat(BulkMarkDecision.decide(with(Optional.of(noDigest), Optional.of(DIGEST), NOW, null, false,
                    false, false, false))).isEqualTo(Decision.NOT_VERIFIED);
        }

        @Test
        void thenAResultOlderThanTheMaximumAgeIsNotApplied() {
            assertThat(BulkMarkDecision.decide(with(Optional.of(VERIFIED), Optional.of(DIGEST),
                    CHECKED.plus(MAX_AGE), null, false, false, false, false))).isEqualTo(Decision.APPLY);
            assertThat(BulkMarkDecision.decide(with(Optional.of(VERIFIED), Optional.of(DIGEST),
                    CHECKED.plus(MAX_AGE).plusSeconds(1), null, false, false, false, false)))
                    .isEqualTo(Decision.EXPIRED);
        }
    }

    @Nested
    class GivenAMaximumAgeOfZero {

        @Test
        void thenNoResultIsAppliedHoweverFresh() {
            // review 2026-12-05 (second pass) A2: bulk-result-max-age-days=0 is the operators' brake on every job
            Facts fresh = new Facts(Optional.of(VERIFIED), Optional.of(DIGEST), CHECKED, Duration.ZERO, null, false,
                    false, false, false);
            assertThat(BulkMarkDecision.decide(fresh)).isEqualTo(Decision.EXPIRED);
        }
    }

    @Nested
    class GivenADecisionOnAUser {

        @Test
        void thenAResultThatMarkedItOrFoundItMarkedIsAppliedAndNeverAppliedAgain() {
            assertThat(BulkMarkDecision.resultAfter(Decision.APPLY)).contains(LinkOperations.BulkResult.APPLIED);
            assertThat(BulkMarkDecision.resultAfter(Decision.ALREADY_VERIFIED))
                    .contains(LinkOperations.BulkResult.APPLIED);
            LinkOperations.BulkResult applied = new LinkOperations.BulkResult(LinkOperations.BulkResult.APPLIED,
                    DIGEST, "kid-1", List.of(), CHECKED);
            assertThat(BulkMarkDecision.decide(with(Optional.of(applied), Optional.of(DIGEST), NOW, null, false,
                    false, false, false))).as("a re-import of the account").isEqualTo(Decision.NOT_VERIFIED);
        }

        @Test
        void thenAMarkTakenOffOrDisputedRevokesTheResult() {
            assertThat(BulkMarkDecision.resultAfter(Decision.REVOKED)).contains(LinkOperations.BulkResult.REVOKED);
            assertThat(BulkMarkDecision.resultAfter(Decision.DISPUTED)).contains(LinkOperations.BulkResult.REVOKED);
            LinkOperations.BulkResult revoked = new LinkOperations.BulkResult(LinkOperations.BulkResult.REVOKED,
                    null, null, List.of(), CHECKED);
            assertThat(BulkMarkDecision.decide(with(Optional.of(revoked), Optional.of(DIGEST), NOW, null, false,
                    false, false, false))).as("a re-import once the user is gone").isEqualTo(Decision.NOT_VERIFIED);
        }

        @Test
        void thenARefusalThatMayChangeLeavesTheResultAsItIs() {
            for (Decision decision : List.of(Decision.NO_RESULT, Decision.NOT_VERIFIED, Decision.EXPIRED,
                    Decision.PROFILE_CHANGED, Decision.VERIFIED_ELSEWHERE, Decision.HELD_BY_ANOTHER_ACCOUNT,
                    Decision.UNDER_REVIEW)) {
                assertThat(BulkMarkDecision.resultAfter(decision)).as(decision.name()).isEmpty();
            }
        }
    }

    @Nested
    class GivenTheDataAboutToBeMarked {

        @Test
        void thenDataThatWouldAskTheRegistrySomethingElseIsNotMarked() {
            // e.g. the legacy row's name or birth date was changed after the job: another digest
            assertThat(BulkMarkDecision.decide(with(Optional.of(VERIFIED), Optional.of("b".repeat(64)), NOW, null,
                    false, false, false, false))).isEqualTo(Decision.PROFILE_CHANGED);
        }

        @Test
        void thenDataThatCannotBeAskedOrAKeyGoneIsNotMarked() {
            assertThat(BulkMarkDecision.decide(with(Optional.of(VERIFIED), Optional.empty(), NOW, null, false, false,
                    false, false))).isEqualTo(Decision.PROFILE_CHANGED);
        }
    }

    @Nested
    class GivenTheUser {

        @Test
        void thenAnExplicitMarkOtherThanTrueIsNeverOverridden() {
            assertThat(BulkMarkDecision.decide(with(Optional.of(VERIFIED), Optional.of(DIGEST), NOW, "false", false,
                    false, false, false))).isEqualTo(Decision.REVOKED);
            assertThat(BulkMarkDecision.decide(with(Optional.of(VERIFIED), Optional.of(DIGEST), NOW, "", false,
                    false, false, false))).isEqualTo(Decision.REVOKED);
        }

        @Test
        void thenADisputedUserIsNeverMarked() {
            assertThat(BulkMarkDecision.decide(with(Optional.of(VERIFIED), Optional.of(DIGEST), NOW, null, true,
                    false, false, false))).isEqualTo(Decision.DISPUTED);
        }

        @Test
        void thenAnAlreadyVerifiedUserKeepsItsOwnSource() {
            assertThat(BulkMarkDecision.decide(with(Optional.of(VERIFIED), Optional.of(DIGEST), NOW, "true", false,
                    false, false, false))).isEqualTo(Decision.ALREADY_VERIFIED);
        }
    }

    @Nested
    class GivenOtherHoldersOfTheNumber {

        @Test
        void thenANumberVerifiedOnAnotherUserIsNotMarked() {
            assertThat(BulkMarkDecision.decide(with(Optional.of(VERIFIED), Optional.of(DIGEST), NOW, null, false,
                    true, false, false))).isEqualTo(Decision.VERIFIED_ELSEWHERE);
        }

        @Test
        void thenANumberHeldByAnotherLegacyAccountIsNotMarked() {
            assertThat(BulkMarkDecision.decide(with(Optional.of(VERIFIED), Optional.of(DIGEST), NOW, null, false,
                    false, true, false))).isEqualTo(Decision.HELD_BY_ANOTHER_ACCOUNT);
        }

        @Test
        void thenANumberWithAnOpenReviewEntryIsNotMarked() {
            assertThat(BulkMarkDecision.decide(with(Optional.of(VERIFIED), Optional.of(DIGEST), NOW, null, false,
                    false, false, true))).isEqualTo(Decision.UNDER_REVIEW);
        }
    }

    @Test
    void theFactsNeverShowWhatTheyHold() {
        assertThat(applicable().toString()).doesNotContain(DIGEST);
        assertThat(VERIFIED.toString()).doesNotContain(DIGEST);
    }
}
