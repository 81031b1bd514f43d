package vn.vneidbridge.cccd.identity;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Required action "vneid-identity-info" (the identity page), meant to be opened by a portal as an
 * application-initiated action. Server option {@code --spi-required-action--vneid-identity-info--registry}
 * picks the population database service (default {@code c06-soap}).
 */
public final class IdentityInfoActionFactory implements RequiredActionFactory {

    public static final String PROVIDER_ID = "vneid-identity-info";
    private String registry = "c06-soap";

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return new IdentityInfoAction(registry);
    }

    @Override
    public void init(Config.Scope config) {
        registry = config.get("registry", "c06-soap");
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name("registry").type(ProviderConfigProperty.STRING_TYPE).defaultValue("c06-soap")
                .helpText("The population database service the identity page verifies against: c06-soap or lgsp-json.")
                .add().build();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "VNeID Bridge: identity information (Thông tin định danh)";
    }

    @Override
    public boolean isOneTimeAction() {
        return true;
    }
}
