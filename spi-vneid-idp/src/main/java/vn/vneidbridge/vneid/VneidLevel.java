package vn.vneidbridge.vneid;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The level of a VNeID account (mức độ tài khoản định danh điện tử, Decree 69/2024/NĐ-CP): level 1 is
 * registered in the VNeID app, level 2 at the police with fingerprints. VNeID returns it as the {@code acr}
 * claim, {@code "1"} or {@code "2"}; the national portal's SSO wrote it {@code "LoA1"}/{@code "LoA2"}.
 */
public enum VneidLevel {
    LEVEL_1("1"),
    LEVEL_2("2");

    private final String value;

    VneidLevel(String value) {
        this.value = value;
    }

    /** {@code "1"} or {@code "2"}: what is sent as {@code acr_values} and stored in attributes and notes. */
    public String value() {
        return value;
    }

    public boolean isAtLeast(VneidLevel other) {
        return compareTo(other) >= 0;
    }

    /**
     * Reads {@code 1}, {@code 2}, {@code LoA1}, {@code LoA2} (any case, optional space or dash after
     * {@code LoA}); a {@link Number} 1 or 2 too. Anything else, null included, is empty.
     */
    public static Optional<VneidLevel> parse(Object raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.toString().trim().toLowerCase(Locale.ROOT);
        if (text.startsWith("loa")) {
            text = text.substring(3).trim();
            if (text.startsWith("-") || text.startsWith("_")) {
                text = text.substring(1);
            }
        }
        switch (text) {
            case "1":
                return Optional.of(LEVEL_1);
            case "2":
                return Optional.of(LEVEL_2);
            default:
                return Optional.empty();
        }
    }

    /** The highest level among {@code values} that {@linkplain #parse parse}; values that do not are ignored. */
    public static Optional<VneidLevel> highest(Collection<String> values) {
        return values.stream().map(VneidLevel::parse).flatMap(Optional::stream).max(Enum::compareTo);
    }

    @Override
    public String toString() {
        return value;
    }
}
