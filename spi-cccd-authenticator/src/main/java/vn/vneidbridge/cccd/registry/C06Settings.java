package vn.vneidbridge.cccd.registry;

import java.util.Optional;

/**
 * The C06-only options: codes sent in the body and the credentials for the headers. {@link #toString()}
 * never shows the user, secret or API key.
 */
record C06Settings(Optional<String> integrationCode, String officerCode, Optional<String> user,
                   Optional<String> secret, Optional<String> apiKey) {

    static final String DEFAULT_OFFICER_CODE = "vneid-bridge";

    static C06Settings read(ScopeReader config) {
        return new C06Settings(
                config.string(RegistryConfigProperties.INTEGRATION_CODE),
                config.string(RegistryConfigProperties.OFFICER_CODE).orElse(DEFAULT_OFFICER_CODE),
                config.string(RegistryConfigProperties.USER),
                config.string(RegistryConfigProperties.SECRET),
                config.string(RegistryConfigProperties.API_KEY));
    }

    /** Whether the {@code Authorization} header can be computed. */
    boolean canSign() {
        return user.isPresent() && secret.isPresent();
    }

    @Override
    public String toString() {
        return "C06Settings[integrationCode=" + integrationCode.orElse("-") + ", officerCode=" + officerCode
                + ", signed=" + canSign() + ", apiKey=" + (apiKey.isPresent() ? "***" : "-") + ']';
    }
}
