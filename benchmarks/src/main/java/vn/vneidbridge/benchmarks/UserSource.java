package vn.vneidbridge.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where each login of a run takes its account from: round-robin over a fixed set (logins of existing users), or
 * each entry once (first logins, which change the account). Thread-safe.
 */
final class UserSource {

    private final List<Map<String, Object>> users;
    private final boolean once;
    private final AtomicInteger next;

    private UserSource(List<Map<String, Object>> users, boolean once, AtomicInteger next) {
        if (users.isEmpty()) {
            throw new IllegalArgumentException("no users");
        }
        this.users = List.copyOf(users);
        this.once = once;
        this.next = next;
    }

    static UserSource roundRobin(List<Map<String, Object>> users) {
        return new UserSource(users, false, new AtomicInteger());
    }

    static UserSource once(List<Map<String, Object>> users) {
        return new UserSource(users, true, new AtomicInteger());
    }

    /** A view of the same set continuing where this one is (so a warm-up and a measured run share a pool). */
    UserSource continued() {
        return new UserSource(users, once, next);
    }

    /** The next account, or null when a use-once source is used up. */
    Map<String, Object> next() {
        int i = next.getAndIncrement();
        if (once) {
            return i < users.size() ? users.get(i) : null;
        }
        return users.get(Math.floorMod(i, users.size()));
    }

    boolean hasMore() {
        return !once || next.get() < users.size();
    }

    int size() {
        return users.size();
    }

    int used() {
        return Math.min(next.get(), once ? users.size() : Integer.MAX_VALUE);
    }
}
