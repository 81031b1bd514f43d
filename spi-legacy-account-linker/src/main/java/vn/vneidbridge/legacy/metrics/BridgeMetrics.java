package vn.vneidbridge.legacy.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import vn.vneidbridge.legacy.password.HashKind;

/**
 * VNeID Bridge's counters in Keycloak's Micrometer registry, on the management port's {@code /metrics} when
 * Keycloak runs with {@code --metrics-enabled=true}:
 * <ul>
 *   <li>{@code vneid_bridge_links_total{method}} — accounts linked to VNeID ({@code verified_cccd},
 *       {@code password_and_registry}, {@code idp_link}, {@code review}, {@code first_login});</li>
 *   <li>{@code vneid_bridge_link_conflicts_total} — VNeID logins refused because several accounts match;</li>
 *   <li>{@code vneid_bridge_link_refusals_total{reason}} — other refused links;</li>
 *   <li>{@code vneid_bridge_webhook_deliveries_total{outcome}} — webhook attempts ({@code delivered},
 *       {@code retry}, {@code failed});</li>
 *   <li>{@code vneid_bridge_password_hash_work_total{kind}} — password hashes the portal-account login computed,
 *       by {@link HashKind} ({@code realm-policy}, {@code bcrypt}, {@code pbkdf2-sha256}, {@code sha256-salted},
 *       {@code md5}, {@code legacy-dummy}).</li>
 * </ul>
 * Tag values come from fixed sets only, never from user input.
 */
public final class BridgeMetrics {

    public static final String LINKS = "vneid.bridge.links";
    public static final String CONFLICTS = "vneid.bridge.link.conflicts";
    public static final String REFUSALS = "vneid.bridge.link.refusals";
    public static final String DELIVERIES = "vneid.bridge.webhook.deliveries";
    public static final String PASSWORD_HASH_WORK = "vneid.bridge.password.hash.work";

    private BridgeMetrics() {
    }

    /** Registers every counter at zero, so dashboards see them before the first link. */
    public static void register() {
        Counter.builder(CONFLICTS).description("VNeID logins refused: several accounts hold the id number")
                .register(Metrics.globalRegistry);
        for (String outcome : new String[] {"delivered", "retry", "failed"}) {
            deliveries(outcome);
        }
        for (HashKind kind : HashKind.values()) {
            passwordHashes(kind);
        }
    }

    /** One password hash of the portal-account login. */
    public static void passwordHashWork(HashKind kind) {
        passwordHashes(kind).increment();
    }

    private static Counter passwordHashes(HashKind kind) {
        return Counter.builder(PASSWORD_HASH_WORK).description("Password hashes computed by the portal-account login")
                .tag("kind", kind.code()).register(Metrics.globalRegistry);
    }

    public static void link(String method) {
        Counter.builder(LINKS).description("Accounts linked to VNeID").tag("method", method)
                .register(Metrics.globalRegistry).increment();
    }

    public static void conflict() {
        Counter.builder(CONFLICTS).description("VNeID logins refused: several accounts hold the id number")
                .register(Metrics.globalRegistry).increment();
    }

    public static void refusal(String reason) {
        Counter.builder(REFUSALS).description("VNeID links refused").tag("reason", reason)
                .register(Metrics.globalRegistry).increment();
    }

    public static void delivery(String outcome) {
        deliveries(outcome).increment();
    }

    private static Counter deliveries(String outcome) {
        return Counter.builder(DELIVERIES).description("Link event webhook delivery attempts").tag("outcome", outcome)
                .register(Metrics.globalRegistry);
    }
}
