package vn.vneidbridge.benchmarks;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Drops every stored login session of the pair's realms (admin REST {@code logout-all}) before a warm-up or a
 * window, so that each starts from the same empty session store on every server.
 *
 * <p>Why: Keycloak 26 stores user and client sessions in its database, and on H2 each login's look-up of its new
 * client session ({@code JpaUserSessionPersisterProvider#loadClientSession}, Hibernate's batch loader: a row-value
 * {@code IN} that H2 cannot seek) reads every stored client session. A login then costs more the more logins the
 * server has served: in a Flight Recorder profile of 2026-12-06 that look-up was 48 % of stock's brokered-login
 * callback, and each server's VNeID windows slowed down as its store grew, by a different amount on each server. A
 * ratio of two servers then measured their histories. A database that seeks the key (PostgreSQL) has no such cost.
 */
final class SessionReset {

    /** A realm of one of the servers, with that server's admin client. */
    record Realm(AdminClient admin, String name) {
    }

    private final List<Realm> realms;

    SessionReset(List<Realm> realms) {
        this.realms = List.copyOf(realms);
    }

    /** Drops the sessions of every realm; says so when it took a second or more. */
    void run(PrintStream out) {
        long started = System.nanoTime();
        for (Realm realm : realms) {
            realm.admin().post("/admin/realms/" + realm.name() + "/logout-all", null, 200);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (seconds >= 1) {
            out.printf(Locale.ROOT, "  (stored sessions dropped in %.1f s)%n", seconds);
        }
    }
}
