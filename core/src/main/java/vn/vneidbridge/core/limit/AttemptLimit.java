package vn.vneidbridge.core.limit;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * At most {@code attempts} attempts of one kind by one subject in any {@code window}-long stretch of time, e.g.
 * {@code new AttemptLimit("cccd-account", 5, Duration.ofMinutes(15))}. The kind names the count in the store's
 * keys (lower-case letters, digits and dashes); the subject (an account, an address, a login) is given per
 * attempt to {@link AttemptSlots}.
 */
public record AttemptLimit(String kind, int attempts, Duration window) {

    private static final Pattern KIND = Pattern.compile("[a-z0-9-]{1,40}");

    public AttemptLimit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(window, "window");
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("kind must be 1 to 40 of a-z, 0-9 and '-': " + kind);
        }
        if (attempts < 1 || attempts > AttemptSlots.MAX_ATTEMPTS) {
            throw new IllegalArgumentException("attempts must be 1.." + AttemptSlots.MAX_ATTEMPTS + ": " + attempts);
        }
        if (window.toSeconds() < 1) {
            throw new IllegalArgumentException("the window must be at least one second: " + window);
        }
    }
}
