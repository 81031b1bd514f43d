package vn.vneidbridge.sandbox.remotesigning;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the stand-in's {@code /sca} API answers: the failures an adapter must survive, by a switch. */
public enum Mode {
    /** As VNPT SmartCA does. */
    NORMAL,
    /** Every {@code /sca} call answers HTTP 503 {@code SERVICE_UNAVAILABLE}: the provider is down. */
    DOWN,
    /**
     * Every {@code /sca} call is answered {@link SmartCaStandIn#SLOW_DELAY} late, past any sensible read timeout;
     * what it does (a transaction created) is done at once, as a slow server would.
     */
    SLOW;

    /** The name {@code POST /_simulator/mode} takes: {@code normal}, {@code down}, {@code slow}. */
    public String setting() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode of a {@link #setting()}, in any case and with blanks around; empty for any other text. */
    public static Optional<Mode> named(String setting) {
        String wanted = setting == null ? "" : setting.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(mode -> mode.setting().equals(wanted)).findFirst();
    }
}
