package vn.vneidbridge.sandbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The cluster command's options, as Maven's {@code -Dcluster.args} hands them over. */
class ClusterOptionsTest {

    private static final String[] REQUIRED = {"--keycloak-zip=/k.zip", "--providers-bundle=/p.zip",
            "--sandbox-bundle=/s.zip", "--servers-dir=/servers"};

    @Nested
    class GivenOnlyWhatMavenPasses {

        @Test
        void thenHaproxyListensOn8443AndThePortalOn8081FromTheSeeds() {
            ClusterOptions options = ClusterOptions.parse(REQUIRED);

            assertThat(options.lbPort()).isEqualTo(8443);
            assertThat(options.portalPort()).isEqualTo(8081);
            assertThat(options.registryPort()).isEqualTo(8082);
            assertThat(options.keepData()).isFalse();
            assertThat(options.serversDir()).isEqualTo(Path.of("/servers"));
        }
    }

    @Nested
    class GivenMovedPortsOrMistakes {

        @Test
        void thenPortsAndKeepDataAreTaken() {
            String[] args = {REQUIRED[0], REQUIRED[1], REQUIRED[2], REQUIRED[3], "--lb-port=9443", "--keep-data", ""};

            ClusterOptions options = ClusterOptions.parse(args);

            assertThat(options.lbPort()).isEqualTo(9443);
            assertThat(options.keepData()).isTrue();
        }

        @Test
        void thenAnUnknownOptionOrABadPortIsRefused() {
            assertThatThrownBy(() -> ClusterOptions.parse(REQUIRED[0], REQUIRED[1], REQUIRED[2], REQUIRED[3],
                    "--keycloak-port=8080")).hasMessageContaining("unknown option");
            assertThatThrownBy(() -> ClusterOptions.parse(REQUIRED[0], REQUIRED[1], REQUIRED[2], REQUIRED[3],
                    "--lb-port=70000")).hasMessageContaining("not a TCP port");
            assertThatThrownBy(() -> ClusterOptions.parse("--lb-port=8443")).hasMessageContaining("is required");
        }
    }
}
