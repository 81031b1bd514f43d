package vn.vneidbridge.vneid;

import java.util.Locale;
import java.util.Optional;

/**
 * Which API of VNeID the provider speaks: {@link #OIDC}, plain OpenID Connect (VNeID's SSO, ID token, JWKS), or
 * {@link #PARTNER_API}, the API VNeID gives relying parties (encrypted code, encrypted token and userinfo envelopes,
 * no ID token), see the module's README.
 */
public enum VneidProtocol {
    OIDC("oidc"),
    PARTNER_API("partner-api");

    private final String value;

    VneidProtocol(String value) {
        this.value = value;
    }

    /** The configuration value, {@code oidc} or {@code partner-api}. */
    public String value() {
        return value;
    }

    /** {@code oidc}/{@code partner-api} in any case; anything else, null included, is empty. */
    public static Optional<VneidProtocol> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.trim().toLowerCase(Locale.ROOT);
        for (VneidProtocol protocol : values()) {
            if (protocol.value.equals(key)) {
                return Optional.of(protocol);
            }
        }
        return Optional.empty();
    }
}
