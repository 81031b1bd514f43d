package vn.vneidbridge.certificate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import vn.vneidbridge.core.flow.RemoteSigningOffers;

/**
 * "Sim ký số" / VNPT SmartCA ({@link RemoteSigningLoginAuthenticator}); one CRL cache per server. Its settings: the
 * remote-signing adapter and how the page names it ({@link RemoteSigningLoginConfig}), then the certificate settings
 * it shares with "Usb ký số" (pinned roots, revocation, id kinds).
 */
public final class RemoteSigningLoginAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = RemoteSigningOffers.AUTHENTICATOR;
    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
        AuthenticationExecutionModel.Requirement.ALTERNATIVE, AuthenticationExecutionModel.Requirement.DISABLED};
    private static final List<ProviderConfigProperty> PROPERTIES;

    static {
        List<ProviderConfigProperty> all = new ArrayList<>(RemoteSigningLoginConfig.OWN);
        all.addAll(CertificateLoginConfigProperties.ALL);
        PROPERTIES = List.copyOf(all);
    }

    private CrlCache crls;

    @Override
    public Authenticator create(KeycloakSession session) {
        return new RemoteSigningLoginAuthenticator(crls, Clock.systemUTC());
    }

    @Override
    public void init(Config.Scope config) {
        crls = CrlCache.overHttp();
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
    public String getDisplayType() {
        return "VNeID Bridge: Sim ký số / remote signing (VNPT SmartCA)";
    }

    @Override
    public String getReferenceCategory() {
        return "remote-signing";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIREMENTS;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public String getHelpText() {
        return "Logs in with a signature made on the phone (Sim ký số, VNPT SmartCA): the citizen types their id"
                + " number, approves the request showing the same code, and the signature over this login's challenge"
                + " is verified with the provider's certificate, whose chain, revocation and id are checked as for a"
                + " USB token. An alternative after the password form, shown as its tab or card.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PROPERTIES;
    }
}
