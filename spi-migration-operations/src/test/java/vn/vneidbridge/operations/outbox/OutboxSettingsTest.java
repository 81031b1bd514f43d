package vn.vneidbridge.operations.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;

class OutboxSettingsTest {

    @Test
    void anUnconfiguredServerHasTheDefaults() {
        assertThat(OutboxSettings.from(null)).isEqualTo(OutboxSettings.DEFAULTS);
        assertThat(OutboxSettings.from(scope(Map.of()))).isEqualTo(OutboxSettings.DEFAULTS);
    }

    @Test
    void optionsAreReadAndBadValuesFallBackToTheDefault() {
        OutboxSettings settings = OutboxSettings.from(scope(Map.of("poll-seconds", "1", "initial-backoff-seconds", "2",
                "max-attempts", "zero", "batch-size", "-3")));
        assertThat(settings.pollSeconds()).isEqualTo(1);
        assertThat(settings.initialBackoffSeconds()).isEqualTo(2);
        assertThat(settings.maxAttempts()).isEqualTo(OutboxSettings.DEFAULTS.maxAttempts());
        assertThat(settings.batchSize()).isEqualTo(OutboxSettings.DEFAULTS.batchSize());
    }

    @Test
    void privateWebhookAddressesAreRefusedUnlessTheServerSaysTrue() {
        assertThat(OutboxSettings.DEFAULTS.allowPrivateAddresses()).isFalse();
        assertThat(OutboxSettings.from(scope(Map.of("allow-private-addresses", "yes"))).allowPrivateAddresses())
                .isFalse();
        assertThat(OutboxSettings.from(scope(Map.of("allow-private-addresses", " TRUE "))).allowPrivateAddresses())
                .isTrue();
    }

    @Test
    void theBackoffDoublesFromTheInitialWaitUpToTheMaximum() {
        OutboxSettings settings = new OutboxSettings(5, 10, 60, 15, 20, 3000, 5000, false);
        assertThat(settings.backoffMillis(1)).isEqualTo(10_000);
        assertThat(settings.backoffMillis(2)).isEqualTo(20_000);
        assertThat(settings.backoffMillis(3)).isEqualTo(40_000);
        assertThat(settings.backoffMillis(4)).isEqualTo(60_000);
        assertThat(settings.backoffMillis(1000)).isEqualTo(60_000);
    }

    @Test
    void aMaximumBelowTheInitialWaitIsTheInitialWait() {
        assertThat(new OutboxSettings(5, 10, 1, 15, 20, 3000, 5000, false).backoffMillis(3)).isEqualTo(10_000);
    }

    @Test
    void everyOptionIsListedForTheServerConfiguration() {
        assertThat(OutboxSettings.METADATA).extracting(p -> p.getName()).containsExactly("poll-seconds",
                "initial-backoff-seconds", "max-backoff-seconds", "max-attempts", "batch-size",
                "connect-timeout-millis", "read-timeout-millis", "allow-private-addresses");
    }

    static Config.Scope scope(Map<String, String> values) {
        return new Config.Scope() {
            @Override public String get(String key) { return values.get(key); }
            @Override public String get(String key, String defaultValue) { return values.getOrDefault(key, defaultValue); }
            @Override public String[] getArray(String key) { return null; }
            @Override public Integer getInt(String key) { return null; }
            @Override public Integer getInt(String key, Integer defaultValue) { return defaultValue; }
            @Override public Long getLong(String key) { return null; }
            @Override public Long getLong(String key, Long defaultValue) { return defaultValue; }
            @Override public Boolean getBoolean(String key) { return null; }
            @Override public Boolean getBoolean(String key, Boolean defaultValue) { return defaultValue; }
            @Override public Config.Scope scope(String... scope) { return this; }
            @Override public Set<String> getPropertyNames() { return values.keySet(); }
            @Override public Config.Scope root() { return this; }
        };
    }
}
