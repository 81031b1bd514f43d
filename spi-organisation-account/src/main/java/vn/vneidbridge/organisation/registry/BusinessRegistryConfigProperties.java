package vn.vneidbridge.organisation.registry;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The server options of the {@code dkkd-json} provider, as shown in the admin console's provider info. Set them as
 * {@code spi-vneid-business-registry--dkkd-json--<option-in-kebab-case>}.
 */
final class BusinessRegistryConfigProperties {

    static final String ENDPOINT = "endpoint";
    static final String UNIT_CODE = "unitCode";
    static final String TOKEN = "token";
    static final String CONNECT_TIMEOUT_MILLIS = "connectTimeoutMillis";
    static final String READ_TIMEOUT_MILLIS = "readTimeoutMillis";
    static final String BREAKER_FAILURES = "breakerFailures";
    static final String BREAKER_OPEN_SECONDS = "breakerOpenSeconds";

    static final List<ProviderConfigProperty> DKKD_JSON = List.copyOf(ProviderConfigurationBuilder.create()
            .property().name(ENDPOINT).label("Endpoint").type(ProviderConfigProperty.STRING_TYPE).required(true)
            .helpText("URL of the business registry's enterprise verification API, e.g. "
                    + "https://dkkd.example.gov.vn/dkkd/xac-thuc-doanh-nghiep.").add()
            .property().name(UNIT_CODE).label("Unit code (maDVC)").type(ProviderConfigProperty.STRING_TYPE)
            .required(true).helpText("Code of the calling unit, sent as maDVC.").add()
            .property().name(TOKEN).label("Token").type(ProviderConfigProperty.PASSWORD).secret(true)
            .helpText("Static token issued with the connection, sent as Authorization: Bearer.").add()
            .property().name(CONNECT_TIMEOUT_MILLIS).label("Connect timeout (ms)")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(BusinessRegistryOptions.DEFAULT_CONNECT_TIMEOUT_MILLIS)
            .helpText("Maximum time to open a connection to the registry.").add()
            .property().name(READ_TIMEOUT_MILLIS).label("Read timeout (ms)")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(BusinessRegistryOptions.DEFAULT_READ_TIMEOUT_MILLIS)
            .helpText("Maximum time for a whole verification call; a slower answer counts as unavailable "
                    + "(timeout).").add()
            .property().name(BREAKER_FAILURES).label("Circuit breaker failures")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(BusinessRegistryOptions.DEFAULT_BREAKER_FAILURES)
            .helpText("Consecutive unavailable answers after which the registry is no longer called for a "
                    + "while; 0 disables the circuit breaker.").add()
            .property().name(BREAKER_OPEN_SECONDS).label("Circuit breaker open time (s)")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(BusinessRegistryOptions.DEFAULT_BREAKER_OPEN_SECONDS)
            .helpText("How long the registry is not called once the circuit opens; then one trial call decides.")
            .add()
            .build());

    private BusinessRegistryConfigProperties() {
    }
}
