package vn.vneidbridge.cccd.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Recent definite answers (match, mismatch, not found — never unavailable), for {@code ttl}. Keys are the
 * SHA-256 of a per-cache random salt and the normalised query, so no id number is ever a key; at most
 * {@code maxEntries} are kept (oldest evicted), and expired entries are dropped on every access, so a
 * cached record does not outlive its TTL by more than the time to the next lookup. Thread-safe.
 */
final class ResultCache {

    /** Default bound on the number of cached answers. */
    static final int DEFAULT_MAX_ENTRIES = 10_000;

    private record Entry(RegistryResult result, Instant expiresAt) {
    }

    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final byte[] salt = new byte[16];
    /** Insertion order is expiry order, as the TTL is the same for every entry. */
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    ResultCache(Duration ttl, int maxEntries, Clock clock) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    synchronized Optional<RegistryResult> get(RegistryQuery query) {
        dropExpired();
        Entry entry = entries.get(keyFor(query));
        return entry == null ? Optional.empty() : Optional.of(entry.result());
    }

    /** Caches a definite answer; an {@link RegistryResult.Unavailable} is ignored. */
    synchronized void put(RegistryQuery query, RegistryResult result) {
        if (result instanceof RegistryResult.Unavailable) {
            return;
        }
        dropExpired();
        String key = keyFor(query);
        entries.remove(key);
        entries.put(key, new Entry(result, clock.instant().plus(ttl)));
        Iterator<String> oldest = entries.keySet().iterator();
        while (entries.size() > maxEntries) {
            oldest.next();
            oldest.remove();
        }
    }

    synchronized int size() {
        dropExpired();
        return entries.size();
    }

    synchronized void clear() {
        entries.clear();
    }

    /** The cache key: hex SHA-256 of the salt and the query's normalised fields. */
    String keyFor(RegistryQuery query) {
        String normalised = String.join("\u0000",
                RegistryWireFormat.idNumber(query),
                RegistryWireFormat.fullName(query),
                RegistryWireFormat.birthDate(query),
                RegistryWireFormat.cmnd(query).orElse(""),
                RegistryWireFormat.gender(query).orElse(""));
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return HexFormat.of().formatHex(sha256.digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private void dropExpired() {
        Instant now = clock.instant();
        Iterator<Map.Entry<String, Entry>> oldestFirst = entries.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            if (oldestFirst.next().getValue().expiresAt().isAfter(now)) {
                return;
            }
            oldestFirst.remove();
        }
    }
}
