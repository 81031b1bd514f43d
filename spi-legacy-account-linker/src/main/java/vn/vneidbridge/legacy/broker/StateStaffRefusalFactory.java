package vn.vneidbridge.legacy.broker;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** Post-broker-login step "vneid-refuse-state-staff" ({@link StateStaffRefusal}). */
public final class StateStaffRefusalFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "vneid-refuse-state-staff";
    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
        AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED};

    @Override
    public Authenticator create(KeycloakSession session) {
        return StateStaffRefusal.SINGLETON;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "VNeID Bridge: refuse the state's staff (CBCCVC)";
    }

    @Override
    public String getReferenceCategory() {
        return "state-staff";
    }

    @Override
    public String getHelpText() {
        return "For the post-broker-login flow of a login means not meant for state officials (Vietnam Post's "
                + "account): refuses users with the realm role portal-admin or state-official at every login. / "
                + "Từ chối tài khoản của cán bộ, công chức, viên chức: \"Không dành cho CBCCVC cơ quan nhà nước\".";
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
