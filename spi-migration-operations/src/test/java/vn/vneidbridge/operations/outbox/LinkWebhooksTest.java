package vn.vneidbridge.operations.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.IdentityProviderStorageProvider;
import org.keycloak.storage.UserStorageProvider;
import vn.vneidbridge.core.broker.LinkWebhookSetting;
import vn.vneidbridge.legacy.storage.LegacyUserStorageProviderFactory;

class LinkWebhooksTest {

    @Test
    void anEntryIsAClientIdAndAnHttpOrHttpsUrl() {
        assertThat(LinkWebhooks.parse(" dvcqg-portal   https://portal.example.vn/hooks/vneid "))
                .contains(new LinkWebhooks.Webhook("dvcqg-portal", URI.create("https://portal.example.vn/hooks/vneid")));
        assertThat(LinkWebhooks.parse("dvc-hatinh-web http://127.0.0.1:9000/hook")).isPresent();
    }

    @Test
    void otherEntriesAreRefused() {
        assertThat(LinkWebhooks.parse("https://portal.example.vn/hook")).isEmpty();
        assertThat(LinkWebhooks.parse("dvcqg-portal ftp://portal.example.vn/hook")).isEmpty();
        assertThat(LinkWebhooks.parse("dvcqg-portal https://user:pw@portal.example.vn/hook")).isEmpty();
        assertThat(LinkWebhooks.parse("dvcqg-portal /relative")).isEmpty();
        assertThat(LinkWebhooks.parse("dvcqg-portal https://a.vn/x extra")).isEmpty();
        assertThat(LinkWebhooks.parse(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "gopher://portal.example.vn/", "javascript:alert(1)",
        "jar:http://portal.example.vn/x.jar!/", "ws://portal.example.vn/hook", "dict://127.0.0.1:11211/"})
    void onlyHttpAndHttpsSchemesAreAccepted(String url) {
        assertThat(LinkWebhooks.parse("dvcqg-portal " + url)).isEmpty();
    }

    /** What the admin console's save runs when private addresses are not allowed (server option off). */
    @Nested
    class GivenTheConfigurationCheckOfAWebhookUrl {

        private final WebhookAddresses.Resolver publicDns = host -> new InetAddress[] {
            InetAddress.getByAddress(host, new byte[] {(byte) 203, (byte) 162, 4, (byte) 190})};

        @ParameterizedTest
        @CsvSource({
            "http://127.0.0.1:9000/hook, 127.0.0.1, LOOPBACK",
            "http://localhost:8080/hook, 127.0.0.1, LOOPBACK",
            "http://2130706433/hook, 127.0.0.1, LOOPBACK",
            "http://0x7f000001/hook, 127.0.0.1, LOOPBACK",
            "http://0177.0.0.1/hook, 127.0.0.1, LOOPBACK",
            "http://017700000001/hook, 127.0.0.1, LOOPBACK",
            "http://localhost./hook, 127.0.0.1, LOOPBACK",
            "http://[::1]:8080/hook, 0:0:0:0:0:0:0:1, LOOPBACK",
            "http://[::ffff:127.0.0.1]/hook, 127.0.0.1, LOOPBACK",
            "http://169.254.169.254/latest/meta-data/, 169.254.169.254, LINK_LOCAL",
            "http://[fe80::1]/hook, fe80:0:0:0:0:0:0:1, LINK_LOCAL",
            "https://10.0.0.8/hook, 10.0.0.8, PRIVATE",
            "https://172.16.5.4/hook, 172.16.5.4, PRIVATE",
            "https://192.168.1.20/hook, 192.168.1.20, PRIVATE",
            "https://[fd00::8]/hook, fd00:0:0:0:0:0:0:8, PRIVATE",
            "http://0.0.0.0:8080/hook, 0.0.0.0, UNSPECIFIED",
            "http://[::]/hook, 0:0:0:0:0:0:0:0, UNSPECIFIED",
            "http://224.0.0.251/hook, 224.0.0.251, MULTICAST"})
        void thenANonPublicAddressIsRefusedWithTheAddressAndItsKind(String url, String address,
                                                                   WebhookAddresses.Kind kind) {
            assertThat(LinkWebhooks.refusal(URI.create(url), publicDns)).hasValueSatisfying(refused -> {
                assertThat(refused.address()).isEqualTo(address);
                assertThat(refused.kind()).isEqualTo(kind);
            });
        }

        @Test
        void thenANameResolvingToAPrivateAddressIsRefused() {
            WebhookAddresses.Resolver internalDns = host -> new InetAddress[] {InetAddress.getByName("10.20.30.40")};

            assertThat(LinkWebhooks.refusal(URI.create("https://portal.internal.vn/hook"), internalDns))
                    .hasValueSatisfying(refused -> assertThat(refused.kind()).isEqualTo(WebhookAddresses.Kind.PRIVATE));
        }

        @Test
        void thenAPublicAddressOrNameIsKept() {
            assertThat(LinkWebhooks.refusal(URI.create("https://portal.example.vn/hook"), publicDns)).isEmpty();
            assertThat(LinkWebhooks.refusal(URI.create("https://203.162.4.190/hook"), publicDns)).isEmpty();
        }

        @Test
        void thenANameThatDoesNotResolveYetIsKeptForTheDeliveryToCheck() {
            WebhookAddresses.Resolver noAnswer = host -> {
                throw new UnknownHostException(host);
            };

            assertThat(LinkWebhooks.refusal(URI.create("https://portal.example.vn/hook"), noAnswer)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"http://08.0.0.1/hook", "http://4294967296/hook"})
        void thenAMalformedNumberIsRefusedAsNoAddress(String url) {
            assertThat(LinkWebhooks.refusal(URI.create(url), publicDns))
                    .hasValueSatisfying(refused -> assertThat(refused.kind()).isNull());
        }

        @ParameterizedTest
        @ValueSource(strings = {"http://0x7f.1/hook", "http://127.1/hook", "http://256.1.1.1/hook",
            "http://1.2.3.4.5/hook"})
        void thenShortOrHexDottedNumbersThatJavaReadsAsNoHostAreNoWebhookAtAll(String url) {
            assertThat(LinkWebhooks.parse("dvcqg-portal " + url)).isEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T answering(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer == null) {
                throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
            }
            return answer.apply(args);
        });
    }

    /** A realm of confidential clients (and one public client, {@code dvc-public}), holding no legacy provider. */
    private static RealmModel realm(String... confidentialClients) {
        return realmWithLegacyProvider(null, confidentialClients);
    }

    /**
     * A realm of confidential clients (and {@code dvc-public}) with an enabled legacy accounts provider that still
     * holds these webhook entries (null: no legacy provider).
     */
    private static RealmModel realmWithLegacyProvider(String legacyWebhooks, String... confidentialClients) {
        List<String> known = List.of(confidentialClients);
        return answering(RealmModel.class, Map.of(
                "getId", args -> "realm-id",
                "getName", args -> "dvc",
                "getComponentsStream", args -> legacyWebhooks == null ? Stream.empty()
                        : Stream.of(legacyProvider(legacyWebhooks)),
                "getClientByClientId", args -> known.contains((String) args[0]) ? client(false)
                        : "dvc-public".equals(args[0]) ? client(true) : null));
    }

    private static ComponentModel legacyProvider(String webhooks) {
        ComponentModel legacy = new ComponentModel();
        legacy.setId("legacy-id");
        legacy.setProviderId(LegacyUserStorageProviderFactory.PROVIDER_ID);
        legacy.setProviderType(UserStorageProvider.class.getName());
        legacy.put("enabled", "true");
        legacy.put(LinkWebhooks.CONFIG_KEY, webhooks);
        return legacy;
    }

    private static ClientModel client(boolean isPublic) {
        return answering(ClientModel.class, Map.of(
                "isPublicClient", args -> isPublic,
                "getSecret", args -> isPublic ? null : "a-secret"));
    }

    /** A session in that realm whose identity provider {@code vneid} is of this type and holds this configuration. */
    private static KeycloakSession session(RealmModel realm, String providerId, Map<String, String> config) {
        IdentityProviderModel provider = new IdentityProviderModel();
        provider.setAlias("vneid");
        provider.setProviderId(providerId);
        provider.getConfig().putAll(config);
        KeycloakContext context = answering(KeycloakContext.class, Map.of("getRealm", args -> realm));
        IdentityProviderStorageProvider providers = answering(IdentityProviderStorageProvider.class,
                Map.of("getByAlias", args -> "vneid".equals(args[0]) ? provider : null));
        return answering(KeycloakSession.class, Map.of(
                "getContext", args -> context,
                "identityProviders", args -> providers));
    }

    /**
     * What an administrator saves (the vneid identity provider's check, run by Keycloak before the save): a realm
     * import creates identity providers before clients, so a client is not looked for when saved.
     */
    @Nested
    class GivenTheCheckBeforeASave {

        @Test
        void anEntryForAClientNotYetImportedIsAcceptedWhenSaved() {
            assertThatCode(() -> new LinkWebhookEventListenerFactory().check(null, realm(),
                    List.of("dvcqg-portal https://203.162.4.190/hook")))
                    .doesNotThrowAnyException();
        }

        @Test
        void theFormatTheAddressAndARepeatedClientAreStillRefused() {
            assertThatThrownBy(() -> LinkWebhooks.validate(List.of("https://portal.vn/hook"), false))
                    .isInstanceOf(ComponentValidationException.class).hasMessage("vneidLinkWebhookInvalid");
            assertThatThrownBy(() -> LinkWebhooks.validate(List.of("dvcqg-portal http://127.0.0.1:9000/h"), false))
                    .isInstanceOf(ComponentValidationException.class).hasMessage("vneidLinkWebhookPrivateAddress");
            assertThatThrownBy(() -> LinkWebhooks.validate(List.of("dvcqg-portal https://203.162.4.190/a",
                    "dvcqg-portal https://203.162.4.190/b"), false))
                    .isInstanceOf(ComponentValidationException.class).hasMessage("vneidLinkWebhookRepeatedClient");
            assertThatCode(() -> LinkWebhooks.validate(List.of("dvcqg-portal http://127.0.0.1:9000/h"), true))
                    .doesNotThrowAnyException();
        }
    }

    /** Where webhooks are read (an event queued, a delivery sent): only usable entries, whatever was saved. */
    @Nested
    class GivenTheWebhooksAreRead {

        private final List<String> skipped = new ArrayList<>();

        private List<LinkWebhooks.Webhook> usable(boolean httpsOnly, List<String> entries) {
            return LinkWebhooks.usable(entries, httpsOnly,
                    clientId -> List.of("dvcqg-portal", "dvc-hatinh-web").contains(clientId),
                    (clientId, skip) -> skipped.add(clientId + ": " + skip));
        }

        @Test
        void thenAnEntryForAClientThatIsNotThereOrNotConfidentialIsSkippedNamingOnlyTheClient() {
            assertThat(usable(false, List.of("no-such-client https://203.162.4.190/a",
                    "dvcqg-portal https://203.162.4.190/b")))
                    .containsExactly(new LinkWebhooks.Webhook("dvcqg-portal", URI.create("https://203.162.4.190/b")));
            assertThat(skipped).containsExactly("no-such-client: NOT_A_CONFIDENTIAL_CLIENT");
        }

        @Test
        void thenAnEntryThatDoesNotParseIsSkippedWithoutItsText() {
            assertThat(usable(false, List.of("https://203.162.4.190/a", "dvcqg-portal https://203.162.4.190/b#x")))
                    .isEmpty();
            assertThat(skipped).containsExactly("null: NOT_AN_ENTRY", "null: NOT_AN_ENTRY");
        }

        @Test
        void thenPlainHttpIsSkippedWhenTheProviderTalksToVneidsProduction() {
            assertThat(usable(true, List.of("dvcqg-portal http://203.162.4.190/a",
                    "dvc-hatinh-web https://203.162.4.190/b"))).extracting(LinkWebhooks.Webhook::clientId)
                    .containsExactly("dvc-hatinh-web");
            assertThat(skipped).containsExactly("dvcqg-portal: HTTP_IN_PRODUCTION");
            assertThat(usable(false, List.of("dvcqg-portal http://203.162.4.190/a"))).hasSize(1);
        }

        @Test
        void thenTheFirstUsableEntryOfAClientWins() {
            assertThat(usable(false, List.of("dvcqg-portal https://203.162.4.190/a",
                    "dvcqg-portal https://203.162.4.190/b"))).extracting(LinkWebhooks.Webhook::url)
                    .containsExactly(URI.create("https://203.162.4.190/a"));
            assertThat(skipped).isEmpty();
        }

        @Test
        void thenTheRealmsClientsDecide() {
            RealmModel realm = realm("dvcqg-portal");
            KeycloakSession session = session(realm, "vneid", Map.of("linkWebhooks",
                    "dvcqg-portal https://203.162.4.190/a##dvc-public https://203.162.4.190/b##gone https://203.162.4.190/c"));

            assertThat(LinkWebhooks.of(session, realm)).extracting(LinkWebhooks.Webhook::clientId)
                    .containsExactly("dvcqg-portal");
            assertThat(LinkWebhooks.forClient(session, realm, "dvc-public")).isEmpty();
        }

        /** Saved with another provider id in the admin request's body, or created as another type under that alias. */
        @Test
        void thenAProviderOfAnotherTypeNamedVneidHoldsNoWebhooks() {
            RealmModel realm = realm("dvcqg-portal");
            KeycloakSession session = session(realm, "oidc",
                    Map.of("linkWebhooks", "dvcqg-portal https://203.162.4.190/a"));

            assertThat(LinkWebhooks.of(session, realm)).isEmpty();
        }

        /** Before the start-up move, or when the vneid identity provider was created after it. */
        @Test
        void thenEntriesStillOnALegacyProviderAreReadUnderTheIdentityProvidersRules() {
            RealmModel realm = realmWithLegacyProvider("dvc-hcm https://203.162.4.190/b##dvcqg-portal http://203.162.4.190/c",
                    "dvc-hcm", "dvcqg-portal");

            assertThat(LinkWebhooks.forClient(session(realm, "oidc", Map.of()), realm, "dvc-hcm")).map(LinkWebhooks.Webhook::url)
                    .contains(URI.create("https://203.162.4.190/b"));
            KeycloakSession production = session(realm, "vneid", Map.of("environment", "PRODUCTION"));
            assertThat(LinkWebhooks.of(production, realm)).extracting(LinkWebhooks.Webhook::clientId)
                    .containsExactly("dvc-hcm");
        }

        /**
         * AR-35: what the start-up move put aside is read nowhere — not once the alias vneid belongs to a provider of
         * another type (no https rule then), not by a provider outside PRODUCTION.
         */
        @Test
        void thenEntriesPutAsideByTheMoveAreNeverRead() {
            ComponentModel legacy = legacyProvider("dvc-hcm https://203.162.4.190/b");
            legacy.getConfig().remove(LinkWebhooks.CONFIG_KEY);
            legacy.getConfig().put(LinkWebhookSetting.REFUSED_KEY,
                    List.of("dvcqg-portal http://203.162.4.190/c", "dvc-hcm https://203.162.4.190/b"));
            RealmModel realm = answering(RealmModel.class, Map.of(
                    "getId", args -> "realm-id",
                    "getName", args -> "dvc",
                    "getComponentsStream", args -> Stream.of(legacy),
                    "getClientByClientId", args -> client(false)));

            assertThat(LinkWebhooks.of(session(realm, "oidc", Map.of()), realm)).isEmpty();
            assertThat(LinkWebhooks.of(session(realm, "vneid", Map.of()), realm)).isEmpty();
            assertThat(LinkWebhooks.forClient(session(realm, "vneid", Map.of()), realm, "dvcqg-portal")).isEmpty();
        }

        @Test
        void thenPlainHttpOfAProviderInProductionIsNotUsed() {
            RealmModel realm = realm("dvcqg-portal");
            KeycloakSession session = session(realm, "vneid",
                    Map.of("environment", "PRODUCTION", "linkWebhooks", "dvcqg-portal http://203.162.4.190/a"));

            assertThat(LinkWebhooks.of(session, realm)).isEmpty();
        }
    }
}
