package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.distribution.KeycloakServerConfig;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.WebClient;

/** The launcher: a second, stock server beside the suite's, build skipped on its second start, clean stop. */
@ExtendWith(TestKeycloak.class)
class LauncherIT {

    @Nested
    class GivenTheSuiteServerIsRunning {

        @Test
        void thenAStockServerRunsBesideItAndIsBuiltOnlyOnce(KeycloakServer ours) {
            KeycloakServerConfig stock = KeycloakServerConfig.builder()
                    .name("stock-launcher-it")
                    .distributionZip(ours.config().distributionZip())
                    .serversDir(ours.config().serversDir())
                    .httpPort(TestKeycloak.freePort())
                    .managementPort(TestKeycloak.freePort())
                    .importRealms(false)
                    .build();

            long firstPid;
            try (KeycloakServer first = KeycloakServer.start(stock)) {
                firstPid = first.pid();
                assertThat(status(first.baseUri().resolve("/realms/master/.well-known/openid-configuration")))
                        .isEqualTo(200);
                assertThat(status(first.baseUri().resolve("/realms/dvc/.well-known/openid-configuration")))
                        .as("a stock server has none of our realms").isEqualTo(404);
                assertThat(status(URI.create(ours.realmUri("dvc") + "/.well-known/openid-configuration")))
                        .as("the suite's server still answers").isEqualTo(200);
            }
            assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false))
                    .as("the stopped server's process is gone").isFalse();

            try (KeycloakServer second = KeycloakServer.start(stock)) {
                assertThat(second.built()).as("the second start skips kc.sh build").isFalse();
                assertThat(status(second.managementUri().resolve("/health/ready"))).isEqualTo(200);
            }
        }

        @Test
        void thenAPortInUseIsReportedBeforeAnythingStarts(KeycloakServer ours) {
            KeycloakServerConfig clash = KeycloakServerConfig.builder()
                    .name("clash-launcher-it")
                    .distributionZip(ours.config().distributionZip())
                    .serversDir(Path.of(ours.config().serversDir().toString()))
                    .httpPort(ours.config().httpPort())
                    .managementPort(TestKeycloak.freePort())
                    .build();

            assertThatThrownBy(() -> KeycloakServer.start(clash))
                    .hasMessageContaining("port " + ours.config().httpPort() + " is already in use");
        }
    }

    private static int status(URI uri) {
        HttpResponse<String> response = new WebClient().get(uri);
        return response.statusCode();
    }
}
