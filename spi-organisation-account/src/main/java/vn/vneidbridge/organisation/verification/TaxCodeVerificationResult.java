package vn.vneidbridge.organisation.verification;

import java.util.List;

/**
 * The outcome of putting a tax code on an organisation's account, with the message the organisation sees and the
 * event error an operator sees. Only {@link Outcome#VERIFIED} (the business registry matched the code with the
 * account's name) changed the account.
 *
 * @param eventDetail what was wrong, for the event's {@code reason}: problem codes, {@code name}, {@code not-found},
 *                    {@code inactive}, a registry's failure reason; never a name
 */
public record TaxCodeVerificationResult(Outcome outcome, String messageKey, List<String> messageArguments,
                                        String eventError, String eventDetail) {

    public enum Outcome { VERIFIED, INVALID, NOT_AN_ORGANISATION, PROFILE_INCOMPLETE, DISPUTED, TAKEN, MISMATCH,
        UNAVAILABLE, TOO_MANY_ATTEMPTS }

    public boolean verified() {
        return outcome == Outcome.VERIFIED;
    }

    static TaxCodeVerificationResult success() {
        return new TaxCodeVerificationResult(Outcome.VERIFIED, "vneidTaxCodeVerified", List.of(), null, null);
    }

    static TaxCodeVerificationResult failed(Outcome outcome, String messageKey, String eventError, List<String> args,
                                            String detail) {
        return new TaxCodeVerificationResult(outcome, messageKey, args, eventError, detail);
    }

    public static TaxCodeVerificationResult tooManyAttempts(int windowMinutes) {
        return failed(Outcome.TOO_MANY_ATTEMPTS, "vneidTaxCodeTooManyAttempts", "tax_code_attempts_exceeded",
                List.of(String.valueOf(windowMinutes)), null);
    }
}
