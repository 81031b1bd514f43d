package vn.vneidbridge.loginprotection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.keycloak.common.Version;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.managers.BruteForceProtectorFactory;

class SerialLoginBruteForceProtectorFactoryTest {

    @Test
    void thenKeycloakFindsItThroughTheServicesFile() throws IOException {
        String file = "/META-INF/services/" + BruteForceProtectorFactory.class.getName();
        try (InputStream in = getClass().getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
                    .isEqualTo(SerialLoginBruteForceProtectorFactory.class.getName());
        }
    }

    @Test
    void thenItOutranksKeycloaksOwnProtectorSoThatKeycloakTakesItAsTheDefault() {
        // DefaultKeycloakSessionFactory picks the single factory whose order() is above 0; Keycloak's is 0
        assertThat(new SerialLoginBruteForceProtectorFactory().order()).isPositive();
        assertThat(new SerialLoginBruteForceProtectorFactory().getId()).isEqualTo("vneid-serial-logins");
    }

    @Test
    void thenServerInfoShowsTheSettingsInEffect() {
        SerialLoginBruteForceProtectorFactory factory = new SerialLoginBruteForceProtectorFactory();
        factory.init(null);
        assertThat(factory.getOperationalInfo())
                .containsEntry("maxWaitMillis", "5000")
                .containsEntry("maxWaiting", "10")
                .containsKey("version");
        assertThat(factory.getConfigMetadata()).extracting(ProviderConfigProperty::getName)
                .containsExactly("maxWaitMillis", "maxWaiting");
    }

    @Test
    void thenKeycloakIsStill267WhichRefusesConcurrentLoginsItself() {
        assertThat(Version.VERSION)
                .as("Keycloak 26.8 runs concurrent logins of a user one after another itself (keycloak#52126,"
                        + " PR #52128): delete module spi-login-protection, and keep ConcurrentPasswordLoginsIT")
                .startsWith("26.7.");
    }
}
