package vn.vneidbridge.cccd.authenticator;

import java.util.Map;
import org.keycloak.models.AuthenticatorConfigModel;
import vn.vneidbridge.core.id.NameComparison;

/**
 * Typed, null-safe view of the CCCD check's settings: an execution that was never configured runs with
 * the defaults (skip allowed, C06 registry, 5 attempts per 15 minutes).
 */
final class CccdCheckConfig {

    static final String DEFAULT_REGISTRY = "c06-soap";
    static final int DEFAULT_MAX_ATTEMPTS = 5;
    static final int DEFAULT_WINDOW_MINUTES = 15;

    private final Map<String, String> values;

    CccdCheckConfig(AuthenticatorConfigModel model) {
        this.values = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
    }

    boolean allowSkip() {
        return !"false".equalsIgnoreCase(values.getOrDefault(CccdCheckConfigProperties.ALLOW_SKIP, "true").trim());
    }

    String registry() {
        String value = values.get(CccdCheckConfigProperties.REGISTRY);
        return value == null || value.isBlank() ? DEFAULT_REGISTRY : value.trim();
    }

    /** How the account's name is compared with the registered one; exact unless set. */
    NameComparison nameComparison() {
        return NameComparison.parse(values.get(CccdCheckConfigProperties.NAME_COMPARISON));
    }

    int maxAttemptsPerAccount() {
        return positive(CccdCheckConfigProperties.MAX_ATTEMPTS, DEFAULT_MAX_ATTEMPTS);
    }

    int maxAttemptsPerAddress() {
        return positive(CccdCheckConfigProperties.MAX_ATTEMPTS_PER_ADDRESS, DEFAULT_MAX_ATTEMPTS);
    }

    int windowMinutes() {
        return positive(CccdCheckConfigProperties.WINDOW_MINUTES, DEFAULT_WINDOW_MINUTES);
    }

    private int positive(String key, int defaultValue) {
        try {
            int value = Integer.parseInt(values.getOrDefault(key, "").trim());
            return value > 0 ? value : defaultValue;
        } catch (NumberFormatException e) {
            return defaultValue;
        }
    }
}
