package vn.vneidbridge.certificate;

import java.time.Clock;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** "Usb ký số" ({@link CertificateLoginAuthenticator}); one CRL cache per server. */
public final class CertificateLoginAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "vneid-certificate-login";
    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
        AuthenticationExecutionModel.Requirement.ALTERNATIVE, AuthenticationExecutionModel.Requirement.DISABLED};

    private CrlCache crls;

    @Override
    public Authenticator create(KeycloakSession session) {
        return new CertificateLoginAuthenticator(crls, Clock.systemUTC());
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
        return "VNeID Bridge: Usb ký số (certificate login)";
    }

    @Override
    public String getReferenceCategory() {
        return "x509";
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
        return "Logs in with the certificate of a USB token presented in the TLS handshake: the one account holding"
                + " the certificate's id (UID CCCD:, CMND:, MST:) verified; chain to a pinned root, revocation of"
                + " the whole path; the citizen confirms on a page. An alternative beside the password form.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CertificateLoginConfigProperties.ALL;
    }
}
