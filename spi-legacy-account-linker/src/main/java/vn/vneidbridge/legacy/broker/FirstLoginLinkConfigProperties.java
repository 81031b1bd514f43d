package vn.vneidbridge.legacy.broker;

import java.util.List;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import vn.vneidbridge.core.id.NameComparison;

/** The first-VNeID-login settings in the admin console (Authentication → first broker login flow → settings). */
final class FirstLoginLinkConfigProperties {

    static final List<ProviderConfigProperty> ALL = ProviderConfigurationBuilder.create()
            .property().name(FirstLoginLinkConfig.REGISTRY).label("vneidFirstLoginRegistry")
            .helpText("vneidFirstLoginRegistryHelp")
            .type(ProviderConfigProperty.LIST_TYPE).options("c06-soap", "lgsp-json")
            .defaultValue(FirstLoginLinkConfig.DEFAULT_REGISTRY).add()
            .property().name(FirstLoginLinkConfig.CMND_LOOKUP).label("vneidFirstLoginCmndLookup")
            .helpText("vneidFirstLoginCmndLookupHelp")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("true").add()
            .property().name(FirstLoginLinkConfig.MAX_PASSWORD_ATTEMPTS).label("vneidFirstLoginMaxPasswordAttempts")
            .helpText("vneidFirstLoginMaxPasswordAttemptsHelp")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(String.valueOf(FirstLoginLinkConfig.DEFAULT_MAX_PASSWORD_ATTEMPTS)).add()
            .property().name(FirstLoginLinkConfig.NAME_COMPARISON).label("vneidCccdNameComparison")
            .helpText("vneidCccdNameComparisonHelp")
            .type(ProviderConfigProperty.LIST_TYPE)
            .options(NameComparison.EXACT.value(), NameComparison.UNACCENTED_LEGACY_NAMES.value())
            .defaultValue(NameComparison.EXACT.value()).add()
            .property().name(FirstLoginLinkConfig.IDENTITY_SOURCE).label("vneidFirstLoginIdentitySource")
            .helpText("vneidFirstLoginIdentitySourceHelp")
            .type(ProviderConfigProperty.LIST_TYPE)
            .options(FirstLoginLinkConfig.SOURCE_VNEID, FirstLoginLinkConfig.SOURCE_CLAIM)
            .defaultValue(FirstLoginLinkConfig.SOURCE_VNEID).add()
            .build();

    private FirstLoginLinkConfigProperties() {
    }
}
