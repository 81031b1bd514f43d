package vn.vneidbridge.legacy.broker;

import java.util.Map;
import org.keycloak.models.AuthenticatorConfigModel;
import vn.vneidbridge.core.id.NameComparison;

/**
 * Typed, null-safe view of the first-VNeID-login settings: which population registry verifies a number before an
 * unverified account is linked, whether the registry is asked for the old CMND of a person no account knows by
 * the new number, and how many passwords one login may try when confirming a portal account.
 */
final class FirstLoginLinkConfig {

    static final String REGISTRY = "registry";
    static final String CMND_LOOKUP = "cmndLookup";
    static final String MAX_PASSWORD_ATTEMPTS = "maxPasswordAttempts";
    static final String NAME_COMPARISON = "nameComparison";
    static final String DEFAULT_REGISTRY = "c06-soap";
    static final int DEFAULT_MAX_PASSWORD_ATTEMPTS = 5;
    static final int MAX_MAX_PASSWORD_ATTEMPTS = 20;

    private final Map<String, String> values;

    FirstLoginLinkConfig(AuthenticatorConfigModel model) {
        this.values = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
    }

    String registry() {
        String registry = values.get(REGISTRY);
        return registry == null || registry.isBlank() ? DEFAULT_REGISTRY : registry.trim();
    }

    /** How an account's name is compared with the registered one before it is offered; exact unless set. */
    NameComparison nameComparison() {
        return NameComparison.parse(values.get(NAME_COMPARISON));
    }

    boolean cmndLookup() {
        return !"false".equalsIgnoreCase(values.getOrDefault(CMND_LOOKUP, "true").trim());
    }

    int maxPasswordAttempts() {
        try {
            int attempts = Integer.parseInt(values.getOrDefault(MAX_PASSWORD_ATTEMPTS, "").trim());
            return attempts >= 1 && attempts <= MAX_MAX_PASSWORD_ATTEMPTS ? attempts : DEFAULT_MAX_PASSWORD_ATTEMPTS;
        } catch (NumberFormatException e) {
            return DEFAULT_MAX_PASSWORD_ATTEMPTS;
        }
    }
}
