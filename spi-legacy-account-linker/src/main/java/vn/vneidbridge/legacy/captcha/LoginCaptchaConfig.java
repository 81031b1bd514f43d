package vn.vneidbridge.legacy.captcha;

import java.util.List;
import java.util.Map;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The captcha's setting on the portal-account form's execution: after how many failed logins (per username and
 * per login session) the form asks for the code. Null-safe: an execution that was never configured uses the
 * default; 0 turns the captcha off.
 */
public record LoginCaptchaConfig(int afterFailures) {

    public static final String AFTER_FAILURES = "captchaAfterFailures";
    public static final int DEFAULT_AFTER_FAILURES = 3;
    public static final int MAX_AFTER_FAILURES = 100;

    /** The config properties the form's factory offers (labels are message keys, vi and en). */
    public static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
            .name(AFTER_FAILURES)
            .label("vneidCaptchaAfterFailures")
            .helpText("vneidCaptchaAfterFailuresHelp")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(Integer.toString(DEFAULT_AFTER_FAILURES))
            .add()
            .build();

    public static LoginCaptchaConfig of(AuthenticatorConfigModel model) {
        Map<String, String> config = model == null ? null : model.getConfig();
        return of(config == null ? null : config.get(AFTER_FAILURES));
    }

    static LoginCaptchaConfig of(String value) {
        Integer parsed = parse(value);
        return new LoginCaptchaConfig(parsed == null ? DEFAULT_AFTER_FAILURES : parsed);
    }

    /** The value as a number of failures, or null when it is not one (0 to {@value #MAX_AFTER_FAILURES}). */
    public static Integer parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.trim());
            return n >= 0 && n <= MAX_AFTER_FAILURES ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public boolean enabled() {
        return afterFailures > 0;
    }
}
