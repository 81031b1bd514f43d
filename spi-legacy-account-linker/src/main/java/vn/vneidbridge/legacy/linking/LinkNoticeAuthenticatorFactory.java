package vn.vneidbridge.legacy.linking;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** Authenticator "vneid-link-notice": log in with VNeID notice */
public final class LinkNoticeAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "vneid-link-notice";
    private static final LinkNoticeAuthenticator SINGLETON = new LinkNoticeAuthenticator();
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
        return "VNeID Bridge: log in with VNeID notice";
    }

    @Override
    public String getHelpText() {
        return "Last step of the portal-account login: an account with a verified CCCD and no VNeID link is offered Keycloak's idp_link action for VNeID (the notice with Bỏ qua); in link-only mode the only way on is a VNeID login bound to the account.";
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
        return LinkNoticeConfigProperties.ALL;
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
