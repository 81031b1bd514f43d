package vn.vneidbridge.core.limit;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * The store, not the thing under test: Keycloak's single-use store as Infinispan behaves, in memory — entries live
 * for their lifespan on a clock the test moves, {@code putIfAbsent} and {@code remove} are atomic. Two
 * {@link AttemptSlots} over one instance are two nodes of one cluster.
 */
final class InMemorySingleUseObjects implements SingleUseObjectProvider {

    private record Entry(Map<String, String> notes, long expiresAtMillis) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong nowMillis = new AtomicLong(1_000_000);
    final AtomicLong writes = new AtomicLong();
    final AtomicLong reads = new AtomicLong();

    void advanceSeconds(long seconds) {
        nowMillis.addAndGet(seconds * 1000);
    }

    /** Moves the time to {@code seconds} after the start of the next whole {@code window}-second window. */
    void toWindowStartPlus(long window, long seconds) {
        long now = nowMillis.get() / 1000;
        nowMillis.set(((now / window + 1) * window + seconds) * 1000);
    }

    Map<String, ?> live() {
        entries.values().removeIf(this::expired);
        return Map.copyOf(entries);
    }

    private boolean expired(Entry entry) {
        return entry.expiresAtMillis() <= nowMillis.get();
    }

    private static long lifespan(long seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException("lifespan must be positive");
        }
        return seconds * 1000;
    }

    @Override
    public void put(String key, long lifespanSeconds, Map<String, String> notes) {
        Objects.requireNonNull(key);
        entries.put(key, new Entry(notes, nowMillis.get() + lifespan(lifespanSeconds)));
    }

    @Override
    public Map<String, String> get(String key) {
        Entry entry = entries.get(Objects.requireNonNull(key));
        return entry == null || expired(entry) ? null : entry.notes();
    }

    @Override
    public Map<String, String> remove(String key) {
        Entry entry = entries.remove(Objects.requireNonNull(key));
        return entry == null || expired(entry) ? null : entry.notes();
    }

    @Override
    public boolean replace(String key, Map<String, String> notes) {
        Objects.requireNonNull(key);
        return entries.computeIfPresent(key, (k, old) -> expired(old) ? null : new Entry(notes, old.expiresAtMillis()))
                != null;
    }

    @Override
    public boolean putIfAbsent(String key, long lifespanInSeconds) {
        Objects.requireNonNull(key);
        long expires = nowMillis.get() + lifespan(lifespanInSeconds);
        writes.incrementAndGet();
        AtomicBoolean added = new AtomicBoolean();
        entries.compute(key, (k, old) -> {
            if (old == null || expired(old)) {
                added.set(true);
                return new Entry(Map.of(), expires);
            }
            return old;
        });
        return added.get();
    }

    @Override
    public boolean contains(String key) {
        reads.incrementAndGet();
        Entry entry = entries.get(Objects.requireNonNull(key));
        return entry != null && !expired(entry);
    }

    @Override
    public void close() {
    }
}
