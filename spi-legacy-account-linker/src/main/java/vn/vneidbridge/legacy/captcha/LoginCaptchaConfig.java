package vn.vneidbridge.legacy.captcha;

import java.util.List;
import java.util.Map;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The captcha's settings on the portal-account form's execution: after how many failed logins per username and per
 * login session, and after how many per client address (password spraying across many usernames), the form asks
 * for the code. Null-safe: an execution that was never configured uses the defaults; 0 turns a count off.
 */
public record LoginCaptchaConfig(int afterFailures, int afterFailuresPerAddress) {

    public static final String AFTER_FAILURES = "captchaAfterFailures";
    public static final String AFTER_FAILURES_PER_ADDRESS = "captchaAfterFailuresPerAddress";
    public static final int DEFAULT_AFTER_FAILURES = 3;
    public static final int MAX_AFTER_FAILURES = 100;
    /** Many citizens can share one address (an office, a mobile carrier's NAT): higher than per username. */
    public static final int DEFAULT_AFTER_FAILURES_PER_ADDRESS = 20;
    public static final int MAX_AFTER_FAILURES_PER_ADDRESS = 1000;

    /** The config properties the form's factory offers (labels are message keys, vi and en). */
    public static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
            .name(AFTER_FAILURES)
            .label("vneidCaptchaAfterFailures")
            .helpText("vneidCaptchaAfterFailuresHelp")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(Integer.toString(DEFAULT_AFTER_FAILURES))
            .add()
            .property()
            .name(AFTER_FAILURES_PER_ADDRESS)
            .label("vneidCaptchaAfterFailuresPerAddress")
            .helpText("vneidCaptchaAfterFailuresPerAddressHelp")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(Integer.toString(DEFAULT_AFTER_FAILURES_PER_ADDRESS))
            .add()
            .build();

    public static LoginCaptchaConfig of(AuthenticatorConfigModel model) {
        Map<String, String> config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        return of(config.get(AFTER_FAILURES), config.get(AFTER_FAILURES_PER_ADDRESS));
    }

    static LoginCaptchaConfig of(String afterFailures) {
        return of(afterFailures, null);
    }

    static LoginCaptchaConfig of(String afterFailures, String perAddress) {
        Integer failures = parse(afterFailures);
        Integer addressFailures = parse(perAddress, MAX_AFTER_FAILURES_PER_ADDRESS);
        return new LoginCaptchaConfig(failures == null ? DEFAULT_AFTER_FAILURES : failures,
                addressFailures == null ? DEFAULT_AFTER_FAILURES_PER_ADDRESS : addressFailures);
    }

    /** The value as a number of failures, or null when it is not one (0 to {@value #MAX_AFTER_FAILURES}). */
    public static Integer parse(String value) {
        return parse(value, MAX_AFTER_FAILURES);
    }

    private static Integer parse(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.trim());
            return n >= 0 && n <= max ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether the form ever asks for the code. */
    public boolean enabled() {
        return afterFailures > 0 || afterFailuresPerAddress > 0;
    }
}
