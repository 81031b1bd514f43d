package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.distribution.KeycloakServerConfig;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.WebClient;
import vn.vneidbridge.sandbox.LegacyDatabaseConnection;

/**
 * The providers bundle alone (no sandbox bundle), as an operator deploys it: its realm {@code dvc} is the production
 * realm, imported with {@code --import-realm} and the {@code DVC_...} variables of {@code realm-export/README.md} in
 * Keycloak's environment. Its own server, not the suite's (which runs the sandbox realm).
 */
class ProductionRealmImportIT {

    private static final String SERVER = "prod-realm-it";
    /** Portal client id → the variables' infix. */
    private static final Map<String, String> PORTALS = Map.of(
            "dvcqg-portal", "DVCQG",
            "dvc-hatinh-web", "HATINH",
            "dvc-binhduong-web", "BINHDUONG",
            "dvc-binhdinh-web", "BINHDINH",
            "dvc-lylichtuphap-web", "LYLICHTUPHAP");
    private static final String DVCQG_BACKCHANNEL = "https://dvcqg.dichvucong.example/oidc/backchannel-logout";
    private static final String VNEID_CLIENT_ID = "dvc-production-client";

    /** Every required variable, secrets random per run, and one optional one (DVCQG's back-channel logout URL). */
    static Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        PORTALS.forEach((clientId, infix) -> {
            String prefix = "DVC_PORTAL_" + infix + "_";
            String host = "https://" + infix.toLowerCase(Locale.ROOT) + ".dichvucong.example";
            variables.put(prefix + "SECRET", "prod-" + UUID.randomUUID());
            variables.put(prefix + "BASE_URL", host + "/");
            variables.put(prefix + "REDIRECT_URI", host + "/oidc/callback");
            variables.put(prefix + "POST_LOGOUT_REDIRECT_URIS", host + "/##" + host + "/logged-out");
        });
        variables.put("DVC_PORTAL_DVCQG_BACKCHANNEL_LOGOUT_URL", DVCQG_BACKCHANNEL);
        variables.put("DVC_VNEID_CLIENT_ID", VNEID_CLIENT_ID);
        return variables;
    }

    static KeycloakServerConfig.Builder production(Map<String, String> variables) {
        Path servers = Path.of(System.getProperty("keycloak.servers.dir", "target/keycloak-servers"));
        KeycloakServerConfig.Builder builder = KeycloakServerConfig.builder()
                .name(SERVER)
                .distributionZip(TestKeycloak.requiredFile("keycloak.dist.zip"))
                .providersBundle(TestKeycloak.requiredFile("vneid.providers.bundle"))
                .serversDir(servers)
                .httpPort(TestKeycloak.freePort())
                .managementPort(TestKeycloak.freePort())
                // as behind the operators' TLS-terminating load balancer: HTTPS as X-Forwarded-Proto tells it
                .runtimeOption("proxy-headers", "xforwarded")
                .runtimeOption("proxy-trusted-addresses", "127.0.0.1");
        variables.forEach(builder::environment);
        // the legacy accounts' named datasource, as the realm's user storage names it (not read by these tests)
        return LegacyDatabaseConnection.h2(servers.resolve(SERVER + "-data").resolve("legacy-db")).configure(builder);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class GivenTheProvidersBundleAndEveryRequiredVariable {

        Map<String, String> variables;
        KeycloakServer server;
        AdminApi admin;

        @BeforeAll
        void start() {
            variables = variables();
            server = KeycloakServer.start(production(variables).build());
            admin = AdminApi.of(server);
        }

        @AfterAll
        void stop() {
            if (server != null) {
                server.close();
            }
        }

        @Test
        void thenNoStandInVneidAndNoSandboxProviderRun() {
            assertThat(status(server.realmUri("vneid-sandbox") + "/.well-known/openid-configuration"))
                    .as("no stand-in VNeID realm").isEqualTo(404);
            assertThat(server.config().instanceDir().resolve("keycloak/providers"))
                    .isDirectoryNotContaining("glob:**/vneid-bridge-sandbox-providers*.jar");
        }

        @Test
        void thenTheRealmsWellKnownEndpointAnswersBehindATlsProxyAndRefusesPlainHttp() throws Exception {
            URI wellKnown = URI.create(server.realmUri("dvc") + "/.well-known/openid-configuration");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

            HttpResponse<String> behindProxy = http.send(HttpRequest.newBuilder(wellKnown)
                    .header("X-Forwarded-Proto", "https").timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> plain = http.send(HttpRequest.newBuilder(wellKnown).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(behindProxy.statusCode()).as(behindProxy.body()).isEqualTo(200);
            assertThat(behindProxy.body()).containsPattern("\"issuer\":\"https://[^\"]+/realms/dvc\"");
            assertThat(plain.statusCode()).as("sslRequired all: no plain HTTP").isEqualTo(403);
        }

        @Test
        void thenEveryPortalHasTheSecretOfItsVariableAndNoneASandboxSecret() {
            for (JsonNode client : admin.get("/admin/realms/dvc/clients")) {
                if (!"client-secret".equals(client.path("clientAuthenticatorType").asText())
                        || client.path("publicClient").asBoolean() || client.path("bearerOnly").asBoolean()) {
                    continue;
                }
                String secret = admin.get("/admin/realms/dvc/clients/" + client.path("id").asText() + "/client-secret")
                        .path("value").asText();
                String clientId = client.path("clientId").asText();
                assertThat(secret).as(clientId).doesNotStartWith("sandbox-secret").doesNotContain("${");
                if (PORTALS.containsKey(clientId)) {
                    assertThat(secret).as(clientId).isEqualTo(variables.get("DVC_PORTAL_" + PORTALS.get(clientId) + "_SECRET"));
                }
            }
        }

        @Test
        void thenEachPortalsUrlsAreThoseOfItsVariables() {
            PORTALS.forEach((clientId, infix) -> {
                JsonNode client = client(clientId);
                String prefix = "DVC_PORTAL_" + infix + "_";
                assertThat(client.path("baseUrl").asText()).as(clientId).isEqualTo(variables.get(prefix + "BASE_URL"));
                assertThat(texts(client.path("redirectUris"))).as(clientId)
                        .containsExactly(variables.get(prefix + "REDIRECT_URI"));
                assertThat(client.path("attributes").path("post.logout.redirect.uris").asText()).as(clientId)
                        .isEqualTo(variables.get(prefix + "POST_LOGOUT_REDIRECT_URIS"));
                String backchannel = client.path("attributes").path("backchannel.logout.url").asText("");
                assertThat(backchannel).as(clientId).isEqualTo("dvcqg-portal".equals(clientId) ? DVCQG_BACKCHANNEL : "");
            });
        }

        @Test
        void thenEveryClientIsLockedDownAndAdminCliIsOff() {
            for (JsonNode client : admin.get("/admin/realms/dvc/clients")) {
                String clientId = client.path("clientId").asText();
                assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as(clientId + " direct grants").isFalse();
                assertThat(client.path("implicitFlowEnabled").asBoolean()).as(clientId + " implicit").isFalse();
                assertThat(client.path("serviceAccountsEnabled").asBoolean()).as(clientId + " service account").isFalse();
                JsonNode attributes = client.path("attributes");
                for (String grant : List.of("standard.token.exchange.enabled", "oauth2.device.authorization.grant.enabled",
                        "oidc.ciba.grant.enabled", "oauth2.jwt.authorization.grant.enabled")) {
                    assertThat(attributes.path(grant).asText("false")).as(clientId + " " + grant).isEqualTo("false");
                }
                for (JsonNode uri : client.path("redirectUris")) {
                    assertThat(uri.asText()).as(clientId).doesNotContain("localhost", "127.0.0.1", "${");
                }
            }
            PORTALS.keySet().forEach(clientId -> {
                JsonNode client = client(clientId);
                assertThat(client.path("publicClient").asBoolean()).as(clientId).isFalse();
                assertThat(client.path("attributes").path("pkce.code.challenge.method").asText()).as(clientId)
                        .isEqualTo("S256");
            });
            JsonNode adminCli = client("admin-cli");
            assertThat(adminCli.path("enabled").asBoolean()).as("admin-cli enabled").isFalse();
            assertThat(adminCli.path("standardFlowEnabled").asBoolean()).isFalse();
            assertThat(adminCli.path("fullScopeAllowed").asBoolean()).isFalse();
        }

        @Test
        void thenVneidIsInProductionOverOidcWithTheClientIdOfItsVariableAndTheSecretInTheVault() {
            JsonNode vneid = admin.get("/admin/realms/dvc/identity-provider/instances/vneid");
            JsonNode config = vneid.path("config");

            assertThat(vneid.path("enabled").asBoolean()).isTrue();
            assertThat(config.path("environment").asText()).isEqualTo("PRODUCTION");
            assertThat(config.path("protocol").asText()).isEqualTo("oidc");
            assertThat(config.path("clientId").asText()).isEqualTo(VNEID_CLIENT_ID);
            assertThat(config.path("clientSecret").asText()).isEqualTo("${vault.vneid-client-secret}");
            assertThat(config.path("issuer").asText()).isEqualTo("https://sso.dancuquocgia.gov.vn/realms/citizen");
            assertThat(config.has("sandboxIssuer")).as("no sandbox issuer").isFalse();
            assertThat(config.toString()).doesNotContain("localhost", "SANDBOX", "${DVC_");
        }

        @Test
        void thenTheCutoffClosesLegacyLoginAfterTheDecreesDates() {
            String configId = null;
            for (JsonNode execution : admin.get(
                    "/admin/realms/dvc/authentication/flows/dvc%20browser%20forms/executions")) {
                if ("vneid-legacy-cutoff".equals(execution.path("providerId").asText())) {
                    configId = execution.path("authenticationConfig").asText();
                }
            }
            assertThat(configId).as("the cutoff step has its settings").isNotBlank();
            JsonNode config = admin.get("/admin/realms/dvc/authentication/config/" + configId).path("config");

            assertThat(config.path("citizenCutoffDate").asText()).isEqualTo("01/07/2024");
            assertThat(config.path("citizenModeAfterCutoff").asText()).isEqualTo("closed");
            assertThat(config.path("organisationCutoffDate").asText()).isEqualTo("30/06/2025");
            assertThat(config.path("organisationModeAfterCutoff").asText()).isEqualTo("closed");
        }

        @Test
        void thenOrganisationsVneidAccountsAreRefusedUntilAnOperatorTurnsThemOnAndTheirTaxCodeStepIsInTheForms() {
            JsonNode config = admin.get("/admin/realms/dvc/identity-provider/instances/vneid").path("config");
            assertThat(config.path("acceptOrganisations").asText()).isEqualTo("false");
            assertThat(config.path("organisationAccountTypes").asText()).isEqualTo("2##3");
            List<String> steps = new ArrayList<>();
            admin.get("/admin/realms/dvc/authentication/flows/dvc%20browser%20forms/executions")
                    .forEach(execution -> steps.add(execution.path("providerId").asText()));
            assertThat(steps).containsSubsequence("vneid-cccd-check", "vneid-tax-code-check", "vneid-link-notice");
        }

        @Test
        void thenTheScopesAreTheSandboxRealmsWithOnlyTheMinimumAsRealmDefaults() {
            List<String> scopes = new ArrayList<>();
            admin.get("/admin/realms/dvc/client-scopes").forEach(scope -> scopes.add(scope.path("name").asText()));
            List<String> realmDefaults = new ArrayList<>();
            admin.get("/admin/realms/dvc/default-default-client-scopes")
                    .forEach(scope -> realmDefaults.add(scope.path("name").asText()));

            assertThat(scopes).contains("basic", "acr", "vneid-level", "profile", "roles", "web-origins",
                    "vneid-identity", "email", "phone", "address");
            assertThat(realmDefaults).containsExactlyInAnyOrder("basic", "acr", "vneid-level", "profile", "roles",
                    "web-origins");
            List<String> portalDefaults = new ArrayList<>();
            admin.get("/admin/realms/dvc/clients/" + client("dvcqg-portal").path("id").asText()
                    + "/default-client-scopes").forEach(scope -> portalDefaults.add(scope.path("name").asText()));
            assertThat(portalDefaults).contains("vneid-identity", "email");
        }

        @Test
        void thenTheRealmRequiresTlsAndNoPlaceholderIsLeft() {
            JsonNode realm = admin.get("/admin/realms/dvc");
            HttpResponse<String> export = admin.send("POST",
                    "/admin/realms/dvc/partial-export?exportClients=true&exportGroupsAndRoles=true", null);

            assertThat(realm.path("sslRequired").asText()).isEqualTo("all");
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(export.body()).doesNotContain("${DVC_", "sandbox-secret", "localhost:8081");
        }

        private JsonNode client(String clientId) {
            JsonNode found = admin.get("/admin/realms/dvc/clients?clientId=" + clientId);
            assertThat(found.size()).as(clientId).isEqualTo(1);
            return found.get(0);
        }
    }

    @Nested
    class GivenARequiredVariableIsMissing {

        @Test
        void thenTheImportIsRefusedNamingTheVariablesAndNoRealmDvcRuns() throws IOException {
            Map<String, String> variables = new HashMap<>(variables());
            variables.remove("DVC_PORTAL_HATINH_SECRET");
            variables.remove("DVC_VNEID_CLIENT_ID");
            KeycloakServerConfig config = production(variables).startTimeout(Duration.ofMinutes(4)).build();

            assertThatThrownBy(() -> KeycloakServer.start(config).close())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("exited");
            String log = Files.readString(config.instanceDir().resolve("server.log"), StandardCharsets.UTF_8);
            assertThat(log).contains("Realm dvc not imported", "DVC_PORTAL_HATINH_SECRET", "DVC_VNEID_CLIENT_ID",
                    "realm-export/README.md");
        }
    }

    @Nested
    class GivenAVariableSetButEmptyOrHoldingJson {

        @Test
        void thenTheImportIsRefusedNamingThemAndNoPortalGetsAnEmptySecretOrAnInjectedSetting() throws IOException {
            Map<String, String> variables = new HashMap<>(variables());
            // an empty secret would be stored as is (and match an empty client_secret); ${...} in a value is
            // expanded again (a quote that adds JSON keys is refused alike: UnresolvedPlaceholdersTest)
            variables.put("DVC_PORTAL_HATINH_SECRET", "");
            variables.put("DVC_PORTAL_DVCQG_SECRET", "prod-secret-${KC_DB_PASSWORD}");
            KeycloakServerConfig config = production(variables).startTimeout(Duration.ofMinutes(4)).build();

            assertThatThrownBy(() -> KeycloakServer.start(config).close())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("exited");
            String log = Files.readString(config.instanceDir().resolve("server.log"), StandardCharsets.UTF_8);
            assertThat(log).contains("Realm dvc not imported", "DVC_PORTAL_HATINH_SECRET", "DVC_PORTAL_DVCQG_SECRET")
                    .doesNotContain("prod-secret-");
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static int status(String uri) {
        return new WebClient().get(URI.create(uri)).statusCode();
    }
}
