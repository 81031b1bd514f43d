package vn.vneidbridge.legacy.login;

import java.util.List;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordFormFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import vn.vneidbridge.legacy.captcha.LoginCaptchaConfig;

/** Authenticator "vneid-legacy-password-form": the portal-account login form of the {@code dvc} flow. */
public final class LegacyPasswordFormFactory extends UsernamePasswordFormFactory {

    public static final String PROVIDER_ID = "vneid-legacy-password-form";

    @Override
    public Authenticator create(KeycloakSession session) {
        return new LegacyPasswordForm(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "VNeID Bridge: portal account username/password";
    }

    @Override
    public String getHelpText() {
        return "Keycloak's username/password form, telling the citizen when the legacy portal database is unavailable,"
                + " and asking for a self-hosted captcha code after repeated failed logins.";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return LoginCaptchaConfig.PROPERTIES;
    }
}
