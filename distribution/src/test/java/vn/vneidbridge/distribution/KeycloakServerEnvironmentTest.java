package vn.vneidbridge.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link KeycloakServerConfig.Builder#environment}: the variables reach both Keycloak processes, {@code kc.sh build}
 * and {@code kc.sh start}. The distribution here is a stand-in whose {@code kc.sh} writes its environment to a file
 * named after its command and exits, so the start fails after both have run.
 */
class KeycloakServerEnvironmentTest {

    @TempDir
    Path tmp;

    @Nested
    class GivenEnvironmentVariables {

        @Test
        void thenKcShBuildAndKcShStartBothSeeThem() throws IOException {
            KeycloakServerConfig config = config()
                    .environment("DVC_VNEID_CLIENT_ID", "dvc-production")
                    .environment("DVC_PORTAL_DVCQG_BASE_URL", "https://dichvucong.example/")
                    .build();

            assertThatThrownBy(() -> KeycloakServer.start(config)).hasMessageContaining("exited with code 0");

            for (String command : new String[] {"build", "start"}) {
                assertThat(env(config, command)).as(command)
                        .contains("DVC_VNEID_CLIENT_ID=dvc-production\n")
                        .contains("DVC_PORTAL_DVCQG_BASE_URL=https://dichvucong.example/\n");
            }
        }

        @Test
        void thenANullValueRemovesOneSetBefore() {
            assertThat(config().environment("DVC_X", "1").environment("DVC_X", null).build().environment())
                    .doesNotContainKey("DVC_X");
        }

        @Test
        void thenANameThatIsNoVariableNameIsRefused() {
            assertThatThrownBy(() -> config().environment("DVC X", "1")).hasMessageContaining("environment variable");
            assertThatThrownBy(() -> config().environment("A=B", "1")).hasMessageContaining("environment variable");
        }
    }

    @Nested
    class GivenTheJvmOptions {

        @Test
        void thenTheServerJvmInlinesArgon2ByDefault() throws IOException {
            KeycloakServerConfig config = config().build();

            assertThatThrownBy(() -> KeycloakServer.start(config)).hasMessageContaining("exited with code 0");

            // kc.sh appends JAVA_OPTS_APPEND to the JVM's options
            assertThat(env(config, "start")).contains("JAVA_OPTS_APPEND=-XX:CompileCommand=quiet"
                    + " -XX:CompileCommand=inline,org.bouncycastle.crypto.generators.Argon2BytesGenerator::*\n");
        }

        @Test
        void thenEmptyOptionsLeaveJavaOptsAppendUnset() throws IOException {
            KeycloakServerConfig config = config().jvmOptions("").build();

            assertThatThrownBy(() -> KeycloakServer.start(config)).hasMessageContaining("exited with code 0");

            assertThat(env(config, "start")).doesNotContain("JAVA_OPTS_APPEND=");
        }
    }

    private KeycloakServerConfig.Builder config() {
        try {
            Path distribution = zip(tmp.resolve("keycloak-quarkus-dist-26.7.0.zip"), Map.of(
                    "keycloak-26.7.0/bin/kc.sh", "#!/bin/sh\nenv > \"$(dirname \"$0\")/../env-$1.txt\"\nexit 0\n",
                    "keycloak-26.7.0/conf/keycloak.conf", "# stock\n"));
            return KeycloakServerConfig.builder().name("env").distributionZip(distribution)
                    .serversDir(tmp.resolve("servers")).httpPort(freePort()).managementPort(freePort())
                    .importRealms(false);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String env(KeycloakServerConfig config, String command) throws IOException {
        return Files.readString(config.instanceDir().resolve("keycloak").resolve("env-" + command + ".txt"),
                StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path zip(Path file, Map<String, String> entries) throws IOException {
        if (Files.exists(file)) {
            return file;
        }
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }
}
