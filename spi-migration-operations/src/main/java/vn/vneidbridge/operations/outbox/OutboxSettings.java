package vn.vneidbridge.operations.outbox;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Server options of the link outbox, {@code --spi-events-listener--vneid-link-webhook--<option>}: how often the
 * outbox is polled, the back-off between attempts (doubling from the initial one up to the maximum), when a
 * delivery is given up, the HTTP timeouts, and whether webhooks may point at private addresses (see
 * {@link WebhookAddresses}; off, only a sandbox turns it on). A missing or unreadable value takes its default.
 */
record OutboxSettings(int pollSeconds, int initialBackoffSeconds, int maxBackoffSeconds, int maxAttempts,
                      int batchSize, int connectTimeoutMillis, int readTimeoutMillis, boolean allowPrivateAddresses) {

    static final OutboxSettings DEFAULTS = new OutboxSettings(5, 10, 3600, 15, 20, 3000, 5000, false);

    static final List<ProviderConfigProperty> METADATA = ProviderConfigurationBuilder.create()
            .property().name("poll-seconds").type("int").helpText("How often due deliveries are looked for (seconds).")
            .defaultValue(DEFAULTS.pollSeconds).add()
            .property().name("initial-backoff-seconds").type("int")
            .helpText("Wait after the first failed attempt (seconds); doubles after each further failure.")
            .defaultValue(DEFAULTS.initialBackoffSeconds).add()
            .property().name("max-backoff-seconds").type("int").helpText("Longest wait between two attempts (seconds).")
            .defaultValue(DEFAULTS.maxBackoffSeconds).add()
            .property().name("max-attempts").type("int")
            .helpText("Attempts before a delivery is marked FAILED (it stays listed for operators).")
            .defaultValue(DEFAULTS.maxAttempts).add()
            .property().name("batch-size").type("int").helpText("Deliveries sent per poll at most.")
            .defaultValue(DEFAULTS.batchSize).add()
            .property().name("connect-timeout-millis").type("int").helpText("Connect timeout of a delivery (ms).")
            .defaultValue(DEFAULTS.connectTimeoutMillis).add()
            .property().name("read-timeout-millis").type("int").helpText("Read timeout of a delivery (ms).")
            .defaultValue(DEFAULTS.readTimeoutMillis).add()
            .property().name("allow-private-addresses").type("boolean")
            .helpText("Let link webhooks reach loopback, link-local, private, multicast and other non-public"
                    + " addresses (a sandbox on one machine). Off: such webhooks are refused when configured and"
                    + " when delivered.")
            .defaultValue(DEFAULTS.allowPrivateAddresses).add()
            .build();

    static OutboxSettings from(Config.Scope config) {
        return new OutboxSettings(
                positive(config, "poll-seconds", DEFAULTS.pollSeconds),
                positive(config, "initial-backoff-seconds", DEFAULTS.initialBackoffSeconds),
                positive(config, "max-backoff-seconds", DEFAULTS.maxBackoffSeconds),
                positive(config, "max-attempts", DEFAULTS.maxAttempts),
                positive(config, "batch-size", DEFAULTS.batchSize),
                positive(config, "connect-timeout-millis", DEFAULTS.connectTimeoutMillis),
                positive(config, "read-timeout-millis", DEFAULTS.readTimeoutMillis),
                config != null && "true".equalsIgnoreCase(trimmed(config.get("allow-private-addresses"))));
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }

    private static int positive(Config.Scope config, String key, int fallback) {
        if (config == null) {
            return fallback;
        }
        String value = config.get(key);
        try {
            int parsed = value == null ? fallback : Integer.parseInt(value.trim());
            return parsed > 0 ? parsed : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * The wait after the {@code attempts}-th failed attempt: initial, then doubled each time, never more than
     * the maximum.
     */
    long backoffMillis(int attempts) {
        long initial = initialBackoffSeconds * 1000L;
        long max = Math.max(initial, maxBackoffSeconds * 1000L);
        long delay = initial;
        for (int i = 1; i < attempts && delay < max; i++) {
            delay *= 2;
        }
        return Math.min(delay, max);
    }

    /** How long a claimed delivery is reserved for the poller that took it (a crash mid-send frees it then). */
    long leaseMillis() {
        return (long) batchSize * (connectTimeoutMillis + readTimeoutMillis) + 30_000L;
    }
}
