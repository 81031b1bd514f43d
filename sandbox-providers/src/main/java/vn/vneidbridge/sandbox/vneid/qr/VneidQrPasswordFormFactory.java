package vn.vneidbridge.sandbox.vneid.qr;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * Authenticator "vneid-sandbox-qr-password-form": the stand-in VNeID's login page, Keycloak's id-number/password
 * form with a QR code beside it for the "VNeID app" stand-in ({@link VneidAppResourceProviderFactory}). Sandbox
 * only.
 */
public final class VneidQrPasswordFormFactory implements AuthenticatorFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "vneid-sandbox-qr-password-form";
    /** Execution setting: how long each QR is valid, in seconds. */
    public static final String VALIDITY_SECONDS = "qrValiditySeconds";
    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property().name(VALIDITY_SECONDS).label("vneidSandboxQrValidity").helpText("vneidSandboxQrValidityHelp")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(QrLoginDecisions.DEFAULT_VALIDITY_SECONDS).add()
            .build();
    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
        AuthenticationExecutionModel.Requirement.REQUIRED};

    @Override
    public Authenticator create(KeycloakSession session) {
        return new VneidQrPasswordForm(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "VNeID sandbox: id number and password, or QR with the VNeID app";
    }

    @Override
    public String getHelpText() {
        return "Stand-in for VNeID's login page, for the sandbox only: Keycloak's username/password form with a QR "
                + "code (valid " + QrLoginDecisions.DEFAULT_VALIDITY_SECONDS + " s unless set otherwise, "
                + QrLoginDecisions.MIN_VALIDITY_SECONDS + "-" + QrLoginDecisions.MAX_VALIDITY_SECONDS + " s; single "
                + "use, bound to this browser's login) that the VNeID app stand-in at /realms/<realm>/vneid-app/qr/<token> confirms; a "
                + "confirmed QR replaces the password and the SMS code.";
    }

    @Override
    public String getReferenceCategory() {
        return PasswordCredentialModel.TYPE;
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
    public Map<String, String> getOperationalInfo() {
        String version = Optional.ofNullable(getClass().getPackage().getImplementationVersion()).orElse("unknown");
        return Map.of("version", version, "qrValiditySecondsDefault",
                Integer.toString(QrLoginDecisions.DEFAULT_VALIDITY_SECONDS), "qrValiditySecondsRange",
                QrLoginDecisions.MIN_VALIDITY_SECONDS + "-" + QrLoginDecisions.MAX_VALIDITY_SECONDS);
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
