package vn.vneidbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.vneidbridge.sandbox.SandboxPortTest.imported;
import static vn.vneidbridge.sandbox.SandboxPortTest.provider;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.distribution.KeycloakServerConfig;

/** {@code --vneid-protocol}: which protocol realm dvc's {@code vneid} provider is imported speaking to the stand-in. */
class SandboxVneidProtocolTest {

    private static final String[] REQUIRED = {"--keycloak-zip=k.zip", "--providers-bundle=p.zip",
            "--sandbox-bundle=s.zip", "--servers-dir=servers"};

    @Nested
    class GivenNoOption {

        @Test
        void thenItIsOidcAndTheRealmFileIsImportedAsItIs() throws Exception {
            SandboxOptions options = SandboxOptions.parse(REQUIRED);
            KeycloakServerConfig config = config(options.vneidProtocol());

            assertThat(options.vneidProtocol()).isEqualTo("oidc");
            assertThat(config.realmReplacements()).isEmpty();
            Object protocol = provider(JSONObjectUtils.parse(imported(config, "dvc-realm.json")), "vneid").get("protocol");
            assertThat(protocol == null || "oidc".equals(protocol)).as("protocol " + protocol).isTrue();
        }
    }

    @Nested
    class GivenPartnerApi {

        @Test
        void thenRealmDvcsVneidProviderIsImportedSpeakingThePartnerApi() throws Exception {
            SandboxOptions options = SandboxOptions.parse(with("--vneid-protocol=partner-api"));

            Map<String, Object> dvc = JSONObjectUtils.parse(imported(config(options.vneidProtocol()), "dvc-realm.json"));

            assertThat(provider(dvc, "vneid")).containsEntry("protocol", "partner-api")
                    .containsEntry("environment", "SANDBOX");
        }

        @Test
        void thenTheProviderNamesItsProtocolOnceAndNothingElseOfTheRealmFileChanges() throws Exception {
            KeycloakServerConfig config = config("partner-api");
            String original = imported(config(SandboxOptions.parse(REQUIRED).vneidProtocol()), "dvc-realm.json");
            String switched = imported(config, "dvc-realm.json");

            assertThat(switched.split("\"protocol\": \"partner-api\"", -1)).hasSize(2);
            assertThat(switched.replace("\"protocol\": \"partner-api\"", "\"protocol\": \"oidc\""))
                    .isEqualTo(original);
        }
    }

    @Test
    void anUnknownProtocolIsRefused() {
        assertThatThrownBy(() -> SandboxOptions.parse(with("--vneid-protocol=saml")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partner-api");
    }

    private static String[] with(String option) {
        String[] args = java.util.Arrays.copyOf(REQUIRED, REQUIRED.length + 1);
        args[REQUIRED.length] = option;
        return args;
    }

    private static KeycloakServerConfig config(String protocol) {
        return SandboxMain.Sandbox.speaking(SandboxMain.Sandbox.onPort(KeycloakServerConfig.builder().name("sandbox")
                .distributionZip(Path.of("keycloak.zip")).serversDir(Path.of("servers"))
                .managementPort(9100), 8080), protocol).build();
    }
}
