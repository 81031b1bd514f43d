package vn.vneidbridge.legacy.cutoff;

import java.util.Locale;
import java.util.Optional;

/** What a portal-account login may still do once its account type's cutoff date has passed. */
public enum CutoffMode {
    /** As before the cutoff: legacy login works, the citizen is told to link VNeID and may skip. */
    NOTICE("notice"),
    /** Legacy login only to verify the CCCD and link VNeID; no portal session is issued. */
    LINK_ONLY("link-only"),
    /** Legacy login refused, the citizen is sent to VNeID. */
    CLOSED("closed");

    private final String value;

    CutoffMode(String value) {
        this.value = value;
    }

    /** The value stored in the authenticator's configuration. */
    public String value() {
        return value;
    }

    static Optional<CutoffMode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (CutoffMode mode : values()) {
            if (mode.value.equals(wanted)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
