package vn.vneidbridge.sandbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.distribution.KeycloakServerConfig;

/** The realms the cluster's nodes import: every URL of Keycloak itself is the load balancer's HTTPS one. */
class ClusterRealmTest {

    private static final URI LB = URI.create("https://localhost:8443");

    @Nested
    class GivenTheSandboxRealmsBehindHaproxy {

        @Test
        void thenRealmDvcTrustsTheStandInAtTheLoadBalancer() throws Exception {
            Map<String, Object> dvc = JSONObjectUtils.parse(imported("dvc-realm.json"));
            for (Map<String, Object> idp : JSONObjectUtils.getJSONObjectArray(dvc, "identityProviders")) {
                if ("vneid".equals(idp.get("alias"))) {
                    assertThat(((Map<?, ?>) idp.get("config")).get("sandboxIssuer"))
                            .isEqualTo("https://localhost:8443/realms/vneid-sandbox");
                }
            }
        }

        @Test
        void thenTheStandInSendsCitizensBackToRealmDvcThroughTheLoadBalancer() throws Exception {
            Map<String, Object> standIn = JSONObjectUtils.parse(imported("vneid-sandbox-realm.json"));
            for (Map<String, Object> client : JSONObjectUtils.getJSONObjectArray(standIn, "clients")) {
                if ("dvc-broker".equals(client.get("clientId"))) {
                    assertThat(JSONObjectUtils.getStringList(client, "redirectUris"))
                            .contains("https://localhost:8443/realms/dvc/broker/vneid/endpoint");
                    assertThat(((Map<?, ?>) client.get("attributes")).get("backchannel.logout.url")).isEqualTo(
                            "https://localhost:8443/realms/dvc/protocol/openid-connect/logout/backchannel-logout");
                }
            }
        }

        @Test
        void thenNoPlainHttpUrlOfLocalhostKeycloakIsLeftAndThePortalsAreUntouched() throws IOException {
            for (String realm : List.of("dvc-realm.json", "vneid-sandbox-realm.json")) {
                assertThat(imported(realm)).doesNotContain("http://localhost:8080", "http://localhost/realms/");
            }
            assertThat(imported("dvc-realm.json")).contains("http://localhost:8081/*");
        }
    }

    private static String imported(String file) throws IOException {
        ClusterOptions options = new ClusterOptions(Path.of("keycloak.zip"), Path.of("providers.zip"),
                Path.of("sandbox.zip"), Path.of("servers"), 8443, 8081, 8082, false);
        KeycloakServerConfig config = ClusterRealm.configure(KeycloakServerConfig.builder().name("node1")
                .distributionZip(Path.of("keycloak.zip")).serversDir(Path.of("servers"))
                .httpPort(9443).managementPort(9001), options, LB).build();
        Path root = Path.of(System.getProperty("basedir", "")).toAbsolutePath().getParent();
        String text = Files.readString(root.resolve("realm-export/src/main/resources/realms").resolve(file),
                StandardCharsets.UTF_8);
        for (Map.Entry<String, String> replacement : config.realmReplacements().entrySet()) {
            text = text.replace(replacement.getKey(), replacement.getValue());
        }
        return text;
    }
}
