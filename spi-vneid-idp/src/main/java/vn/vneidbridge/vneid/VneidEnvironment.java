package vn.vneidbridge.vneid;

import java.util.Locale;
import java.util.Optional;

/**
 * Which VNeID an identity provider talks to. An operator picks one and enters only the client id and secret;
 * every endpoint follows from the environment's issuer ({@link VneidEndpoints#forIssuer}), and each one can
 * still be set explicitly in the provider's configuration.
 */
public enum VneidEnvironment {

    /**
     * The stand-in VNeID of the sandbox (realm {@code vneid-sandbox}). Its issuer is configurable
     * ({@link VneidIdentityProviderConfig#SANDBOX_ISSUER}) because the sandbox's host and port can move.
     */
    SANDBOX("http://localhost:8080/realms/vneid-sandbox"),

    /**
     * The national VNeID SSO of the Ministry of Public Security. No specification is published: the issuer is
     * <em>inferred from public integration code</em> of provinces that use it (a Keycloak realm
     * {@code citizen} at {@code sso.dancuquocgia.gov.vn}), and must be confirmed with the authority when the
     * connection agreement is made (Decree 69/2024, Art. 18).
     */
    PRODUCTION("https://sso.dancuquocgia.gov.vn/realms/citizen");

    private final String defaultIssuer;

    VneidEnvironment(String defaultIssuer) {
        this.defaultIssuer = defaultIssuer;
    }

    /** The issuer used when none is configured. */
    public String defaultIssuer() {
        return defaultIssuer;
    }

    /**
     * The issuer of this environment: for {@link #SANDBOX} the configured sandbox issuer when there is one.
     *
     * @param sandboxIssuer the configured sandbox issuer, may be null or blank
     */
    public String issuer(String sandboxIssuer) {
        if (this == SANDBOX && sandboxIssuer != null && !sandboxIssuer.isBlank()) {
            String trimmed = sandboxIssuer.trim();
            return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        }
        return defaultIssuer;
    }

    /** Reads {@code SANDBOX}/{@code PRODUCTION} in any case; anything else, null included, is empty. */
    public static Optional<VneidEnvironment> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.trim().toUpperCase(Locale.ROOT);
        for (VneidEnvironment environment : values()) {
            if (environment.name().equals(key)) {
                return Optional.of(environment);
            }
        }
        return Optional.empty();
    }
}
