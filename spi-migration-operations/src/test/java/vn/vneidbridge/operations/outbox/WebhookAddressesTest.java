package vn.vneidbridge.operations.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.http.conn.DnsResolver;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookAddressesTest {

    /** A DNS that must not be asked: every address in these tests is written as one. */
    private static final WebhookAddresses.Resolver NO_DNS = host -> {
        throw new AssertionError("DNS asked for " + host);
    };

    @Nested
    class GivenIpv4Addresses {

        @ParameterizedTest
        @CsvSource({
            "127.0.0.1, LOOPBACK", "127.255.1.2, LOOPBACK",
            "10.0.0.1, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE", "192.168.1.10, PRIVATE",
            "100.64.0.1, PRIVATE",
            "169.254.169.254, LINK_LOCAL",
            "0.0.0.0, UNSPECIFIED", "0.1.2.3, UNSPECIFIED",
            "224.0.0.1, MULTICAST", "239.255.255.250, MULTICAST",
            "255.255.255.255, RESERVED", "240.0.0.1, RESERVED", "192.0.0.8, RESERVED", "198.18.0.1, RESERVED",
            "8.8.8.8, PUBLIC", "172.15.255.255, PUBLIC", "172.32.0.1, PUBLIC", "203.162.4.190, PUBLIC",
            "100.128.0.1, PUBLIC", "169.253.1.1, PUBLIC"})
        void thenEachRangeHasItsKind(String address, WebhookAddresses.Kind kind) throws Exception {
            assertThat(WebhookAddresses.kind(InetAddress.getByName(address))).isEqualTo(kind);
        }
    }

    @Nested
    class GivenIpv6Addresses {

        @ParameterizedTest
        @CsvSource({
            "::1, LOOPBACK", "::, UNSPECIFIED",
            "fe80::1, LINK_LOCAL", "febf::1, LINK_LOCAL",
            "fc00::1, PRIVATE", "fd12:3456:789a::1, PRIVATE", "fec0::1, PRIVATE",
            "ff02::1, MULTICAST",
            "::ffff:127.0.0.1, LOOPBACK", "::ffff:7f00:1, LOOPBACK", "::ffff:10.1.2.3, PRIVATE",
            "::ffff:169.254.169.254, LINK_LOCAL", "::127.0.0.1, LOOPBACK", "::10.0.0.1, PRIVATE",
            "64:ff9b::a00:1, PRIVATE", "64:ff9b::7f00:1, LOOPBACK", "64:ff9b:1::1, PRIVATE",
            "2002:7f00:1::1, LOOPBACK", "2002:c0a8:101::1, PRIVATE",
            "2001:4860:4860::8888, PUBLIC", "::ffff:8.8.8.8, PUBLIC", "64:ff9b::808:808, PUBLIC",
            "2002:808:808::1, PUBLIC"})
        void thenEachRangeHasItsKindAlsoForTheIpv4Inside(String address, WebhookAddresses.Kind kind)
                throws Exception {
            assertThat(WebhookAddresses.kind(InetAddress.getByName("[" + address + "]"))).isEqualTo(kind);
        }
    }

    @Nested
    class GivenHostsWrittenAsNumbers {

        @ParameterizedTest
        @ValueSource(strings = {"2130706433", "0x7f.1", "0x7f000001", "0177.0.0.1", "0177.1", "017700000001",
            "127.1", "127.0.1", "0x7F.0.0.1", "127.0.0.1.", "[::1]", "[::ffff:127.0.0.1]", "[0:0:0:0:0:0:0:1]"})
        void thenLoopbackInAnyFormIsReadAsLoopbackWithoutDns(String host) throws Exception {
            InetAddress[] addresses = WebhookAddresses.addresses(host, NO_DNS);
            assertThat(addresses).hasSize(1);
            assertThat(WebhookAddresses.kind(addresses[0])).isEqualTo(WebhookAddresses.Kind.LOOPBACK);
        }

        @ParameterizedTest
        @CsvSource({"3232235777, 192.168.1.1", "0xa9fea9fe, 169.254.169.254", "0251.0376.0251.0376, 169.254.169.254",
            "10.1, 10.0.0.1", "0, 0.0.0.0", "134744072, 8.8.8.8"})
        void thenTheyAreReadAsTheCResolverReadsThem(String host, String address) throws Exception {
            assertThat(WebhookAddresses.addresses(host, NO_DNS)[0].getHostAddress()).isEqualTo(address);
        }

        @ParameterizedTest
        @ValueSource(strings = {"256.0.0.1", "1.2.3.4.5", "08.0.0.1", "0x", "4294967296", "1.16777216",
            "[::1%eth0]", "[1:2]", "[::ffff:0x7f.1]"})
        void thenAMalformedNumberIsRefused(String host) {
            assertThatThrownBy(() -> WebhookAddresses.addresses(host, NO_DNS))
                    .isInstanceOf(WebhookAddresses.Refused.class);
        }
    }

    @Nested
    class GivenNames {

        @ParameterizedTest
        @ValueSource(strings = {"localhost", "LOCALHOST", "localhost.", "portal.localhost", "a.b.LocalHost"})
        void thenLocalhostNamesAreLoopbackWithoutDns(String host) throws Exception {
            assertThatThrownBy(() -> WebhookAddresses.publicAddresses(host, NO_DNS))
                    .isInstanceOf(WebhookAddresses.Refused.class).hasMessageContaining("loopback");
        }

        @Test
        void thenANameIsRefusedWhenAnyOfItsAddressesIsPrivate() {
            WebhookAddresses.Resolver dns = host -> new InetAddress[] {address("203.162.4.190"), address("10.0.0.5")};

            assertThatThrownBy(() -> WebhookAddresses.publicAddresses("portal.example.vn", dns))
                    .isInstanceOf(WebhookAddresses.Refused.class)
                    .hasMessage("portal.example.vn is refused: 10.0.0.5 is a private address");
        }

        @Test
        void thenANameWithOnlyPublicAddressesIsKept() throws Exception {
            WebhookAddresses.Resolver dns = host -> new InetAddress[] {address("203.162.4.190"),
                address("2001:4860:4860::8888")};

            assertThat(WebhookAddresses.publicAddresses("portal.example.vn", dns)).hasSize(2);
        }
    }

    @Nested
    class GivenTheDeliveryClientsResolver {

        @Test
        void thenANameThatRebindsToLoopbackAfterTheCheckIsRefusedAtTheConnection() throws Exception {
            AtomicInteger lookups = new AtomicInteger();
            WebhookAddresses.Resolver rebinding = host -> new InetAddress[] {
                lookups.getAndIncrement() == 0 ? address("203.162.4.190") : address("127.0.0.1")};
            DnsResolver guard = WebhookAddresses.guard(false, rebinding);

            assertThat(guard.resolve("hook.example.vn")).extracting(InetAddress::getHostAddress)
                    .containsExactly("203.162.4.190");
            assertThatThrownBy(() -> guard.resolve("hook.example.vn"))
                    .isInstanceOf(WebhookAddresses.Refused.class).isInstanceOf(UnknownHostException.class)
                    .hasMessageContaining("127.0.0.1 is a loopback address");
        }

        @Test
        void thenNumbersAreCheckedTheSameWay() {
            DnsResolver guard = WebhookAddresses.guard(false, NO_DNS);

            assertThatThrownBy(() -> guard.resolve("2130706433")).isInstanceOf(WebhookAddresses.Refused.class);
            assertThatThrownBy(() -> guard.resolve("0x7f.1")).isInstanceOf(WebhookAddresses.Refused.class);
            assertThatThrownBy(() -> guard.resolve("169.254.169.254")).isInstanceOf(WebhookAddresses.Refused.class);
        }

        @Test
        void thenTheServerOptionLetsPrivateAddressesThrough() throws Exception {
            DnsResolver guard = WebhookAddresses.guard(true, host -> new InetAddress[] {address("10.0.0.5")});

            assertThat(guard.resolve("127.0.0.1")[0].getHostAddress()).isEqualTo("127.0.0.1");
            assertThat(guard.resolve("portal.internal")[0].getHostAddress()).isEqualTo("10.0.0.5");
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal.contains(":") ? "[" + literal + "]" : literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
