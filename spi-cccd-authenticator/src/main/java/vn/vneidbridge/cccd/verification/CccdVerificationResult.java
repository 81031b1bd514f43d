package vn.vneidbridge.cccd.verification;

import java.util.List;

/**
 * The outcome of putting a CCCD on an account, with the message the citizen sees and the event error an
 * operator sees. Only {@link Outcome#VERIFIED} changed the account.
 */
public record CccdVerificationResult(Outcome outcome, String messageKey, List<String> messageArguments,
                                     String eventError, String eventDetail) {

    public enum Outcome { VERIFIED, INVALID, PROFILE_INCOMPLETE, TAKEN, MISMATCH, UNAVAILABLE, TOO_MANY_ATTEMPTS,
        NOT_A_CITIZEN }

    public boolean verified() {
        return outcome == Outcome.VERIFIED;
    }

    static CccdVerificationResult success() {
        return new CccdVerificationResult(Outcome.VERIFIED, "vneidCccdVerified", List.of(), null, null);
    }

    static CccdVerificationResult failed(Outcome outcome, String messageKey, String eventError, List<String> args,
                                         String detail) {
        return new CccdVerificationResult(outcome, messageKey, args, eventError, detail);
    }

    public static CccdVerificationResult tooManyAttempts(int windowMinutes) {
        return failed(Outcome.TOO_MANY_ATTEMPTS, "vneidCccdTooManyAttempts", "cccd_attempts_exceeded",
                List.of(String.valueOf(windowMinutes)), null);
    }
}
