package vn.vneidbridge.operations.console;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The dashboard's heavy figures — the accounts' states over Keycloak's user attributes, the legacy databases' counts,
 * the 30 days' history — computed at most once per {@link #TTL} per realm on this node, however many operators (and
 * open tabs refreshing while a bulk job runs) ask: the queries scan whole tables, as the metrics task's do, which
 * refreshes every few minutes for the same reason. One request computes, the others of that realm wait for it and
 * share its answer; the bulk jobs' progress is read fresh on every request.
 *
 * @param <T> what is computed
 */
final class DashboardSnapshots<T> {

    static final Duration TTL = Duration.ofSeconds(30);

    /** What was computed, and when. */
    record Snapshot<T>(T figures, Instant at) {
    }

    private final Map<String, Snapshot<T>> byRealm = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Supplier<Instant> clock;

    DashboardSnapshots(Supplier<Instant> clock) {
        this.clock = clock;
    }

    /** The realm's figures, computed by {@code compute} unless a snapshot younger than {@link #TTL} exists. */
    Snapshot<T> of(String realmId, Supplier<T> compute) {
        Snapshot<T> fresh = fresh(realmId);
        if (fresh != null) {
            return fresh;
        }
        synchronized (locks.computeIfAbsent(realmId, id -> new Object())) {
            fresh = fresh(realmId);
            if (fresh == null) {
                fresh = new Snapshot<>(compute.get(), clock.get());
                byRealm.put(realmId, fresh);
            }
            return fresh;
        }
    }

    private Snapshot<T> fresh(String realmId) {
        Snapshot<T> snapshot = byRealm.get(realmId);
        return snapshot != null && snapshot.at().plus(TTL).isAfter(clock.get()) ? snapshot : null;
    }
}
