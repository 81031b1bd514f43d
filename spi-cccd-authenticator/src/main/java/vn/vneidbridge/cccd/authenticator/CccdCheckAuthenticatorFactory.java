package vn.vneidbridge.cccd.authenticator;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** Authenticator "vneid-cccd-check": verify the account's CCCD against the population database. */
public final class CccdCheckAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "vneid-cccd-check";
    private static final CccdCheckAuthenticator SINGLETON = new CccdCheckAuthenticator();
    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
        AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED};

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
        return "VNeID Bridge: CCCD check against the population database";
    }

    @Override
    public String getHelpText() {
        return "Asks an account without a verified CCCD for its 12-digit personal id and verifies it against the "
                + "national population database before storing it.";
    }

    @Override
    public String getReferenceCategory() {
        return "vneid-cccd";
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
        return CccdCheckConfigProperties.ALL;
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
