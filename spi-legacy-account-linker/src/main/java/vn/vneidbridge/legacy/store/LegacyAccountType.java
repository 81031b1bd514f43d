package vn.vneidbridge.legacy.store;

import java.util.Locale;
import java.util.Optional;

/** The kinds of legacy portal account; each has its own cutoff date. */
public enum LegacyAccountType {
    CITIZEN, ORGANISATION, BUSINESS;

    public static Optional<LegacyAccountType> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(code.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
