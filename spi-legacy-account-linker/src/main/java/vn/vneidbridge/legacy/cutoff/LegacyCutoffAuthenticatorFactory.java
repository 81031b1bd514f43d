package vn.vneidbridge.legacy.cutoff;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** Authenticator "vneid-legacy-cutoff": cutoff of portal-account login */
public final class LegacyCutoffAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "vneid-legacy-cutoff";
    private static final LegacyCutoffAuthenticator SINGLETON = new LegacyCutoffAuthenticator();
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
        return "VNeID Bridge: cutoff of portal-account login";
    }

    @Override
    public String getHelpText() {
        return "After the portal-account password: applies the cutoff date of the account type (citizens, organisations and businesses) and, once it has passed, the configured mode: notice, link-only (verify the CCCD and link VNeID, no portal session) or closed. Administrators are exempt.";
    }

    @Override
    public String getReferenceCategory() {
        return "vneid-linking";
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
        return LegacyCutoffConfigProperties.ALL;
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
