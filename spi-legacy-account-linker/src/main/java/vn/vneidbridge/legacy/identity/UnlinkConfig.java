package vn.vneidbridge.legacy.identity;

import org.keycloak.models.RequiredActionConfigModel;

/**
 * The identity page's settings, read null-safely: an action never configured in the admin console uses the
 * defaults.
 */
record UnlinkConfig(int reauthMaxAgeSeconds) {

    static UnlinkConfig of(RequiredActionConfigModel model) {
        String value = model == null ? null : model.getConfigValue(UnlinkConfigProperties.REAUTH_MAX_AGE);
        return new UnlinkConfig(seconds(value).orElse(UnlinkConfigProperties.DEFAULT_REAUTH_MAX_AGE));
    }

    /**
     * A number of seconds of at least {@value UnlinkConfigProperties#MIN_REAUTH_MAX_AGE} (the VNeID re-login and the
     * confirmation must fit in the window), or empty when the text is none.
     */
    static java.util.OptionalInt seconds(String value) {
        if (value == null || value.isBlank()) {
            return java.util.OptionalInt.empty();
        }
        try {
            int seconds = Integer.parseInt(value.trim());
            return seconds < UnlinkConfigProperties.MIN_REAUTH_MAX_AGE ? java.util.OptionalInt.empty()
                    : java.util.OptionalInt.of(seconds);
        } catch (NumberFormatException e) {
            return java.util.OptionalInt.empty();
        }
    }

    /** True when a VNeID authentication at {@code authTime} (epoch seconds, the session note) is recent enough. */
    boolean fresh(String authTime, long now) {
        if (authTime == null) {
            return false;
        }
        try {
            long at = Long.parseLong(authTime.trim());
            return at <= now + 5 && now - at <= reauthMaxAgeSeconds;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
