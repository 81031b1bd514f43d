package vn.vneidbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.distribution.KeycloakServerConfig;

/**
 * Realm dvc's portal clients send back-channel logout (OpenID Connect Back-Channel Logout 1.0) to the demo portal,
 * on the port it runs on ({@code --portal-port}).
 */
class SandboxBackChannelLogoutTest {

    private static final List<String> PORTALS = List.of("dvcqg-portal", "dvc-hatinh-web", "dvc-binhduong-web",
            "dvc-binhdinh-web", "dvc-lylichtuphap-web");

    @Nested
    class GivenTheDefaultPortalPort {

        @Test
        void thenEveryPortalClientSendsItsBackChannelLogoutToTheDemoPortalNamingTheSession() throws Exception {
            KeycloakServerConfig config = config(8081);
            Map<String, Object> dvc = JSONObjectUtils.parse(SandboxPortTest.imported(config, "dvc-realm.json"));

            assertThat(config.realmReplacements()).isEmpty();
            for (String portal : PORTALS) {
                Map<String, Object> client = SandboxPortTest.client(dvc, portal);
                Map<String, Object> attributes = SandboxPortTest.attributes(client);
                assertThat(attributes.get("backchannel.logout.url")).as(portal)
                        .isEqualTo("http://localhost:8081/backchannel-logout");
                assertThat(attributes.get("backchannel.logout.session.required")).as(portal).isEqualTo("true");
                assertThat(client.get("frontchannelLogout")).as(portal + ": Keycloak sends no back-channel logout"
                        + " to a client with front-channel logout").isEqualTo(false);
            }
        }
    }

    @Nested
    class GivenAnotherPortalPort {

        @Test
        void thenTheBackChannelLogoutUrlFollowsThePortalAndTheRedirectsAreUntouched() throws Exception {
            KeycloakServerConfig config = config(8181);
            String imported = SandboxPortTest.imported(config, "dvc-realm.json");
            Map<String, Object> dvc = JSONObjectUtils.parse(imported);

            for (String portal : PORTALS) {
                assertThat(SandboxPortTest.attributes(SandboxPortTest.client(dvc, portal))
                        .get("backchannel.logout.url")).as(portal)
                        .isEqualTo("http://127.0.0.1:8181/backchannel-logout");
            }
            assertThat(imported).contains("http://localhost:8081/*").doesNotContain("localhost:8081/backchannel");
        }
    }

    private static KeycloakServerConfig config(int portalPort) {
        return SandboxMain.Sandbox.portalOnPort(KeycloakServerConfig.builder().name("sandbox")
                .distributionZip(Path.of("keycloak.zip")).serversDir(Path.of("servers"))
                .httpPort(8080).managementPort(9100), portalPort).build();
    }
}
