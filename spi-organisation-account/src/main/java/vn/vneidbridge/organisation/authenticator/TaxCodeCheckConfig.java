package vn.vneidbridge.organisation.authenticator;

import java.util.Map;
import org.keycloak.models.AuthenticatorConfigModel;
import vn.vneidbridge.organisation.registry.DkkdJsonRegistryFactory;

/**
 * Typed, null-safe view of the tax-code check's settings: an execution that was never configured runs with the
 * defaults (skip allowed, the {@code dkkd-json} registry, 5 attempts per account and per address in 15 minutes).
 */
final class TaxCodeCheckConfig {

    static final String DEFAULT_REGISTRY = DkkdJsonRegistryFactory.PROVIDER_ID;
    static final int DEFAULT_MAX_ATTEMPTS = 5;
    static final int DEFAULT_WINDOW_MINUTES = 15;

    private final Map<String, String> values;

    TaxCodeCheckConfig(AuthenticatorConfigModel model) {
        this.values = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
    }

    boolean allowSkip() {
        return !"false".equalsIgnoreCase(values.getOrDefault(TaxCodeCheckConfigProperties.ALLOW_SKIP, "true").trim());
    }

    String registry() {
        String value = values.get(TaxCodeCheckConfigProperties.REGISTRY);
        return value == null || value.isBlank() ? DEFAULT_REGISTRY : value.trim();
    }

    int maxAttemptsPerAccount() {
        return positive(TaxCodeCheckConfigProperties.MAX_ATTEMPTS, DEFAULT_MAX_ATTEMPTS);
    }

    int maxAttemptsPerAddress() {
        return positive(TaxCodeCheckConfigProperties.MAX_ATTEMPTS_PER_ADDRESS, DEFAULT_MAX_ATTEMPTS);
    }

    int windowMinutes() {
        return positive(TaxCodeCheckConfigProperties.WINDOW_MINUTES, DEFAULT_WINDOW_MINUTES);
    }

    private int positive(String key, int defaultValue) {
        String text = values.get(key);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.trim());
            return value > 0 ? value : defaultValue;
        } catch (NumberFormatException e) {
            return defaultValue;
        }
    }
}
