package vn.vneidbridge.vneid.assurance;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import vn.vneidbridge.core.broker.VneidProvider;

/** Authenticator {@value #PROVIDER_ID}: step-up to VNeID for a requested level ({@link VneidStepUpAuthenticator}). */
public final class VneidStepUpAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "vneid-step-up";
    static final String IDENTITY_PROVIDER = "identityProvider";
    static final String DEFAULT_IDENTITY_PROVIDER = VneidProvider.ALIAS;
    private static final VneidStepUpAuthenticator SINGLETON = new VneidStepUpAuthenticator();
    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
        AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED};
    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property().name(IDENTITY_PROVIDER).label("VNeID identity provider / Nhà cung cấp định danh VNeID")
            .helpText("Alias of the VNeID identity provider the citizen is sent to (default vneid). "
                    + "Bí danh của nhà cung cấp định danh VNeID mà công dân được chuyển tới (mặc định vneid).")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_IDENTITY_PROVIDER).add()
            .build();

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "VNeID Bridge: step up to VNeID";
    }

    @Override
    public String getHelpText() {
        return "Inside a 'Condition - Level of Authentication' subflow for a VNeID level: sends the citizen to VNeID "
                + "with the requested level; when that attempt ends without a login and the level is essential or the "
                + "client's minimum, returns access_denied to the portal. / Chuyển công dân sang VNeID với mức yêu cầu; "
                + "nếu mức là bắt buộc mà không đạt, trả lỗi access_denied về cổng dịch vụ.";
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIREMENTS.clone();
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
