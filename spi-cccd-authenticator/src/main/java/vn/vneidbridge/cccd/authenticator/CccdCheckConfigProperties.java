package vn.vneidbridge.cccd.authenticator;

import java.util.List;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import vn.vneidbridge.core.id.NameComparison;

/** The CCCD check's settings in the admin console (Authentication → flow → CCCD check → settings). */
final class CccdCheckConfigProperties {

    static final String ALLOW_SKIP = "allowSkip";
    static final String REGISTRY = "registry";
    static final String MAX_ATTEMPTS = "maxAttempts";
    static final String MAX_ATTEMPTS_PER_ADDRESS = "maxAttemptsPerAddress";
    static final String WINDOW_MINUTES = "attemptWindowMinutes";
    static final String NAME_COMPARISON = "nameComparison";

    static final List<ProviderConfigProperty> ALL = ProviderConfigurationBuilder.create()
            .property().name(ALLOW_SKIP).label("vneidCccdAllowSkip").helpText("vneidCccdAllowSkipHelp")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("true").add()
            .property().name(REGISTRY).label("vneidCccdRegistry").helpText("vneidCccdRegistryHelp")
            .type(ProviderConfigProperty.LIST_TYPE).options("c06-soap", "lgsp-json")
            .defaultValue(CccdCheckConfig.DEFAULT_REGISTRY).add()
            .property().name(MAX_ATTEMPTS).label("vneidCccdMaxAttempts").helpText("vneidCccdMaxAttemptsHelp")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(CccdCheckConfig.DEFAULT_MAX_ATTEMPTS)).add()
            .property().name(MAX_ATTEMPTS_PER_ADDRESS).label("vneidCccdMaxAttemptsPerAddress")
            .helpText("vneidCccdMaxAttemptsPerAddressHelp")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(CccdCheckConfig.DEFAULT_MAX_ATTEMPTS)).add()
            .property().name(WINDOW_MINUTES).label("vneidCccdAttemptWindow").helpText("vneidCccdAttemptWindowHelp")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(CccdCheckConfig.DEFAULT_WINDOW_MINUTES)).add()
            .property().name(NAME_COMPARISON).label("vneidCccdNameComparison").helpText("vneidCccdNameComparisonHelp")
            .type(ProviderConfigProperty.LIST_TYPE)
            .options(NameComparison.EXACT.value(), NameComparison.UNACCENTED_LEGACY_NAMES.value())
            .defaultValue(NameComparison.EXACT.value()).add()
            .build();

    private CccdCheckConfigProperties() {
    }
}
