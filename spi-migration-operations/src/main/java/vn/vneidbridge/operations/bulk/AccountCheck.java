package vn.vneidbridge.operations.bulk;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.vneidbridge.cccd.registry.RegistryQuery;
import vn.vneidbridge.cccd.registry.RegistryResult;
import vn.vneidbridge.core.id.IdParseResult;
import vn.vneidbridge.core.id.PersonalIdNumber;
import vn.vneidbridge.core.id.PersonalIdRules;
import vn.vneidbridge.legacy.operations.BulkVerificationBinding;

/**
 * The bulk check of one legacy account, as two pure steps: {@link #plan} decides from the row and the other
 * accounts holding its number whether the registry is asked at all; {@link #outcome} turns the registry's answer
 * into the account's {@link AccountOutcome}. A number held by another account is a conflict before any call (also
 * one the legacy portal verified): it is verified for nobody until an operator has looked at it.
 */
final class AccountCheck {

    /** Reasons an account is not checked; counted, not stored per account. */
    static final String NO_ID_NUMBER = "no-id-number";
    static final String CMND_ONLY = "cmnd-only";
    static final String NO_NAME = "no-name";
    static final String NO_BIRTH_DATE = "no-birth-date";
    static final String ALREADY_VERIFIED = "already-verified";
    static final String INVALID_NUMBER = "invalid-number";

    /** Registry answers that asking again will not change. */
    private static final Set<String> FINAL_ERRORS = Set.of("not-configured", "not-installed", "malformed-response",
            "response-too-large", "unexpected-result-code");

    private AccountCheck() {
    }

    /** What to do with one account. */
    sealed interface Plan {
    }

    /** Not checked, for this reason (one of the constants above). */
    record Skip(String reason) implements Plan {
    }

    /** Decided without the registry. */
    record Settled(AccountOutcome outcome) implements Plan {
    }

    /** Ask the registry this. */
    record Ask(RegistryQuery query) implements Plan {
        @Override
        public String toString() {
            return "Ask[" + query + "]";
        }
    }

    /**
     * @param otherHolders the Keycloak user ids of the other accounts holding the account's CCCD: other legacy rows
     *     (their future or present user id) and Keycloak users holding it verified
     */
    static Plan plan(CheckedAccount account, List<String> otherHolders) {
        if (account.cccd().isEmpty()) {
            return new Skip(account.cmnd().isPresent() ? CMND_ONLY : NO_ID_NUMBER);
        }
        IdParseResult<PersonalIdNumber> parsed = PersonalIdNumber.parse(account.cccd().get(), PersonalIdRules.strict());
        if (!parsed.isValid()) {
            return new Skip(INVALID_NUMBER);
        }
        if (!otherHolders.isEmpty()) {
            // also when the legacy portal verified it here: a number on several accounts is for an operator to sort out
            return new Settled(new AccountOutcome.Conflict(otherHolders));
        }
        if (account.fullName() == null || account.fullName().isBlank()) {
            return new Skip(NO_NAME);
        }
        if (account.birthDate() == null) {
            return new Skip(NO_BIRTH_DATE);
        }
        if (account.cccdVerified()) {
            return new Skip(ALREADY_VERIFIED);
        }
        // the one way account data becomes a question, also at import (what a verified result is bound to)
        return new Ask(BulkVerificationBinding.queryFor(parsed.number().orElseThrow(), account.fullName(),
                account.birthDate(), account.cmnd(), account.gender()));
    }

    /**
     * An account asked while the commit of the batch before ran (the job overlaps them): a number that commit marked
     * verified on another user is a conflict, as {@link #plan} decides when it sees the mark before asking.
     *
     * @param ownUserId       the account's own Keycloak user id
     * @param markedMeanwhile the numbers the commit before marked, with the user marked
     */
    static AccountOutcome withMarksMeanwhile(Plan plan, AccountOutcome asked, String ownUserId,
                                             Map<String, String> markedMeanwhile) {
        if (!(plan instanceof Ask ask)) {
            return asked;
        }
        String marked = markedMeanwhile.get(ask.query().idNumber());
        if (marked == null || marked.equals(ownUserId)) {
            return asked;
        }
        return new AccountOutcome.Conflict(List.of(marked));
    }

    /** The account's outcome from the registry's answer to {@code ask}. */
    static AccountOutcome outcome(Ask ask, RegistryResult result) {
        if (result instanceof RegistryResult.Match match) {
            Set<String> fields = new TreeSet<>();
            match.matched().forEach(field -> fields.add(field.name()));
            return new AccountOutcome.Verified(ask.query(), fields);
        }
        if (result instanceof RegistryResult.Mismatch mismatch) {
            Set<String> fields = new TreeSet<>();
            mismatch.mismatched().forEach(field -> fields.add(field.name()));
            return new AccountOutcome.Mismatch(fields);
        }
        if (result instanceof RegistryResult.NotFound) {
            return new AccountOutcome.NotFound();
        }
        String reason = ((RegistryResult.Unavailable) result).reason();
        return new AccountOutcome.RegistryError(reason, retryable(reason));
    }

    /** Whether asking again later may get an answer: everything but a broken setup or a broken answer. */
    static boolean retryable(String reason) {
        if (FINAL_ERRORS.contains(reason)) {
            return false;
        }
        if (reason.startsWith("http-4")) {
            return reason.equals("http-408") || reason.equals("http-429");
        }
        return true;
    }
}
