package vn.vneidbridge.cccd.registry;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The server options of the registry providers, as shown in the admin console's provider info. Set them as
 * {@code spi-vneid-population-registry--<provider>--<option-in-kebab-case>}.
 */
final class RegistryConfigProperties {

    static final String ENDPOINT = "endpoint";
    static final String UNIT_CODE = "unitCode";
    static final String CONNECT_TIMEOUT_MILLIS = "connectTimeoutMillis";
    static final String READ_TIMEOUT_MILLIS = "readTimeoutMillis";
    static final String CACHE_TTL_SECONDS = "cacheTtlSeconds";
    static final String BREAKER_FAILURES = "breakerFailures";
    static final String BREAKER_OPEN_SECONDS = "breakerOpenSeconds";
    static final String BULK_MAX_RATE_PER_SECOND = "bulkMaxRatePerSecond";

    static final String INTEGRATION_CODE = "integrationCode";
    static final String OFFICER_CODE = "officerCode";
    static final String USER = "user";
    static final String SECRET = "secret";
    static final String API_KEY = "apiKey";

    static final String TOKEN = "token";

    static final List<ProviderConfigProperty> C06_SOAP = List.copyOf(shared(ProviderConfigurationBuilder.create()
            .property().name(ENDPOINT).label("Endpoint").type(ProviderConfigProperty.STRING_TYPE).required(true)
            .helpText("URL of the C06 XacThucThongTinCongDan SOAP service, exactly as it is called (it is part "
                    + "of the request signature).").add()
            .property().name(UNIT_CODE).label("Unit code (MaDVC)").type(ProviderConfigProperty.STRING_TYPE)
            .required(true).helpText("Code of the calling unit, sent as MaDVC and X-Road-Client.").add()
            .property().name(INTEGRATION_CODE).label("Integration code (MaTichHop)")
            .type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Integration code issued with the connection, sent as MaTichHop.").add()
            .property().name(OFFICER_CODE).label("Officer code (MaCanBo)").type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(C06Settings.DEFAULT_OFFICER_CODE)
            .helpText("Officer or system making the request, sent as MaCanBo.").add()
            .property().name(USER).label("User").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("User of the Basic Authorization header; without user and secret requests are unsigned.")
            .add()
            .property().name(SECRET).label("Secret").type(ProviderConfigProperty.PASSWORD).secret(true)
            .helpText("Shared secret hashed into the Authorization header: sha256(url + user + timestamp + secret).")
            .add()
            .property().name(API_KEY).label("API key").type(ProviderConfigProperty.PASSWORD).secret(true)
            .helpText("API key issued to the unit, sent as the ApiKey header.").add()));

    static final List<ProviderConfigProperty> LGSP_JSON = List.copyOf(shared(ProviderConfigurationBuilder.create()
            .property().name(ENDPOINT).label("Endpoint").type(ProviderConfigProperty.STRING_TYPE).required(true)
            .helpText("URL of the LGSP gateway's citizen verification API, e.g. "
                    + "https://lgsp.example.gov.vn/api/dancu/v1/xac-thuc-cong-dan.").add()
            .property().name(UNIT_CODE).label("Unit code (maDVC)").type(ProviderConfigProperty.STRING_TYPE)
            .required(true).helpText("Code of the calling unit, sent as maDVC.").add()
            .property().name(TOKEN).label("Token").type(ProviderConfigProperty.PASSWORD).secret(true)
            .helpText("Static token issued by the gateway, sent as Authorization: Bearer.").add()));

    private RegistryConfigProperties() {
    }

    private static List<ProviderConfigProperty> shared(ProviderConfigurationBuilder builder) {
        return builder
                .property().name(CONNECT_TIMEOUT_MILLIS).label("Connect timeout (ms)")
                .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(RegistryOptions.DEFAULT_CONNECT_TIMEOUT_MILLIS)
                .helpText("Maximum time to open a connection to the registry.").add()
                .property().name(READ_TIMEOUT_MILLIS).label("Read timeout (ms)")
                .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(RegistryOptions.DEFAULT_READ_TIMEOUT_MILLIS)
                .helpText("Maximum time for a whole verification call; a slower answer counts as unavailable "
                        + "(timeout).").add()
                .property().name(CACHE_TTL_SECONDS).label("Cache TTL (s)")
                .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(RegistryOptions.DEFAULT_CACHE_TTL_SECONDS)
                .helpText("How long a definite answer (match, mismatch, not found) is reused for the same query; "
                        + "0 disables the cache. Unavailable answers are never cached.").add()
                .property().name(BREAKER_FAILURES).label("Circuit breaker failures")
                .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(RegistryOptions.DEFAULT_BREAKER_FAILURES)
                .helpText("Consecutive unavailable answers after which the registry is no longer called for a "
                        + "while; 0 disables the circuit breaker.").add()
                .property().name(BREAKER_OPEN_SECONDS).label("Circuit breaker open time (s)")
                .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(RegistryOptions.DEFAULT_BREAKER_OPEN_SECONDS)
                .helpText("How long the registry is not called once the circuit opens; then one trial call decides.")
                .add()
                .property().name(BULK_MAX_RATE_PER_SECOND).label("Bulk jobs' maximum rate (calls/s)")
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(RegistryOptions.DEFAULT_BULK_MAX_RATE_PER_SECOND)
                .helpText("The most calls per second all bulk pre-verification jobs together make to this registry,"
                        + " over the whole cluster (each running job gets an equal share; a job's own rate is cut to"
                        + " it). Leave the rest of the unit's quota to the logins. Bulk jobs call through a lane of"
                        + " their own: their own circuit breaker, no cache, and they wait while the logins' circuit"
                        + " is not closed.")
                .add()
                .build();
    }
}
