package vn.vneidbridge.operations.metrics;

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

/**
 * The operations' meters in Keycloak's Micrometer registry, beside the linking's own
 * ({@code vn.vneidbridge.legacy.metrics.BridgeMetrics}):
 * <ul>
 *   <li>{@code vneid_bridge_webhook_deliveries_total{outcome}} — webhook attempts ({@code delivered},
 *       {@code retry}, {@code failed});</li>
 *   <li>{@code vneid_bridge_migration_accounts{realm,state,account_type,province}},
 *       {@code vneid_bridge_migration_conflicts{realm,province}},
 *       {@code vneid_bridge_migration_not_imported{realm,account_type}} — the migration's progress
 *       ({@link MigrationGauges}), recomputed on a schedule, never per scrape;
 *       {@code vneid_bridge_migration_refreshed_timestamp_seconds} — when that last succeeded;</li>
 *   <li>{@code vneid_bridge_webhook_backlog{status}} — outbox rows {@code pending} and {@code failed};
 *       {@code vneid_bridge_webhook_oldest_pending_age_seconds} — the age of the oldest pending one (0 when none).</li>
 * </ul>
 * Tag values come from fixed sets only (realm names are the operator's), never from user input.
 */
public final class OperationsMetrics {

    public static final String DELIVERIES = "vneid.bridge.webhook.deliveries";
    public static final String MIGRATION_ACCOUNTS = "vneid.bridge.migration.accounts";
    public static final String MIGRATION_CONFLICTS = "vneid.bridge.migration.conflicts";
    public static final String MIGRATION_NOT_IMPORTED = "vneid.bridge.migration.not.imported";
    public static final String MIGRATION_REFRESHED = "vneid.bridge.migration.refreshed.timestamp.seconds";
    public static final String WEBHOOK_BACKLOG = "vneid.bridge.webhook.backlog";
    public static final String WEBHOOK_OLDEST_PENDING = "vneid.bridge.webhook.oldest.pending.age.seconds";

    private static final AtomicInteger PENDING_DELIVERIES = new AtomicInteger();
    private static final AtomicInteger FAILED_DELIVERIES = new AtomicInteger();
    private static final AtomicLong OLDEST_PENDING_SECONDS = new AtomicLong();
    private static final AtomicLong REFRESHED_AT = new AtomicLong();
    private static volatile Migration migration;

    private OperationsMetrics() {
    }

    /** Registers every meter at zero, so dashboards see them before the first delivery. */
    public static void register() {
        MeterRegistry meters = Metrics.globalRegistry;
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
        for (String outcome : new String[] {"delivered", "retry", "failed"}) {
            deliveries(outcome);
        }
    }

    public static void delivery(String outcome) {
        deliveries(outcome).increment();
    }

    private static Counter deliveries(String outcome) {
        return Counter.builder(DELIVERIES).description("Link event webhook delivery attempts").tag("outcome", outcome)
                .register(Metrics.globalRegistry);
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
