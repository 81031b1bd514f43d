package vn.vneidbridge.organisation.authenticator;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** Authenticator "vneid-tax-code-check": verify an organisation account's tax code against the business registry. */
public final class TaxCodeCheckAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "vneid-tax-code-check";
    private static final TaxCodeCheckAuthenticator SINGLETON = new TaxCodeCheckAuthenticator();
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
        return "VNeID Bridge: tax-code check against the business registry";
    }

    @Override
    public String getHelpText() {
        return "Asks an organisation's account without a verified tax code for it and verifies it, with the "
                + "account's name, against the national business registration database before storing it.";
    }

    @Override
    public String getReferenceCategory() {
        return "vneid-tax-code";
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
        return TaxCodeCheckConfigProperties.ALL;
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
