package vn.vneidbridge.sandbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HAProxy's configuration of the cluster: what a browser, a forger of headers and a dead node meet. */
class HaproxyConfigTest {

    private static final ClusterCertificates TLS = new ClusterCertificates(Path.of("/tls/ca.pem"),
            Path.of("/tls/server-chain.pem"), Path.of("/tls/server-key.pem"), Path.of("/tls/haproxy.pem"));
    private static final List<HaproxyConfig.Backend> NODES = List.of(
            new HaproxyConfig.Backend("node1", 9443, 9001), new HaproxyConfig.Backend("node2", 9444, 9002));

    private static List<String> lines(String cfg) {
        return cfg.lines().map(String::strip).toList();
    }

    @Nested
    class GivenTwoNodes {

        private final String cfg = HaproxyConfig.render(8443, TLS, NODES);

        @Test
        void thenBrowsersGetTlsOnTheLoadBalancersPortOnly() {
            assertThat(lines(cfg)).contains("bind 127.0.0.1:8443 ssl crt /tls/haproxy.pem alpn http/1.1");
            assertThat(lines(cfg).stream().filter(line -> line.startsWith("bind "))).hasSize(1);
        }

        @Test
        void thenEachNodeIsReachedOverTlsWithItsCertificateCheckedAndUsedOnlyWhileReady() {
            assertThat(lines(cfg)).contains(
                    "default-server inter 1s fall 2 rise 2 ssl verify required ca-file /tls/ca.pem sni str(localhost)"
                            + " verifyhost localhost",
                    "option httpchk GET /health/ready",
                    "http-check expect status 200",
                    "server node1 127.0.0.1:9443 check port 9001 no-check-ssl cookie node1",
                    "server node2 127.0.0.1:9444 check port 9002 no-check-ssl cookie node2");
        }

        @Test
        void thenForwardedHeadersAreHaproxysOwnWhateverTheClientSent() {
            List<String> lines = lines(cfg);
            for (String header : List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Port",
                    "X-Forwarded-Proto")) {
                assertThat(lines).contains("http-request del-header " + header);
            }
            assertThat(lines.indexOf("http-request del-header X-Forwarded-For"))
                    .isLessThan(lines.indexOf("option forwardfor"));
            assertThat(lines).contains("http-request set-header X-Forwarded-Proto https",
                    "http-request set-header X-Forwarded-Port 8443");
        }

        @Test
        void thenABrowserStaysOnItsNodeAndMovesWhenThatNodeIsDown() {
            assertThat(lines(cfg)).contains(
                    "cookie KC_ROUTE insert indirect nocache httponly secure attr \"SameSite=None\"",
                    "option redispatch 1", "retries 3");
        }

        @Test
        void thenWhenNoNodeIsReadyTheNodesThatAreAliveServeRatherThanNone() {
            List<String> lines = lines(cfg);
            assertThat(lines).contains("use_backend keycloak-nodes-alive if { nbsrv(keycloak-nodes) eq 0 }",
                    "default_backend keycloak-nodes", "backend keycloak-nodes-alive", "option httpchk GET /health/live");
            assertThat(lines.subList(lines.indexOf("backend keycloak-nodes-alive"), lines.size())).contains(
                    "server node1 127.0.0.1:9443 check port 9001 no-check-ssl cookie node1",
                    "server node2 127.0.0.1:9444 check port 9002 no-check-ssl cookie node2");
        }

        @Test
        void thenHaproxyItselfAcceptsIt(@TempDir Path dir) throws Exception {
            Path haproxy = Path.of("/usr/sbin/haproxy");
            assumeThat(Files.isExecutable(haproxy)).as("Debian's haproxy is installed").isTrue();
            ClusterCertificates tls = ClusterCertificates.generate(dir);
            Path file = dir.resolve("haproxy.cfg");
            Files.writeString(file, HaproxyConfig.render(8443, tls, NODES), StandardCharsets.UTF_8);

            Process check = new ProcessBuilder(haproxy.toString(), "-c", "-f", file.toString())
                    .redirectErrorStream(true).start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(check.waitFor()).as(output).isZero();
            assertThat(output).doesNotContainIgnoringCase("warning");
        }
    }
}
