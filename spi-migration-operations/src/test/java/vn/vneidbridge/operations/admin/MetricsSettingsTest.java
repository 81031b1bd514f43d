package vn.vneidbridge.operations.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;

class MetricsSettingsTest {

    @Test
    void anUnconfiguredServerRefreshesProgressEveryFiveMinutesAndTheBacklogEveryHalfMinute() {
        assertThat(MetricsSettings.from(null)).isEqualTo(new MetricsSettings(300, 30));
        assertThat(MetricsSettings.from(scope(Map.of()))).isEqualTo(MetricsSettings.DEFAULTS);
    }

    @Test
    void zeroTurnsARefreshOffAndUnreadableValuesTakeTheDefault() {
        assertThat(MetricsSettings.from(scope(Map.of("metrics-refresh-seconds", "0", "backlog-refresh-seconds", "x"))))
                .isEqualTo(new MetricsSettings(0, 30));
        assertThat(MetricsSettings.from(scope(Map.of("metrics-refresh-seconds", "-5", "backlog-refresh-seconds", " 2 "))))
                .isEqualTo(new MetricsSettings(300, 2));
    }

    @Test
    void theFirstRunComesSoonAfterStart() {
        assertThat(MetricsSettings.firstRunMillis(300)).isEqualTo(5000);
        assertThat(MetricsSettings.firstRunMillis(1)).isEqualTo(1000);
    }

    @Test
    void everyOptionIsListedForTheServerInfo() {
        assertThat(MetricsSettings.METADATA).extracting("name")
                .containsExactly("metrics-refresh-seconds", "backlog-refresh-seconds");
    }

    private static Config.Scope scope(Map<String, String> values) {
        return (Config.Scope) java.lang.reflect.Proxy.newProxyInstance(Config.Scope.class.getClassLoader(),
                new Class<?>[] {Config.Scope.class}, (proxy, method, args) -> {
                    if (method.getName().equals("get") && args != null && args.length >= 1) {
                        return values.get((String) args[0]);
                    }
                    return null;
                });
    }
}
