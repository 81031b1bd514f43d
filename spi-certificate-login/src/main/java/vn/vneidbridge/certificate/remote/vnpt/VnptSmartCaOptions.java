package vn.vneidbridge.certificate.remote.vnpt;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import vn.vneidbridge.cccd.registry.ScopeReader;
import vn.vneidbridge.certificate.remote.SignatureScheme;

/**
 * The {@value VnptSmartCaServiceFactory#PROVIDER_ID} adapter's server options, e.g.
 * {@code spi-vneid-remote-signing--vnpt-smartca--endpoint}. The endpoint must be an absolute {@code https} URL (the
 * credentials travel in every body); the credentials come from the server's options (environment or Keycloak's
 * config keystore), never from a realm. Without endpoint and credentials the adapter is unconfigured.
 */
record VnptSmartCaOptions(String endpoint, SignatureScheme scheme, String fileType, Duration connectTimeout,
                          Duration readTimeout, int breakerFailures, Duration breakerOpen,
                          SmartCaWire.Credentials credentials) {

    static final String ENDPOINT = "endpoint";
    static final String SP_ID = "spId";
    static final String SP_PASSWORD = "spPassword";
    static final String SIGNATURE_SCHEME = "signatureScheme";
    static final String FILE_TYPE = "fileType";
    static final String CONNECT_TIMEOUT_MILLIS = "connectTimeoutMillis";
    static final String READ_TIMEOUT_MILLIS = "readTimeoutMillis";
    static final String BREAKER_FAILURES = "breakerFailures";
    static final String BREAKER_OPEN_SECONDS = "breakerOpenSeconds";
    static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 2000;
    static final int DEFAULT_READ_TIMEOUT_MILLIS = 5000;
    /** A login thread waits no longer than this for SmartCA, whatever is set (and an attempt's slot outlives it). */
    static final int MAX_READ_TIMEOUT_MILLIS = 30_000;
    static final int DEFAULT_BREAKER_FAILURES = 5;
    static final int DEFAULT_BREAKER_OPEN_SECONDS = 30;

    static final List<ProviderConfigProperty> PROPERTIES = List.copyOf(ProviderConfigurationBuilder.create()
            .property().name(ENDPOINT).label("Endpoint").type(ProviderConfigProperty.STRING_TYPE).required(true)
            .helpText("SmartCA's SP769 base URL, https only, e.g. https://gwsca.vnpt.vn/sca/sp769 (UAT:"
                    + " https://rmgateway.vnptit.vn/sca/sp769).").add()
            .property().name(SP_ID).label("SP id").type(ProviderConfigProperty.STRING_TYPE).required(true)
            .helpText("The client id VNPT issued to this service provider (sp_id).").add()
            .property().name(SP_PASSWORD).label("SP password").type(ProviderConfigProperty.PASSWORD).required(true)
            .secret(true).helpText("The client secret VNPT issued (sp_password); set it in the environment or the"
                    + " config keystore.").add()
            .property().name(SIGNATURE_SCHEME).label("Signature scheme").type(ProviderConfigProperty.LIST_TYPE)
            .options(SignatureScheme.RSA_PKCS1_SHA256.setting(), SignatureScheme.ECDSA_SHA256.setting())
            .defaultValue(SignatureScheme.RSA_PKCS1_SHA256.setting())
            .helpText("How the provider signs a hash; a signature is verified with this scheme only.").add()
            .property().name(FILE_TYPE).label("File type").type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue("json").helpText("The file_type sent with the hash.").add()
            .property().name(CONNECT_TIMEOUT_MILLIS).label("Connect timeout (ms)")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(DEFAULT_CONNECT_TIMEOUT_MILLIS).add()
            .property().name(READ_TIMEOUT_MILLIS).label("Read timeout (ms)")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(DEFAULT_READ_TIMEOUT_MILLIS)
            .helpText("The longest a whole call may take, at most 30000; a slower answer is 'unavailable'.").add()
            .property().name(BREAKER_FAILURES).label("Circuit breaker failures")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(DEFAULT_BREAKER_FAILURES)
            .helpText("Consecutive failures after which SmartCA is not called for a while; 0 disables it.").add()
            .property().name(BREAKER_OPEN_SECONDS).label("Circuit breaker open time (s)")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(DEFAULT_BREAKER_OPEN_SECONDS).add()
            .build());

    /** The options as set, or empty (with the reason) when the adapter cannot be used. */
    static Result read(ScopeReader reader) {
        Optional<String> endpoint = reader.string(ENDPOINT);
        Optional<String> spId = reader.string(SP_ID);
        Optional<String> spPassword = reader.string(SP_PASSWORD);
        if (endpoint.isEmpty() && spId.isEmpty() && spPassword.isEmpty()) {
            return new Result(Optional.empty(), "not configured");
        }
        if (endpoint.isEmpty() || spId.isEmpty() || spPassword.isEmpty()) {
            return new Result(Optional.empty(), "options endpoint, spId and spPassword are all required");
        }
        if (!httpsUrl(endpoint.get())) {
            return new Result(Optional.empty(), "option endpoint must be an absolute https URL");
        }
        String schemeName = reader.string(SIGNATURE_SCHEME).orElse(SignatureScheme.RSA_PKCS1_SHA256.setting());
        Optional<SignatureScheme> scheme = SignatureScheme.named(schemeName);
        if (scheme.isEmpty()) {
            return new Result(Optional.empty(), "option signatureScheme names no known scheme");
        }
        return new Result(Optional.of(new VnptSmartCaOptions(endpoint.get().replaceAll("/+$", ""), scheme.get(),
                reader.string(FILE_TYPE).orElse("json"),
                Duration.ofMillis(reader.integer(CONNECT_TIMEOUT_MILLIS, DEFAULT_CONNECT_TIMEOUT_MILLIS, 1)),
                Duration.ofMillis(Math.min(MAX_READ_TIMEOUT_MILLIS,
                        reader.integer(READ_TIMEOUT_MILLIS, DEFAULT_READ_TIMEOUT_MILLIS, 1))),
                reader.integer(BREAKER_FAILURES, DEFAULT_BREAKER_FAILURES, 0),
                Duration.ofSeconds(reader.integer(BREAKER_OPEN_SECONDS, DEFAULT_BREAKER_OPEN_SECONDS, 1)),
                new SmartCaWire.Credentials(spId.get(), spPassword.get()))), "");
    }

    static boolean httpsUrl(String value) {
        try {
            URI uri = URI.create(value.strip());
            return uri.isAbsolute() && "https".equals(uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "VnptSmartCaOptions[" + endpoint + "]";
    }

    /** The options, or why there are none. */
    record Result(Optional<VnptSmartCaOptions> options, String problem) {
    }
}
