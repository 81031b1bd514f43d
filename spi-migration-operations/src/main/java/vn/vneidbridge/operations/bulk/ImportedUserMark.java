package vn.vneidbridge.operations.bulk;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Whether a verified bulk outcome is written onto the account's Keycloak user, when the account is imported
 * already: only if the user still holds the very number and profile the registry confirmed (the legacy row's), the
 * number is not verified there yet, its VNeID holder never disowned the account, and no other user holds it verified.
 */
final class ImportedUserMark {

    enum Decision { APPLY, ALREADY_VERIFIED, PROFILE_CHANGED, DISPUTED, VERIFIED_ELSEWHERE }

    /** The user's side, as its attributes say. */
    record UserFacts(String cccd, boolean cccdVerified, boolean disputed, String fullName, String birthDate,
                     boolean verifiedOnAnotherUser) {
    }

    private ImportedUserMark() {
    }

    static Decision decide(String number, String checkedName, LocalDate checkedBirthDate, UserFacts user) {
        if (!number.equals(user.cccd()) || !Objects.equals(trim(checkedName), trim(user.fullName()))
                || checkedBirthDate == null || !checkedBirthDate.toString().equals(trim(user.birthDate()))) {
            return Decision.PROFILE_CHANGED;
        }
        if (user.cccdVerified()) {
            return Decision.ALREADY_VERIFIED;
        }
        if (user.disputed()) {
            return Decision.DISPUTED;
        }
        if (user.verifiedOnAnotherUser()) {
            return Decision.VERIFIED_ELSEWHERE;
        }
        return Decision.APPLY;
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
