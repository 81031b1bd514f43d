package vn.vneidbridge.sandbox.vneid;

import java.util.Optional;

/** Shows a phone number the way an SMS-OTP page does: six stars and the last three digits. */
final class PhoneNumberMask {

    private static final int VISIBLE_DIGITS = 3;
    private static final String STARS = "******";

    private PhoneNumberMask() {
    }

    /**
     * {@code 0912345123} → {@code ******123}; empty when there are fewer than three digits, so the page can
     * fall back to "the registered number".
     */
    static Optional<String> mask(String phoneNumber) {
        if (phoneNumber == null) {
            return Optional.empty();
        }
        String digits = phoneNumber.replaceAll("[^0-9]", "");
        if (digits.length() < VISIBLE_DIGITS) {
            return Optional.empty();
        }
        return Optional.of(STARS + digits.substring(digits.length() - VISIBLE_DIGITS));
    }
}
