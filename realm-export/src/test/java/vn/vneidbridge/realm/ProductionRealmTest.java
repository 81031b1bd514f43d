package vn.vneidbridge.realm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The production realm ({@code production/dvc-realm.json}, what the providers bundle imports) against the sandbox
 * realm ({@code realms/dvc-realm.json}): the same realm but for what a deployment sets through {@code ${DVC_...}}
 * placeholders, so that the two cannot drift apart; and nothing of the sandbox, no secret, in it.
 */
class ProductionRealmTest {

    /** {@code ${DVC_NAME}} or {@code ${DVC_NAME:default}}, the default possibly a vault expression. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(DVC_[A-Z0-9_]+)(?::(\\$\\{[^}]*}|[^}]*))?}");
    /** Top-level keys whose difference the tests below look into; every other one is the same in both files. */
    private static final Set<String> EXAMINED = Set.of("clients", "identityProviders", "identityProviderMappers",
            "authenticatorConfig", "sslRequired", "users");
    /**
     * Identity providers of the sandbox only: Vietnam Post's account (PostID), whose personal use ended in 2024, has a
     * stand-in realm there; production carries its flows and its setting (to add a provider to), not the provider.
     */
    private static final Set<String> SANDBOX_ONLY_PROVIDERS = Set.of("vnpost");

    private static JsonNode sandbox;
    private static JsonNode production;
    private static String productionText;

    @BeforeAll
    static void read() throws IOException {
        sandbox = json("/realms/dvc-realm.json");
        try (InputStream in = ProductionRealmTest.class.getResourceAsStream("/production/dvc-realm.json")) {
            assertThat(in).as("production/dvc-realm.json on the class path").isNotNull();
            productionText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        production = new ObjectMapper().readTree(productionText);
    }

    @Nested
    class GivenTheSandboxRealm {

        @Test
        void thenEveryOtherSettingIsTheSameFlowsScopesMappersRolesRequiredActionsEventsBruteForceComponents() {
            SoftAssertions soft = new SoftAssertions();
            Set<String> keys = new TreeSet<>();
            sandbox.fieldNames().forEachRemaining(keys::add);
            production.fieldNames().forEachRemaining(keys::add);
            keys.removeAll(EXAMINED);
            assertThat(keys).contains("authenticationFlows", "clientScopes", "defaultDefaultClientScopes", "roles",
                    "requiredActions", "eventsListeners", "bruteForceProtected", "failureFactor", "components",
                    "browserFlow", "directGrantFlow", "clientPolicies");
            for (String key : keys) {
                soft.assertThat((Object) production.path(key)).as(key).isEqualTo(sandbox.path(key));
            }
            soft.assertAll();
        }

        @Test
        void thenTheAuthenticatorConfigsDifferOnlyWherePlaceholdersAre() {
            Map<String, JsonNode> sandboxConfigs = byKey(sandbox.path("authenticatorConfig"), "alias");
            Map<String, JsonNode> productionConfigs = byKey(production.path("authenticatorConfig"), "alias");

            assertThat(productionConfigs.keySet()).isEqualTo(sandboxConfigs.keySet());
            productionConfigs.forEach((alias, config) -> {
                Object actual = withoutPlaceholders(config);
                assertThat(actual).as(alias).isEqualTo(withoutPlaceholders(config, sandboxConfigs.get(alias)));
            });
        }

        @Test
        void thenTheIdentityProviderAndItsMappersDifferOnlyInTheirConfig() {
            JsonNode productionProvider = production.path("identityProviders").get(0);
            JsonNode sandboxProvider = sandbox.path("identityProviders").get(0);

            assertThat(aliases(production.path("identityProviders"), "alias")).isEqualTo(
                    withoutSandboxOnly(aliases(sandbox.path("identityProviders"), "alias")));
            assertThat((Object) ((ObjectNode) productionProvider.deepCopy()).without("config"))
                    .isEqualTo(((ObjectNode) sandboxProvider.deepCopy()).without("config"));
            List<JsonNode> sandboxMappers = new ArrayList<>();
            sandbox.path("identityProviderMappers").forEach(mapper -> {
                if (!SANDBOX_ONLY_PROVIDERS.contains(mapper.path("identityProviderAlias").asText())) {
                    sandboxMappers.add(mapper);
                }
            });
            List<JsonNode> productionMappers = new ArrayList<>();
            production.path("identityProviderMappers").forEach(productionMappers::add);
            assertThat(productionMappers).isEqualTo(sandboxMappers);
            Set<String> keys = new TreeSet<>();
            productionProvider.path("config").fieldNames().forEachRemaining(keys::add);
            assertThat(keys).contains("environment", "protocol", "clientId", "clientSecret", "minimumLevel",
                    "syncMode", "defaultScope").doesNotContain("sandboxIssuer");
            for (String key : List.of("syncMode", "guiOrder", "defaultScope")) {
                assertThat((Object) productionProvider.path("config").path(key)).as(key)
                        .isEqualTo(sandboxProvider.path("config").path(key));
            }
        }

        @Test
        void thenTheClientsAreTheSameButForTheirPlaceholdersAndAdminCliTurnedOff() {
            Map<String, JsonNode> sandboxClients = byKey(sandbox.path("clients"), "clientId");
            Map<String, JsonNode> productionClients = byKey(production.path("clients"), "clientId");

            assertThat(productionClients.keySet()).isEqualTo(sandboxClients.keySet());
            productionClients.forEach((clientId, client) -> {
                JsonNode expected = withoutPlaceholders(client, sandboxClients.get(clientId));
                JsonNode actual = withoutPlaceholders(client);
                if ("admin-cli".equals(clientId)) {
                    assertThat(client.path("enabled").asBoolean(true)).as("admin-cli enabled").isFalse();
                    assertThat(client.path("fullScopeAllowed").asBoolean(true)).as("admin-cli full scope").isFalse();
                    for (JsonNode node : List.of(expected, actual)) {
                        ((ObjectNode) node).remove(List.of("enabled", "fullScopeAllowed", "description"));
                    }
                }
                assertThat((Object) actual).as(clientId).isEqualTo(expected);
            });
        }
    }

    @Nested
    class GivenTheProductionRealmAlone {

        /** The sandbox's operators ({@code vanhanh}, {@code vanhanh.xem}) are sandbox users: production has none. */
        @Test
        void thenItHasNoUsers() {
            assertThat(production.has("users")).isFalse();
        }

        @Test
        void thenItNamesNoSandboxNoLoopbackAddress() {
            String lower = productionText.toLowerCase(Locale.ROOT);

            assertThat(lower).doesNotContain("sandbox", "localhost", "127.0.0.1");
        }

        @Test
        void thenEverySecretIsAPlaceholderOrAVaultReference() {
            List<String> secrets = new ArrayList<>();
            collectSecrets(production, "", secrets);

            assertThat(secrets).hasSizeGreaterThanOrEqualTo(6);
            assertThat(secrets).allSatisfy(secret -> assertThat(secret.substring(secret.indexOf('=') + 1)).as(secret)
                    .matches("\\$\\{DVC_[A-Z0-9_]+(:\\$\\{vault\\.[a-z0-9-]+})?}"));
        }

        @Test
        void thenEachPortalTakesItsSecretUrlsAndBackChannelLogoutFromItsOwnVariables() {
            for (JsonNode client : production.path("clients")) {
                if (!client.has("secret")) {
                    continue;
                }
                String secret = client.path("secret").asText();
                String prefix = secret.substring(2, secret.length() - "SECRET}".length());
                assertThat(prefix).as(client.path("clientId").asText()).startsWith("DVC_PORTAL_");
                assertThat(client.path("baseUrl").asText()).isEqualTo("${" + prefix + "BASE_URL}");
                assertThat(client.path("redirectUris").toString()).isEqualTo("[\"${" + prefix + "REDIRECT_URI}\"]");
                assertThat(client.path("attributes").path("post.logout.redirect.uris").asText())
                        .isEqualTo("${" + prefix + "POST_LOGOUT_REDIRECT_URIS}");
                assertThat(client.path("attributes").path("backchannel.logout.url").asText())
                        .isEqualTo("${" + prefix + "BACKCHANNEL_LOGOUT_URL:}");
            }
        }

        @Test
        void thenVneidDefaultsToProductionOverOidcAndTheCutoffToClosedAfterTheDecreesDates() {
            Map<String, String> defaults = placeholders();

            assertThat(defaults).containsEntry("DVC_VNEID_ENVIRONMENT", "PRODUCTION")
                    .containsEntry("DVC_VNEID_PROTOCOL", "oidc")
                    .containsEntry("DVC_VNEID_CLIENT_SECRET", "${vault.vneid-client-secret}")
                    .containsEntry("DVC_CUTOFF_CITIZEN_DATE", "01/07/2024")
                    .containsEntry("DVC_CUTOFF_CITIZEN_MODE", "closed")
                    .containsEntry("DVC_CUTOFF_ORGANISATION_DATE", "30/06/2025")
                    .containsEntry("DVC_CUTOFF_ORGANISATION_MODE", "closed")
                    .containsEntry("DVC_SSL_REQUIRED", "all")
                    .containsEntry("DVC_VNEID_CLIENT_ID", null);
        }

        @Test
        void thenEveryVariableIsInTheReadmesTableWithItsDefaultOrAsRequired() throws IOException {
            String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
            SoftAssertions soft = new SoftAssertions();
            placeholders().forEach((name, defaultValue) -> {
                String row = readme.lines().filter(line -> line.startsWith("| `" + name + "` |")).findFirst().orElse("");
                soft.assertThat(row).as(name + " has a row").isNotEmpty();
                if (defaultValue == null) {
                    soft.assertThat(row).as(name).endsWith("| yes |");
                } else {
                    soft.assertThat(row).as(name).endsWith("| no |")
                            .contains(defaultValue.isEmpty() ? "(empty)" : "`" + defaultValue + "`");
                }
            });
            soft.assertAll();
        }
    }

    /** Each variable of the production realm → its default (null: required), one default per variable. */
    static Map<String, String> placeholders() {
        Map<String, String> defaults = new LinkedHashMap<>();
        Matcher matcher = PLACEHOLDER.matcher(productionText);
        while (matcher.find()) {
            String name = matcher.group(1);
            String defaultValue = matcher.group(2);
            if (defaults.containsKey(name)) {
                assertThat(defaultValue).as(name + " has one default").isEqualTo(defaults.get(name));
            }
            defaults.put(name, defaultValue);
        }
        return defaults;
    }

    /** A copy of {@code shape} with every field whose value in {@code placeholders} holds a placeholder removed. */
    private static JsonNode withoutPlaceholders(JsonNode placeholders, JsonNode shape) {
        JsonNode copy = shape.deepCopy();
        strip(placeholders, copy);
        return copy;
    }

    private static JsonNode withoutPlaceholders(JsonNode node) {
        return withoutPlaceholders(node, node);
    }

    private static void strip(JsonNode placeholders, JsonNode target) {
        if (!(target instanceof ObjectNode object)) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = placeholders.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                strip(value, object.path(field.getKey()));
            } else if (PLACEHOLDER.matcher(value.toString()).find()) {
                object.remove(field.getKey());
            }
        }
    }

    private static void collectSecrets(JsonNode node, String path, List<String> secrets) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String where = path + "/" + field.getKey();
                if (field.getKey().toLowerCase(Locale.ROOT).contains("secret") && field.getValue().isTextual()) {
                    secrets.add(where + "=" + field.getValue().asText());
                } else {
                    collectSecrets(field.getValue(), where, secrets);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectSecrets(node.get(i), path + "/" + i, secrets);
            }
        }
    }

    private static Map<String, JsonNode> byKey(JsonNode array, String key) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        array.forEach(node -> map.put(node.path(key).asText(), node));
        return map;
    }

    private static JsonNode json(String resource) throws IOException {
        try (InputStream in = ProductionRealmTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the class path").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    /** The values of {@code field} of each element, in order. */
    private static List<String> aliases(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.path(field).asText()));
        return values;
    }

    private static List<String> withoutSandboxOnly(List<String> aliases) {
        return aliases.stream().filter(alias -> !SANDBOX_ONLY_PROVIDERS.contains(alias)).toList();
    }

}
