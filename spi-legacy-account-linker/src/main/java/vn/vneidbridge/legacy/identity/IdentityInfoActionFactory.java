package vn.vneidbridge.legacy.identity;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.userprofile.ValidationException;
import org.keycloak.validate.ValidationError;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Required action "vneid-identity-info" (the identity page), meant to be opened by a portal as an
 * application-initiated action. Server option {@code --spi-required-action--vneid-identity-info--registry}
 * picks the population database service (default {@code c06-soap}); the realm's setting
 * {@value UnlinkConfigProperties#REAUTH_MAX_AGE} how recent a VNeID login must be for "Hủy liên kết".
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

    /**
     * The server option {@code registry}, and the realm's setting {@value UnlinkConfigProperties#REAUTH_MAX_AGE}
     * (Keycloak shows a required action's metadata as its settings in the admin console).
     */
    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        List<ProviderConfigProperty> properties = new java.util.ArrayList<>(ProviderConfigurationBuilder.create()
                .property().name("registry").type(ProviderConfigProperty.STRING_TYPE).defaultValue("c06-soap")
                .helpText("The population database service the identity page verifies against: c06-soap or lgsp-json.")
                .add().build());
        properties.addAll(UnlinkConfigProperties.PROPERTIES);
        return List.copyOf(properties);
    }

    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, RequiredActionConfigModel model) {
        RequiredActionFactory.super.validateConfig(session, realm, model);
        String value = model.getConfigValue(UnlinkConfigProperties.REAUTH_MAX_AGE);
        if (value != null && !value.isBlank() && UnlinkConfig.seconds(value).isEmpty()) {
            throw new ValidationException(new ValidationError(getId(), UnlinkConfigProperties.REAUTH_MAX_AGE,
                    "error-number-out-of-range-too-small", UnlinkConfigProperties.MIN_REAUTH_MAX_AGE));
        }
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
