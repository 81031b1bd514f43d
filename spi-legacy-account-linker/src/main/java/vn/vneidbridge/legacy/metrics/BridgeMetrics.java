package vn.vneidbridge.legacy.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import vn.vneidbridge.legacy.password.HashKind;

/**
 * The linking's counters in Keycloak's Micrometer registry, on the management port's {@code /metrics} when
 * Keycloak runs with {@code --metrics-enabled=true} (the operations' own — webhook deliveries and backlog, the
 * migration's progress — are module {@code spi-migration-operations}' {@code OperationsMetrics}):
 * <ul>
 *   <li>{@code vneid_bridge_links_total{method}} — accounts linked to VNeID ({@code verified_cccd},
 *       {@code password_and_registry}, {@code idp_link}, {@code review}, {@code first_login});</li>
 *   <li>{@code vneid_bridge_link_conflicts_total} — VNeID logins refused because several accounts match;</li>
 *   <li>{@code vneid_bridge_link_refusals_total{reason}} — other refused links;</li>
 *   <li>{@code vneid_bridge_password_hash_work_total{kind}} — password hashes the portal-account login computed,
 *       by {@link HashKind} ({@code realm-policy}, {@code bcrypt}, {@code pbkdf2-sha256}, {@code sha256-salted},
 *       {@code md5}, {@code legacy-dummy});</li>
 *   <li>{@code vneid_bridge_dependency_up{dependency="legacy_db"}} — 1 when the legacy database answered its last
 *       query (a login's lookup or the progress refresh), 0 when it did not, NaN before the first;</li>
 *   <li>{@code vneid_legacy_lookup_by_cccd_seconds{outcome}} — the first VNeID login's lookup of legacy accounts by
 *       its id number ({@link LegacyLookupTimers}).</li>
 * </ul>
 * Tag values come from fixed sets only, never from user input.
 */
public final class BridgeMetrics {

    public static final String LINKS = "vneid.bridge.links";
    public static final String CONFLICTS = "vneid.bridge.link.conflicts";
    public static final String REFUSALS = "vneid.bridge.link.refusals";
    public static final String PASSWORD_HASH_WORK = "vneid.bridge.password.hash.work";
    public static final String DEPENDENCY_UP = "vneid.bridge.dependency.up";

    /** The link methods and link refusal reasons, registered at zero. */
    private static final List<String> LINK_METHODS = List.of("verified_cccd", "password_and_registry", "idp_link",
            "review", "first_login");
    private static final List<String> REFUSAL_REASONS = List.of("administrator", "account_disabled",
            "legacy_database_unavailable", "population_registry_unavailable", "registry_mismatch", "wrong_password",
            "invalid_id_number", "other");

    private static final AtomicInteger LEGACY_DB_UP = new AtomicInteger(-1);

    private BridgeMetrics() {
    }

    /** Registers every counter at zero, so dashboards see them before the first link; registering again is harmless (the gauge is registered once). */
    public static void register() {
        MeterRegistry meters = Metrics.globalRegistry;
        // a gauge registered again logs a warning (counters and timers do not): registered once
        if (meters.find(DEPENDENCY_UP).tag("dependency", "legacy_db").gauge() == null) {
            Gauge.builder(DEPENDENCY_UP, LEGACY_DB_UP, value -> value.get() < 0 ? Double.NaN : value.get())
                    .description("1 when the dependency answered its last call, 0 when it did not")
                    .tag("dependency", "legacy_db").strongReference(true).register(meters);
        }
        new LegacyLookupTimers(meters);
        Counter.builder(CONFLICTS).description("VNeID logins refused: several accounts hold the id number")
                .register(Metrics.globalRegistry);
        for (String method : LINK_METHODS) {
            links(method);
        }
        for (String reason : REFUSAL_REASONS) {
            refusals(reason);
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
        links(method).increment();
    }

    private static Counter links(String method) {
        return Counter.builder(LINKS).description("Accounts linked to VNeID").tag("method", method)
                .register(Metrics.globalRegistry);
    }

    public static void conflict() {
        Counter.builder(CONFLICTS).description("VNeID logins refused: several accounts hold the id number")
                .register(Metrics.globalRegistry).increment();
    }

    public static void refusal(String reason) {
        refusals(reason).increment();
    }

    private static Counter refusals(String reason) {
        return Counter.builder(REFUSALS).description("VNeID links refused").tag("reason", reason)
                .register(Metrics.globalRegistry);
    }

    /** The legacy database answered (true) or failed (false). */
    public static void legacyDatabase(boolean up) {
        LEGACY_DB_UP.set(up ? 1 : 0);
    }
}
