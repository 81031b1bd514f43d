package vn.vneidbridge.legacy.linking;

import java.util.List;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The linking notice's settings in the admin console. */
final class LinkNoticeConfigProperties {

    static final List<ProviderConfigProperty> ALL = ProviderConfigurationBuilder.create()
            .property().name(LinkNoticeConfig.IDP_ALIAS).label("vneidCutoffIdpAlias").helpText("vneidCutoffIdpAliasHelp")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(LinkNoticeConfig.DEFAULT_IDP_ALIAS).add()
            .build();

    private LinkNoticeConfigProperties() {
    }
}
