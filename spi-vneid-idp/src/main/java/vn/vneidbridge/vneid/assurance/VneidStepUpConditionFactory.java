package vn.vneidbridge.vneid.assurance;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** Condition {@value #PROVIDER_ID}: the portal asked for a VNeID level ({@link VneidStepUpCondition}). */
public final class VneidStepUpConditionFactory implements ConditionalAuthenticatorFactory {

    public static final String PROVIDER_ID = "vneid-step-up-condition";
    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
        AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED};

    @Override
    public VneidStepUpCondition getSingleton() {
        return VneidStepUpCondition.SINGLETON;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "VNeID Bridge: condition - VNeID level requested";
    }

    @Override
    public String getHelpText() {
        return "True when the portal's request (acr_values, an essential acr claim, or the client's minimum ACR) asks for "
                + "a VNeID level, unless a voluntary request's VNeID attempt already came back without a login (then, with an SSO "
                + "session, the step-up step goes on from the session at its own level). / Đúng khi "
                + "cổng dịch vụ yêu cầu đăng nhập VNeID ở một mức định danh.";
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
