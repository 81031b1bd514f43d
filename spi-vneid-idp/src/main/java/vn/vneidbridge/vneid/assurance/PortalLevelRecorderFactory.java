package vn.vneidbridge.vneid.assurance;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** Post-broker-login step "vneid-record-level-0" ({@link PortalLevelRecorder}). */
public final class PortalLevelRecorderFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "vneid-record-level-0";
    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
        AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED};

    @Override
    public Authenticator create(KeycloakSession session) {
        return PortalLevelRecorder.SINGLETON;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "VNeID Bridge: record level of assurance 0 (a login that is not VNeID)";
    }

    @Override
    public String getReferenceCategory() {
        return "level-of-assurance";
    }

    @Override
    public String getHelpText() {
        return "For the post-broker-login flow of an identity provider that is not VNeID (Vietnam Post's account): "
                + "records level 0, so the tokens carry acr \"0\" and a portal that asks for a VNeID level still "
                + "steps up, instead of Keycloak's level 1 for any brokered login. / Ghi nhận mức 0 cho đăng nhập "
                + "không qua VNeID.";
    }

    @Override
    public boolean isConfigurable() {
        return false;
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
        return List.of();
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
