package vn.vneidbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code --https-port}, {@code --ca-port} and {@code --remote-signing-port}: Keycloak's HTTPS listener, the test CA of
 * "Usb ký số" and the stand-in of VNPT SmartCA ("Sim ký số"), which serves HTTPS with that CA's certificate.
 */
class SandboxHttpsOptionsTest {

    private static final String[] REQUIRED = {"--keycloak-zip=k.zip", "--providers-bundle=p.zip",
            "--sandbox-bundle=s.zip", "--servers-dir=servers"};

    private static SandboxOptions parse(String... more) {
        String[] args = java.util.Arrays.copyOf(REQUIRED, REQUIRED.length + more.length);
        System.arraycopy(more, 0, args, REQUIRED.length, more.length);
        return SandboxOptions.parse(args);
    }

    @Nested
    class GivenNoOption {

        @Test
        void thenHttpsIsOnPort8443AndTheCrlServerOn8084() {
            SandboxOptions options = parse();

            assertThat(options.https()).isTrue();
            assertThat(options.httpsPort()).isEqualTo(8443);
            assertThat(options.caPort()).isEqualTo(8084);
        }

        @Test
        void thenTheVnptSmartCaStandInRunsOn8085() {
            SandboxOptions options = parse();

            assertThat(options.remoteSigning()).isTrue();
            assertThat(options.remoteSigningPort()).isEqualTo(8085);
        }
    }

    @Nested
    class GivenOtherPorts {

        @Test
        void thenTheyAreTaken() {
            SandboxOptions options = parse("--https-port=9443", "--ca-port=9084");

            assertThat(options.httpsPort()).isEqualTo(9443);
            assertThat(options.caPort()).isEqualTo(9084);
        }

        @Test
        void thenHttpsPort0TurnsHttpsAndTheCaOff() {
            assertThat(parse("--https-port=0").https()).isFalse();
        }

        @Test
        void thenTheStandInFollowsItsPortAndHttps() {
            assertThat(parse("--remote-signing-port=9085").remoteSigningPort()).isEqualTo(9085);
            assertThat(parse("--remote-signing-port=0").remoteSigning()).isFalse();
            assertThat(parse("--remote-signing-port=0").https()).as("HTTPS stays on").isTrue();
            assertThat(parse("--https-port=0").remoteSigning()).as("no CA, no server certificate").isFalse();
            assertThatThrownBy(() -> parse("--remote-signing-port=smartca"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a TCP port");
        }

        @Test
        void thenAPortThatIsNoneIsRefused() {
            assertThatThrownBy(() -> parse("--https-port=https")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a TCP port");
            assertThatThrownBy(() -> parse("--ca-port=0")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a TCP port");
        }
    }

    @Test
    void theUsageNamesTheOptions() {
        assertThat(SandboxOptions.USAGE).contains("--https-port=8443").contains("--ca-port=8084")
                .contains("--remote-signing-port=8085");
    }
}
