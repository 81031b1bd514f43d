package vn.vneidbridge.legacy.mapper;

import java.util.Optional;
import vn.vneidbridge.legacy.username.VneidUsernames;

/**
 * The username as a portal without {@code vneid-identity} may see it in {@code preferred_username}: as it is,
 * unless it holds an id number. Some citizens chose their CCCD (12 digits), CMND (9 digits) or phone (10 digits)
 * as legacy portal username; any run of {@value #MIN_DIGIT_RUN} or more digits is taken for such a number, so
 * "an001090001234" is withheld as well as "001090001234". Users created from VNeID have {@code vneid-…}
 * usernames ({@link VneidUsernames#FORM}), which always pass: their hex digits are a keyed hash, not a number, and
 * about one in twelve of them has a run of nine decimal digits.
 */
final class ReleasableUsername {

    static final int MIN_DIGIT_RUN = 9;

    private ReleasableUsername() {
    }

    /** The username to release, or empty when it is blank or holds {@value #MIN_DIGIT_RUN} digits in a row. */
    static Optional<String> of(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        if (VneidUsernames.FORM.matcher(username).matches()) {
            return Optional.of(username);
        }
        int run = 0;
        for (int i = 0; i < username.length(); i++) {
            char c = username.charAt(i);
            run = c >= '0' && c <= '9' ? run + 1 : 0;
            if (run >= MIN_DIGIT_RUN) {
                return Optional.empty();
            }
        }
        return Optional.of(username);
    }
}
