package vn.vneidbridge.legacy.broker;

/**
 * A username as the VNeID holder is shown it before a link: enough for its owner to recognise it, too little for a
 * stranger to log in with it or find it. A 12-digit number as username shows only its last three digits.
 */
final class UsernameMask {

    private UsernameMask() {
    }

    static String mask(String username) {
        if (username == null || username.isBlank()) {
            return "***";
        }
        String value = username.strip();
        int length = value.codePointCount(0, value.length());
        if (value.chars().allMatch(Character::isDigit)) {
            return "*".repeat(Math.max(3, length - 3)) + tail(value, Math.min(3, length - 1));
        }
        if (length <= 4) {
            return head(value, 1) + "***";
        }
        int shown = length >= 8 ? 2 : 1;
        return head(value, shown) + "*".repeat(length - 2 * shown) + tail(value, shown);
    }

    private static String head(String value, int codePoints) {
        return value.substring(0, value.offsetByCodePoints(0, codePoints));
    }

    private static String tail(String value, int codePoints) {
        if (codePoints <= 0) {
            return "";
        }
        return value.substring(value.offsetByCodePoints(value.length(), -codePoints));
    }
}
