package vn.vneidbridge.core.id;

import java.util.Locale;

/**
 * How a name an account holds is compared with the name the population database registered, a setting of the steps
 * that ask the registry. Legacy portals often stored names without diacritics ("TO THI NGA"): with {@link #EXACT}
 * such an account never matches its holder's record; {@link #UNACCENTED_LEGACY_NAMES} lets a name written entirely
 * without diacritics match the registered name once diacritics are removed from both, while a name written with
 * diacritics must still be the same name, diacritics included ("Tô Thị Ngà" is not "Tô Thị Nga"). The other fields
 * (birth date, gender, old CMND) are compared as before, and nothing is linked unseen, so a namesake the looser
 * comparison lets through is still stopped where namesakes are (the shown account, the holder's "not mine").
 */
public enum NameComparison {
    /** The same name, diacritics included; case, spacing and Unicode form do not matter. */
    EXACT("exact"),
    /** {@link #EXACT}, or, for a name written without any diacritic, the same letters once diacritics are removed. */
    UNACCENTED_LEGACY_NAMES("unaccented-legacy-names");

    private final String value;

    NameComparison(String value) {
        this.value = value;
    }

    /** The setting's value, as the admin console lists it. */
    public String value() {
        return value;
    }

    /** The comparison a setting names; {@link #EXACT} for anything else, a missing value included. */
    public static NameComparison parse(String text) {
        if (text != null && UNACCENTED_LEGACY_NAMES.value.equals(text.strip().toLowerCase(Locale.ROOT))) {
            return UNACCENTED_LEGACY_NAMES;
        }
        return EXACT;
    }

    /**
     * Whether the declared name is the registered one under this comparison.
     *
     * @param declared   the name the account holds
     * @param registered the name the population database returned
     */
    public boolean same(String declared, String registered) {
        if (VietnameseNames.sameName(declared, registered)) {
            return true;
        }
        return this == UNACCENTED_LEGACY_NAMES && isUnaccented(declared)
                && VietnameseNames.sameNameIgnoringDiacritics(declared, registered);
    }

    /** A name of ASCII letters, spaces and the usual separators only: written without any diacritic. */
    static boolean isUnaccented(String name) {
        String normalized = VietnameseNames.normalize(name);
        if (normalized.isEmpty()) {
            return false;
        }
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            boolean plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == ' ' || c == '-' || c == '\'';
            if (!plain) {
                return false;
            }
        }
        return true;
    }
}
