package vn.vneidbridge.legacy.password;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/** Counts the hashes a {@link CountedHashWork} reports, by kind: the tests count the work instead of timing it. */
public final class HashTally implements Consumer<HashKind> {

    private final Map<HashKind, Integer> counts = new EnumMap<>(HashKind.class);

    /** A real {@link LegacyHashWork} (dummy of the given cost, realm-policy hash a no-op) counted by this tally. */
    public HashWork counting(int dummyCost) {
        return new CountedHashWork(new LegacyHashWork(() -> { }, dummyCost), this);
    }

    @Override
    public void accept(HashKind kind) {
        counts.merge(kind, 1, Integer::sum);
    }

    public int count(HashKind kind) {
        return counts.getOrDefault(kind, 0);
    }

    /** Slow legacy hashes: rows' bcrypt and PBKDF2, and dummies. */
    public int slowLegacy() {
        return counts.entrySet().stream().filter(e -> e.getKey().isSlowLegacy()).mapToInt(Map.Entry::getValue).sum();
    }

    public Map<HashKind, Integer> counts() {
        return Map.copyOf(counts);
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
