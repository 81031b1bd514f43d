package vn.vneidbridge.legacy.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class FirstLoginLinkConfigTest {

    private static FirstLoginLinkConfig config(Map<String, String> values) {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(values);
        return new FirstLoginLinkConfig(model);
    }

    @Test
    void withoutSettingsTheC06RegistryIsAskedForTheCmndAndFivePasswordsAreAllowed() {
        FirstLoginLinkConfig config = new FirstLoginLinkConfig(null);
        assertThat(config.registry()).isEqualTo("c06-soap");
        assertThat(config.cmndLookup()).isTrue();
        assertThat(config.maxPasswordAttempts()).isEqualTo(5);
    }

    @Test
    void theOperatorsChoicesAreRead() {
        FirstLoginLinkConfig config = config(Map.of("registry", " lgsp-json ", "cmndLookup", "false",
                "maxPasswordAttempts", "3"));
        assertThat(config.registry()).isEqualTo("lgsp-json");
        assertThat(config.cmndLookup()).isFalse();
        assertThat(config.maxPasswordAttempts()).isEqualTo(3);
    }

    @Test
    void nonsenseAttemptCountsFallBackToTheDefault() {
        for (String nonsense : new String[] {"0", "-1", "21", "abc", "", "99999999999"}) {
            assertThat(config(Map.of("maxPasswordAttempts", nonsense)).maxPasswordAttempts()).as(nonsense).isEqualTo(5);
        }
    }
}
