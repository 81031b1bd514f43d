package vn.vneidbridge.legacy.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 *       {@code md5}, {@code legacy-dummy});</li>
 *   <li>{@code vneid_bridge_migration_accounts{realm,state,account_type,province}},
 *       {@code vneid_bridge_migration_conflicts{realm,province}},
 *       {@code vneid_bridge_migration_not_imported{realm,account_type}} — the migration's progress
 *       ({@link MigrationGauges}), recomputed on a schedule, never per scrape;
 *       {@code vneid_bridge_migration_refreshed_timestamp_seconds} — when that last succeeded;</li>
 *   <li>{@code vneid_bridge_webhook_backlog{status}} — outbox rows {@code pending} and {@code failed};
 *       {@code vneid_bridge_webhook_oldest_pending_age_seconds} — the age of the oldest pending one (0 when none);</li>
 *   <li>{@code vneid_bridge_dependency_up{dependency="legacy_db"}} — 1 when the legacy database answered its last
 *       query (a login's lookup or the progress refresh), 0 when it did not, NaN before the first;</li>
 *   <li>{@code vneid_legacy_lookup_by_cccd_seconds{outcome}} — the first VNeID login's lookup of legacy accounts by
 *       its id number ({@link LegacyLookupTimers}).</li>
 * </ul>
 * Tag values come from fixed sets only (realm names are the operator's), never from user input.
 */
public final class BridgeMetrics {

    public static final String LINKS = "vneid.bridge.links";
    public static final String CONFLICTS = "vneid.bridge.link.conflicts";
    public static final String REFUSALS = "vneid.bridge.link.refusals";
    public static final String DELIVERIES = "vneid.bridge.webhook.deliveries";
    public static final String PASSWORD_HASH_WORK = "vneid.bridge.password.hash.work";
    public static final String MIGRATION_ACCOUNTS = "vneid.bridge.migration.accounts";
    public static final String MIGRATION_CONFLICTS = "vneid.bridge.migration.conflicts";
    public static final String MIGRATION_NOT_IMPORTED = "vneid.bridge.migration.not.imported";
    public static final String MIGRATION_REFRESHED = "vneid.bridge.migration.refreshed.timestamp.seconds";
    public static final String WEBHOOK_BACKLOG = "vneid.bridge.webhook.backlog";
    public static final String WEBHOOK_OLDEST_PENDING = "vneid.bridge.webhook.oldest.pending.age.seconds";
    public static final String DEPENDENCY_UP = "vneid.bridge.dependency.up";

    /** The link methods and link refusal reasons, registered at zero. */
    private static final List<String> LINK_METHODS = List.of("verified_cccd", "password_and_registry", "idp_link",
            "review", "first_login");
    private static final List<String> REFUSAL_REASONS = List.of("administrator", "account_disabled",
            "legacy_database_unavailable", "population_registry_unavailable", "registry_mismatch", "wrong_password",
            "invalid_id_number", "other");

    private static final AtomicInteger LEGACY_DB_UP = new AtomicInteger(-1);
    private static final AtomicInteger PENDING_DELIVERIES = new AtomicInteger();
    private static final AtomicInteger FAILED_DELIVERIES = new AtomicInteger();
    private static final AtomicLong OLDEST_PENDING_SECONDS = new AtomicLong();
    private static final AtomicLong REFRESHED_AT = new AtomicLong();
    private static volatile Migration migration;

    private BridgeMetrics() {
    }

    /** Registers every counter at zero, so dashboards see them before the first link. */
    public static void register() {
        MeterRegistry meters = Metrics.globalRegistry;
        Gauge.builder(DEPENDENCY_UP, LEGACY_DB_UP, value -> value.get() < 0 ? Double.NaN : value.get())
                .description("1 when the dependency answered its last call, 0 when it did not")
                .tag("dependency", "legacy_db").strongReference(true).register(meters);
        Gauge.builder(WEBHOOK_BACKLOG, PENDING_DELIVERIES, AtomicInteger::get)
                .description("Link event deliveries in the outbox, by status").tag("status", "pending")
                .strongReference(true).register(meters);
        Gauge.builder(WEBHOOK_BACKLOG, FAILED_DELIVERIES, AtomicInteger::get)
                .description("Link event deliveries in the outbox, by status").tag("status", "failed")
                .strongReference(true).register(meters);
        Gauge.builder(WEBHOOK_OLDEST_PENDING, OLDEST_PENDING_SECONDS, AtomicLong::get)
                .description("Age of the oldest pending link event delivery (0 when none)")
                .strongReference(true).register(meters);
        Gauge.builder(MIGRATION_REFRESHED, REFRESHED_AT, AtomicLong::get)
                .description("When the migration progress gauges were last recomputed (epoch seconds, 0 never)")
                .strongReference(true).register(meters);
        migration = new Migration(meters);
        new LegacyLookupTimers(meters);
        Counter.builder(CONFLICTS).description("VNeID logins refused: several accounts hold the id number")
                .register(Metrics.globalRegistry);
        for (String method : LINK_METHODS) {
            links(method);
        }
        for (String reason : REFUSAL_REASONS) {
            refusals(reason);
        }
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

    public static void delivery(String outcome) {
        deliveries(outcome).increment();
    }

    private static Counter deliveries(String outcome) {
        return Counter.builder(DELIVERIES).description("Link event webhook delivery attempts").tag("outcome", outcome)
                .register(Metrics.globalRegistry);
    }

    /** The legacy database answered (true) or failed (false). */
    public static void legacyDatabase(boolean up) {
        LEGACY_DB_UP.set(up ? 1 : 0);
    }

    /** The outbox now: pending and failed rows, the age of the oldest pending one. */
    public static void webhookBacklog(long pending, long failed, long oldestPendingSeconds) {
        PENDING_DELIVERIES.set((int) Math.min(Integer.MAX_VALUE, pending));
        FAILED_DELIVERIES.set((int) Math.min(Integer.MAX_VALUE, failed));
        OLDEST_PENDING_SECONDS.set(Math.max(0, oldestPendingSeconds));
    }

    /** The progress of every bridge realm (replacing the last one's series), at {@code epochSeconds}. */
    public static void migration(List<RealmProgress> realms, long epochSeconds) {
        Migration current = migration;
        if (current != null) {
            current.publish(realms);
            REFRESHED_AT.set(epochSeconds);
        }
    }

    /** One realm's progress; {@code notImported} null when its legacy database did not answer. */
    public record RealmProgress(String realm, Map<MigrationGauges.Series, Long> accounts, Map<String, Long> conflicts,
                                Map<String, Long> notImported) {
    }

    /** The progress gauges: rows replaced at each refresh, so a series that is gone disappears. */
    private static final class Migration {
        private final MultiGauge accounts;
        private final MultiGauge conflicts;
        private final MultiGauge notImported;

        Migration(MeterRegistry meters) {
            accounts = MultiGauge.builder(MIGRATION_ACCOUNTS)
                    .description("Imported legacy accounts by migration state, account type and CCCD province")
                    .register(meters);
            conflicts = MultiGauge.builder(MIGRATION_CONFLICTS)
                    .description("Open conflicts (a VNeID identity matching several accounts) by province")
                    .register(meters);
            notImported = MultiGauge.builder(MIGRATION_NOT_IMPORTED)
                    .description("Legacy accounts never imported into Keycloak, by account type").register(meters);
        }

        void publish(List<RealmProgress> realms) {
            List<MultiGauge.Row<?>> accountRows = new ArrayList<>();
            List<MultiGauge.Row<?>> conflictRows = new ArrayList<>();
            List<MultiGauge.Row<?>> notImportedRows = new ArrayList<>();
            for (RealmProgress realm : realms) {
                realm.accounts().forEach((series, count) -> accountRows.add(MultiGauge.Row.of(Tags.of(
                        "realm", realm.realm(), "state", series.state(), "account_type", series.accountType(),
                        "province", series.province()), count)));
                realm.conflicts().forEach((province, count) -> conflictRows.add(MultiGauge.Row.of(Tags.of(
                        "realm", realm.realm(), "province", province), count)));
                if (realm.notImported() != null) {
                    realm.notImported().forEach((type, count) -> notImportedRows.add(MultiGauge.Row.of(Tags.of(
                            "realm", realm.realm(), "account_type", type), count)));
                }
            }
            accounts.register(accountRows, true);
            conflicts.register(conflictRows, true);
            notImported.register(notImportedRows, true);
        }
    }
}
