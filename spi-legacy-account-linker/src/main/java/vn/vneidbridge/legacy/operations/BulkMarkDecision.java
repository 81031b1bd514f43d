package vn.vneidbridge.legacy.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a bulk pre-verification's result is written onto a user as {@code cccd_verified=true}: the one rule of
 * both paths, the importer's (an account imported after the job) and the job's own (an account imported already).
 * Only the account's current result counts, only a {@code VERIFIED} one not older than the maximum age, only when the
 * data about to be marked asks the registry exactly what it confirmed (the digests are equal), only on a user whose
 * mark nobody has set or taken off (an explicit {@code cccd_verified} other than {@code true} is an operator's or a
 * holder's word, never overridden automatically), never on a disputed one, and only while no other account holds the
 * number (verified on another user, held by another legacy account) and no review entry for it is open. A maximum
 * age of zero applies nothing. What the result becomes after the decision: {@link #resultAfter}.
 */
public final class BulkMarkDecision {

    /** What is done; every value but {@link #APPLY} leaves the user as it is. */
    public enum Decision {
        APPLY, NO_RESULT, NOT_VERIFIED, EXPIRED, PROFILE_CHANGED, ALREADY_VERIFIED, REVOKED, DISPUTED,
        VERIFIED_ELSEWHERE, HELD_BY_ANOTHER_ACCOUNT, UNDER_REVIEW
    }

    /**
     * What the decision reads.
     *
     * @param result                 the account's current bulk result, if any
     * @param profileDigest          the digest of the question the data to be marked would ask now, under the key
     *                               of the result's digest; empty when it cannot be asked or the key is gone
     * @param now                    the time of the decision
     * @param maxAge                 how old a result may be and still be applied
     * @param cccdVerified           the user's {@code cccd_verified} attribute as stored (null: never set)
     * @param disputed               the user has {@code cccd_disputed_at}
     * @param verifiedOnAnotherUser  another user of the realm holds the number verified
     * @param heldByAnotherAccount   another legacy account holds the number (or that could not be ruled out)
     * @param reviewOpen             a review entry for the number is open in the realm
     */
    public record Facts(Optional<LinkOperations.BulkResult> result, Optional<String> profileDigest, Instant now,
                        Duration maxAge, String cccdVerified, boolean disputed, boolean verifiedOnAnotherUser,
                        boolean heldByAnotherAccount, boolean reviewOpen) {
        public Facts {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(profileDigest, "profileDigest");
            Objects.requireNonNull(now, "now");
            Objects.requireNonNull(maxAge, "maxAge");
        }

        @Override
        public String toString() {
            return "Facts[…]";
        }
    }

    private BulkMarkDecision() {
    }

    public static Decision decide(Facts facts) {
        if (facts.result().isEmpty()) {
            return Decision.NO_RESULT;
        }
        LinkOperations.BulkResult result = facts.result().get();
        if (!LinkOperations.BulkResult.VERIFIED.equals(result.outcome()) || result.digest() == null) {
            return Decision.NOT_VERIFIED;
        }
        if (facts.maxAge().isZero() || facts.maxAge().isNegative()
                || result.checkedAt().plus(facts.maxAge()).isBefore(facts.now())) {
            return Decision.EXPIRED;
        }
        if (!BulkVerificationBinding.same(result.digest(), facts.profileDigest().orElse(null))) {
            return Decision.PROFILE_CHANGED;
        }
        if ("true".equals(facts.cccdVerified())) {
            return Decision.ALREADY_VERIFIED;
        }
        if (facts.cccdVerified() != null) {
            return Decision.REVOKED;
        }
        if (facts.disputed()) {
            return Decision.DISPUTED;
        }
        if (facts.verifiedOnAnotherUser()) {
            return Decision.VERIFIED_ELSEWHERE;
        }
        if (facts.heldByAnotherAccount()) {
            return Decision.HELD_BY_ANOTHER_ACCOUNT;
        }
        if (facts.reviewOpen()) {
            return Decision.UNDER_REVIEW;
        }
        return Decision.APPLY;
    }

    /**
     * What the account's current result becomes once a decision was taken on a user holding it, so that it is
     * applied at most once and an operator's or a holder's word outlives the user: applied (or found applied
     * already) it is {@code APPLIED}; refused because the mark was taken off ({@code cccd_verified} other than
     * {@code true}) or disputed it is {@code REVOKED}. Both are final: no later import applies them and no later job
     * replaces them. Empty: the result stays as it is (what refused it may change, e.g. a review entry closed).
     */
    public static Optional<String> resultAfter(Decision decision) {
        return switch (decision) {
            case APPLY, ALREADY_VERIFIED -> Optional.of(LinkOperations.BulkResult.APPLIED);
            case REVOKED, DISPUTED -> Optional.of(LinkOperations.BulkResult.REVOKED);
            default -> Optional.empty();
        };
    }
}
