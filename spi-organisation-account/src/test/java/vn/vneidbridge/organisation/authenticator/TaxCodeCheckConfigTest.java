package vn.vneidbridge.organisation.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class TaxCodeCheckConfigTest {

    @Test
    void anExecutionThatWasNeverConfiguredRunsWithTheDefaults() {
        TaxCodeCheckConfig config = new TaxCodeCheckConfig(null);

        assertThat(config.allowSkip()).isTrue();
        assertThat(config.registry()).isEqualTo("dkkd-json");
        assertThat(config.maxAttemptsPerAccount()).isEqualTo(5);
        assertThat(config.maxAttemptsPerAddress()).isEqualTo(5);
        assertThat(config.windowMinutes()).isEqualTo(15);
    }

    @Test
    void nonsenseValuesFallBackToTheDefaultsInsteadOfBreakingTheLogin() {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(Map.of("maxAttempts", "many", "attemptWindowMinutes", "-3", "registry", " ",
                "allowSkip", "FALSE ", "maxAttemptsPerAddress", "100"));
        TaxCodeCheckConfig config = new TaxCodeCheckConfig(model);

        assertThat(config.maxAttemptsPerAccount()).isEqualTo(5);
        assertThat(config.maxAttemptsPerAddress()).isEqualTo(100);
        assertThat(config.windowMinutes()).isEqualTo(15);
        assertThat(config.registry()).isEqualTo("dkkd-json");
        assertThat(config.allowSkip()).isFalse();
    }

    @Test
    void everySettingHasALabelAndHelpInBothLanguages() throws IOException {
        for (String language : new String[] {"vi", "en"}) {
            Properties messages = new Properties();
            try (InputStream in = getClass().getResourceAsStream(
                    "/theme-resources/messages/messages_" + language + ".properties")) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (var property : TaxCodeCheckConfigProperties.ALL) {
                assertThat(messages).as(language + " " + property.getName())
                        .containsKeys(property.getLabel(), property.getHelpText());
            }
        }
    }
}
