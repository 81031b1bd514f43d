package vn.vneidbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.distribution.KeycloakServerConfig;

/**
 * The sandbox on a moved Keycloak port ({@code --keycloak-port}): the stand-in VNeID's URLs in the realm files
 * (realm dvc's {@code vneid} provider's issuer, the stand-in's back-channel logout to realm dvc) follow the port.
 */
class SandboxPortTest {

    @Nested
    class GivenTheDefaultPort {

        @Test
        void thenTheRealmsAreImportedAsTheyAre() {
            KeycloakServerConfig config = config(8080);

            assertThat(config.httpPort()).isEqualTo(8080);
            assertThat(config.realmReplacements()).isEmpty();
        }
    }

    @Nested
    class GivenAnotherPort {

        @Test
        void thenRealmDvcsVneidProviderTrustsTheStandInOnThatPort() throws Exception {
            KeycloakServerConfig config = config(8180);

            Map<String, Object> dvc = JSONObjectUtils.parse(imported(config, "dvc-realm.json"));

            assertThat(config.httpPort()).isEqualTo(8180);
            assertThat(provider(dvc, "vneid").get("sandboxIssuer"))
                    .isEqualTo("http://localhost:8180/realms/vneid-sandbox");
        }

        @Test
        void thenTheStandInSendsItsBackChannelLogoutToRealmDvcOnThatPort() throws Exception {
            Map<String, Object> standIn = JSONObjectUtils.parse(imported(config(8180), "vneid-sandbox-realm.json"));

            assertThat(attributes(client(standIn, "dvc-broker")).get("backchannel.logout.url"))
                    .isEqualTo("http://localhost:8180/realms/dvc/protocol/openid-connect/logout/backchannel-logout");
        }

        @Test
        void thenTheStandInFetchesRealmDvcsPartnerApiKeyOnThatPort() throws Exception {
            Map<String, Object> standIn = JSONObjectUtils.parse(imported(config(8180), "vneid-sandbox-realm.json"));

            assertThat(attributes(client(standIn, "dvc-broker")).get("partner.api.public.key.url"))
                    .isEqualTo("http://localhost:8180/realms/dvc/vneid-partner-api/public-key.pem");
        }

        @Test
        void thenNoUrlOfPort8080IsLeftAndThePortalsRedirectsAreUntouched() throws IOException {
            KeycloakServerConfig config = config(8180);
            for (String realm : List.of("dvc-realm.json", "vneid-sandbox-realm.json")) {
                assertThat(imported(config, realm)).doesNotContain("localhost:8080");
            }
            assertThat(imported(config, "dvc-realm.json")).contains("http://localhost:8081/*");
        }
    }

    private static KeycloakServerConfig config(int keycloakPort) {
        return SandboxMain.Sandbox.onPort(KeycloakServerConfig.builder().name("sandbox")
                .distributionZip(Path.of("keycloak.zip")).serversDir(Path.of("servers"))
                .managementPort(9100), keycloakPort).build();
    }

    /** The realm file as the launcher imports it: the one the providers bundle carries, with the replacements. */
    static String imported(KeycloakServerConfig config, String file) throws IOException {
        String text = Files.readString(projectRoot().resolve("realm-export/src/main/resources/realms").resolve(file),
                StandardCharsets.UTF_8);
        for (Map.Entry<String, String> replacement : config.realmReplacements().entrySet()) {
            text = text.replace(replacement.getKey(), replacement.getValue());
        }
        return text;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> provider(Map<String, Object> realm, String alias) throws ParseException {
        for (Map<String, Object> idp : JSONObjectUtils.getJSONObjectArray(realm, "identityProviders")) {
            if (alias.equals(idp.get("alias"))) {
                return (Map<String, Object>) idp.get("config");
            }
        }
        throw new AssertionError("no identity provider " + alias);
    }

    static Map<String, Object> client(Map<String, Object> realm, String clientId) throws ParseException {
        for (Map<String, Object> client : JSONObjectUtils.getJSONObjectArray(realm, "clients")) {
            if (clientId.equals(client.get("clientId"))) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> attributes(Map<String, Object> client) {
        return (Map<String, Object>) client.get("attributes");
    }

    private static Path projectRoot() {
        Path basedir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path root = basedir.getParent();
        if (root == null || !Files.isDirectory(root.resolve("realm-export"))) {
            throw new IllegalStateException("run from the sandbox module (basedir " + basedir + ")");
        }
        return root;
    }
}
