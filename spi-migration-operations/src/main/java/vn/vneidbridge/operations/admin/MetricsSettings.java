package vn.vneidbridge.operations.admin;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Server options of the bridge's gauges, {@code --spi-admin-realm-restapi-extension--vneid-bridge--<option>}: how
 * often each node recomputes the migration progress gauges (aggregate queries over Keycloak's users and the legacy
 * database) and the webhook backlog gauges (one query over the outbox). Never per scrape. 0 turns a refresh off;
 * a missing, negative or unreadable value takes the default.
 */
record MetricsSettings(int progressSeconds, int backlogSeconds) {

    static final MetricsSettings DEFAULTS = new MetricsSettings(300, 30);

    static final List<ProviderConfigProperty> METADATA = ProviderConfigurationBuilder.create()
            .property().name("metrics-refresh-seconds").type("int")
            .helpText("How often each node recomputes the migration progress gauges (seconds; 0 = never). Each run"
                    + " is a few aggregate queries over Keycloak's users and one over each legacy database.")
            .defaultValue(DEFAULTS.progressSeconds).add()
            .property().name("backlog-refresh-seconds").type("int")
            .helpText("How often each node recomputes the webhook backlog gauges (seconds; 0 = never).")
            .defaultValue(DEFAULTS.backlogSeconds).add()
            .build();

    static MetricsSettings from(Config.Scope config) {
        return new MetricsSettings(seconds(config, "metrics-refresh-seconds", DEFAULTS.progressSeconds),
                seconds(config, "backlog-refresh-seconds", DEFAULTS.backlogSeconds));
    }

    private static int seconds(Config.Scope config, String key, int fallback) {
        String value = config == null ? null : config.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            return parsed >= 0 ? parsed : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The first run: soon after start (so the gauges are not empty for a whole interval), never before 1 s. */
    static long firstRunMillis(int intervalSeconds) {
        return Math.min(intervalSeconds, 5) * 1000L;
    }
}
