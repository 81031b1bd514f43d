package vn.vneidbridge.legacy.password;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A {@link HashWork} that reports each hash it computed, by kind, once it is done: to the metric in Keycloak, to a
 * tally in the tests. A legacy check that hashes nothing (see {@link LegacyPasswordVerifier#hashes}) reports
 * nothing.
 */
public final class CountedHashWork implements HashWork {

    private final HashWork delegate;
    private final Consumer<HashKind> counter;

    public CountedHashWork(HashWork delegate, Consumer<HashKind> counter) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.counter = Objects.requireNonNull(counter, "counter");
    }

    @Override
    public boolean legacy(LegacyPasswordHash hash, String password) {
        boolean matches = delegate.legacy(hash, password);
        if (LegacyPasswordVerifier.hashes(password)) {
            counter.accept(HashKind.of(hash.algorithm()));
        }
        return matches;
    }

    @Override
    public void realmPolicy() {
        delegate.realmPolicy();
        counter.accept(HashKind.REALM_POLICY);
    }

    @Override
    public void legacyDummy() {
        delegate.legacyDummy();
        counter.accept(HashKind.LEGACY_DUMMY);
    }
}
