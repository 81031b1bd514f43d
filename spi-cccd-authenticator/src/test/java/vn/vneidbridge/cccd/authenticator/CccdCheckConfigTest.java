package vn.vneidbridge.cccd.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class CccdCheckConfigTest {

    @Test
    void anExecutionThatWasNeverConfiguredRunsWithTheDefaults() {
        CccdCheckConfig config = new CccdCheckConfig(null);

        assertThat(config.allowSkip()).isTrue();
        assertThat(config.registry()).isEqualTo("c06-soap");
        assertThat(config.maxAttemptsPerAccount()).isEqualTo(5);
        assertThat(config.maxAttemptsPerAddress()).isEqualTo(5);
        assertThat(config.windowMinutes()).isEqualTo(15);
    }

    @Test
    void nonsenseValuesFallBackToTheDefaultsInsteadOfBreakingTheLogin() {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(Map.of("maxAttempts", "many", "attemptWindowMinutes", "-3", "registry", " ",
                "allowSkip", "false"));
        CccdCheckConfig config = new CccdCheckConfig(model);

        assertThat(config.maxAttemptsPerAccount()).isEqualTo(5);
        assertThat(config.windowMinutes()).isEqualTo(15);
        assertThat(config.registry()).isEqualTo("c06-soap");
        assertThat(config.allowSkip()).isFalse();
    }

    @Test
    void everySettingHasALabelAndHelpInBothLanguages() throws Exception {
        for (String language : new String[] {"vi", "en"}) {
            java.util.Properties messages = Messages.load(language);
            for (var property : CccdCheckConfigProperties.ALL) {
                assertThat(messages).as(language + " " + property.getName())
                        .containsKeys(property.getLabel(), property.getHelpText());
            }
        }
    }
}
