package vn.vneidbridge.legacy.broker;

import java.util.Map;
import org.keycloak.models.AuthenticatorConfigModel;
import vn.vneidbridge.core.id.NameComparison;

/**
 * Typed, null-safe view of the first-VNeID-login settings: which population registry verifies a number before an
 * unverified account is linked, whether the registry is asked for the old CMND of a person no account knows by
 * the new number, how many passwords one login may try when confirming a portal account, and whose word the id
 * number is (VNeID's, or another provider's claim).
 */
final class FirstLoginLinkConfig {

    static final String REGISTRY = "registry";
    static final String CMND_LOOKUP = "cmndLookup";
    static final String MAX_PASSWORD_ATTEMPTS = "maxPasswordAttempts";
    static final String NAME_COMPARISON = "nameComparison";
    static final String IDENTITY_SOURCE = "identitySource";
    /** The id number is VNeID's, validated by its provider (the default). */
    static final String SOURCE_VNEID = "vneid";
    /**
     * The id number is another provider's word, in its brokered username (Keycloak's username template mapper):
     * {@link ClaimedIdFirstLoginDecision}.
     */
    static final String SOURCE_CLAIM = "claim";
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

    /** Whether the id number is another provider's word rather than VNeID's (setting {@value #IDENTITY_SOURCE}). */
    boolean claimedId() {
        return SOURCE_CLAIM.equalsIgnoreCase(values.getOrDefault(IDENTITY_SOURCE, SOURCE_VNEID).trim());
    }

    /** Whether the old CMND is looked for; never for a claimed number (nothing but a verified CCCD finds accounts). */
    boolean cmndLookup() {
        if (claimedId()) {
            return false;
        }
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
