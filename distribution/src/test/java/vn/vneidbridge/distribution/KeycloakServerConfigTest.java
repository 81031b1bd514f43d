package vn.vneidbridge.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeycloakServerConfigTest {

    private KeycloakServerConfig.Builder valid() {
        return KeycloakServerConfig.builder().name("sandbox").distributionZip(Path.of("kc.zip"))
                .serversDir(Path.of("servers")).httpPort(8080).managementPort(9000);
    }

    @Test
    void defaultsAreASingleLocalNodeOnH2WithHealthAndMetrics() {
        KeycloakServerConfig config = valid().build();

        assertThat(config.buildOptions()).containsEntry("db", "dev-file").containsEntry("health-enabled", "true")
                .containsEntry("metrics-enabled", "true");
        assertThat(config.runtimeOptions()).containsEntry("cache", "local").containsEntry("http-enabled", "true");
        assertThat(config.freshData()).isTrue();
        assertThat(config.instanceDir()).isEqualTo(Path.of("servers", "sandbox"));
    }

    @Test
    void keycloaksEventLoggerWritesEveryEventAtDebugAndEventsAreCountedInTheMetrics() {
        KeycloakServerConfig config = valid().build();

        assertThat(config.runtimeOptions())
                .containsEntry("spi-events-listener--jboss-logging--error-level", "debug")
                .containsEntry("spi-events-listener--jboss-logging--success-level", "debug");
        assertThat(config.buildOptions()).containsEntry("event-metrics-user-enabled", "true");
    }

    @Test
    void theOperatorsGuideGivesProductionTheSameEventLoggerOptions() throws Exception {
        String guide = Files.readString(Path.of("..", "docs", "operators.md"), StandardCharsets.UTF_8);

        assertThat(guide).contains("## Logs and personal data");
        KeycloakServerConfig.EVENT_LOGGER_AT_DEBUG.forEach((option, value) ->
                assertThat(guide).as(option).contains(option + "=" + value));
    }

    @Test
    void aNameThatIsNotASafeFolderNameIsRefused() {
        assertThatThrownBy(() -> valid().name("../etc").build()).hasMessageContaining("server name");
        assertThatThrownBy(() -> valid().name(null).build()).hasMessageContaining("server name");
    }

    @Test
    void portsMustBeValidAndDistinct() {
        assertThatThrownBy(() -> valid().httpPort(0).build()).hasMessageContaining("httpPort");
        assertThatThrownBy(() -> valid().managementPort(70000).build()).hasMessageContaining("managementPort");
        assertThatThrownBy(() -> valid().managementPort(8080).build()).hasMessageContaining("must differ");
    }

    @Test
    void realmsAreImportedAsTheyAreUnlessAReplacementIsAsked() {
        assertThat(valid().build().realmReplacements()).isEmpty();
        assertThat(valid().replaceInRealms("http://localhost:8080/", "http://localhost:8180/").build()
                .realmReplacements()).containsExactly(Map.entry("http://localhost:8080/", "http://localhost:8180/"));
        assertThatThrownBy(() -> valid().replaceInRealms("", "x")).hasMessageContaining("realm replacement");
        assertThatThrownBy(() -> valid().replaceInRealms("x", null)).hasMessageContaining("realm replacement");
    }

    @Test
    void aNullOptionValueRemovesTheDefault() {
        assertThat(valid().buildOption("metrics-enabled", null).build().buildOptions())
                .doesNotContainKey("metrics-enabled");
    }
}
