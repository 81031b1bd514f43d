package vn.vneidbridge.cccd.registry;

import vn.vneidbridge.core.id.CmndNumber;
import vn.vneidbridge.core.id.PersonalIdNumber;
import vn.vneidbridge.core.id.PersonalIdRules;

/** Masks numbers for logs and {@code toString()}; text that is not a valid number is hidden entirely. */
final class LogMask {

    private LogMask() {
    }

    static String idNumber(String text) {
        return PersonalIdNumber.parse(text, PersonalIdRules.lenient()).number()
                .map(PersonalIdNumber::mask)
                .orElseGet(() -> hidden(text));
    }

    static String cmnd(String text) {
        return CmndNumber.parse(text).number().map(CmndNumber::mask).orElseGet(() -> hidden(text));
    }

    private static String hidden(String text) {
        return text == null ? "null" : "*".repeat(Math.min(text.length(), 16));
    }
}
