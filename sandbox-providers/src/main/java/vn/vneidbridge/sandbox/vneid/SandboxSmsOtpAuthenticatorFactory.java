package vn.vneidbridge.sandbox.vneid;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * Authenticator "vneid-sandbox-sms-otp": the SMS one-time code step of the stand-in VNeID (realm
 * {@code vneid-sandbox}), after the password. Sandbox only: it accepts the fixed code
 * {@value SandboxOtpCode#FIXED_CODE} and says so on its page.
 */
public final class SandboxSmsOtpAuthenticatorFactory implements AuthenticatorFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "vneid-sandbox-sms-otp";
    private static final SandboxSmsOtpAuthenticator SINGLETON = new SandboxSmsOtpAuthenticator();
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
        return "VNeID sandbox: SMS one-time code (fixed 123456)";
    }

    @Override
    public String getHelpText() {
        return "Stand-in for VNeID's SMS OTP step, for the sandbox only: no SMS is sent, the page shows the masked "
                + "phone number and accepts the fixed code " + SandboxOtpCode.FIXED_CODE + ".";
    }

    /**
     * Keycloak's own OTP category: brute-force detection counts failures only of the categories password, otp
     * and recovery-authn-code, so a wrong sandbox code must be an "otp" failure to be counted.
     */
    @Override
    public String getReferenceCategory() {
        return OTPCredentialModel.TYPE;
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
    public Map<String, String> getOperationalInfo() {
        String version = Optional.ofNullable(getClass().getPackage().getImplementationVersion()).orElse("unknown");
        return Map.of("version", version, "fixedCode", SandboxOtpCode.FIXED_CODE);
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
