package vn.vneidbridge.organisation.authenticator;

import java.util.List;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The tax-code check's settings in the admin console (Authentication → flow → tax-code check → settings). */
final class TaxCodeCheckConfigProperties {

    static final String ALLOW_SKIP = "allowSkip";
    static final String REGISTRY = "registry";
    static final String MAX_ATTEMPTS = "maxAttempts";
    static final String MAX_ATTEMPTS_PER_ADDRESS = "maxAttemptsPerAddress";
    static final String WINDOW_MINUTES = "attemptWindowMinutes";

    static final List<ProviderConfigProperty> ALL = List.copyOf(ProviderConfigurationBuilder.create()
            .property().name(ALLOW_SKIP).label("vneidTaxCodeAllowSkip").helpText("vneidTaxCodeAllowSkipHelp")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("true").add()
            .property().name(REGISTRY).label("vneidTaxCodeRegistry").helpText("vneidTaxCodeRegistryHelp")
            .type(ProviderConfigProperty.LIST_TYPE).options(TaxCodeCheckConfig.DEFAULT_REGISTRY)
            .defaultValue(TaxCodeCheckConfig.DEFAULT_REGISTRY).add()
            .property().name(MAX_ATTEMPTS).label("vneidTaxCodeMaxAttempts").helpText("vneidTaxCodeMaxAttemptsHelp")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(String.valueOf(TaxCodeCheckConfig.DEFAULT_MAX_ATTEMPTS)).add()
            .property().name(MAX_ATTEMPTS_PER_ADDRESS).label("vneidTaxCodeMaxAttemptsPerAddress")
            .helpText("vneidTaxCodeMaxAttemptsPerAddressHelp").type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(String.valueOf(TaxCodeCheckConfig.DEFAULT_MAX_ATTEMPTS)).add()
            .property().name(WINDOW_MINUTES).label("vneidTaxCodeAttemptWindow").helpText("vneidTaxCodeAttemptWindowHelp")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(String.valueOf(TaxCodeCheckConfig.DEFAULT_WINDOW_MINUTES)).add()
            .build());

    private TaxCodeCheckConfigProperties() {
    }
}
