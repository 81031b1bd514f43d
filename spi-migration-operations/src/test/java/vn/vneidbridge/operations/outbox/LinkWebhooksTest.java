package vn.vneidbridge.operations.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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
}
