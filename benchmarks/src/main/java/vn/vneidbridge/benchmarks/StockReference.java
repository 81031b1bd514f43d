package vn.vneidbridge.benchmarks;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.vneidbridge.distribution.KeycloakServer;

/**
 * A stock Keycloak 26.7.0 started beside a server of ours that is measured alone, as the yardstick of the same
 * minutes: right before or after each window of ours it runs a window of the stock login most like that scenario,
 * and the report gives ours' figure as a ratio to it, window by window.
 *
 * <p>Why: on a shared two-core virtual machine the speed of the whole machine moved by 1.85× between two runs of the
 * same code and command a few hours apart (runs X1 and X2, docs/benchmarks.md: the Argon2id hash floor measured in
 * each run 0.057 against 0.030 CPU-seconds), and within a run too. A figure measured alone is comparable only with
 * one measured in the same minutes; a ratio to a stock window of those minutes cancels the machine's speed, as the
 * server pairs' ratios do.
 *
 * <p>Quick mode, a few minutes and indicative only, runs no window of its own for that: the stock windows of its one
 * server pair stand for the reference of every scenario of ours after the pair ({@link #ofPairWindows}).
 */
final class StockReference {

    /** The stock login a scenario of ours is compared with. */
    enum Kind {
        /** Stock's password login (Argon2id): for the CCCD check, the step-up from a password, a first legacy login. */
        PASSWORD("password", "Stock password login (reference)", Journey.PASSWORD),
        /** Stock's OIDC broker login of a linked citizen: for the link by CCCD and the step-up from level 1. */
        BROKER("broker", "Stock VNeID login over its OIDC broker (reference)", Journey.VNEID);

        private final String id;
        private final String title;
        private final Journey journey;

        Kind(String id, String title, Journey journey) {
            this.id = id;
            this.title = title;
            this.journey = journey;
        }

        String scenario() {
            return "reference-" + id;
        }

        /** The server pairs' id of the same login (their stock leg's {@link Measurement#pair()}). */
        String pairLeg() {
            return id;
        }

        String title() {
            return title;
        }

        Journey journey() {
            return journey;
        }
    }

    /** The variant of every reference window. */
    static final String VARIANT = "stock reference";
    /** The variant of a quick-mode reference: the pair's stock window of that login, reused ({@link #ofPairWindows}). */
    static final String REUSED_VARIANT = "stock reference (the pair's window, reused)";

    private final KeycloakServer server;
    private final SessionReset sessions;
    private final Map<Kind, UserSource> users = new EnumMap<>(Kind.class);
    private final Map<Kind, Measurement.WarmUp> warmUps = new EnumMap<>(Kind.class);
    private final Map<Kind, Measurement> pairWindows = new EnumMap<>(Kind.class);

    private boolean fresh;

    /**
     * A stock server that runs a window of its own beside each window of ours.
     *
     * @param fresh whether the server has served nothing yet (its first warm-up then lasts at least
     *              {@link BenchmarkOptions#FRESH_JVM_WARM_UP})
     */
    StockReference(KeycloakServer server, SessionReset sessions, UserSource passwordLogins, UserSource brokerLogins,
                   boolean fresh) {
        this(server, sessions, fresh);
        users.put(Kind.PASSWORD, Objects.requireNonNull(passwordLogins));
        users.put(Kind.BROKER, Objects.requireNonNull(brokerLogins));
    }

    private StockReference(KeycloakServer server, SessionReset sessions, boolean fresh) {
        this.server = server;
        this.sessions = sessions;
        this.fresh = fresh;
    }

    /**
     * Quick mode's yardstick: the stock server of its one server pair, whose last window of each login (password, OIDC
     * broker) among {@code results} every scenario of ours that follows on the pair's server of ours is compared
     * with, instead of a window of its own before or after each: an indicative run of a few minutes, whose reference
     * windows were a fifth of it. Such a reference runs nothing ({@link #reuse}).
     */
    static StockReference ofPairWindows(KeycloakServer server, List<Measurement> results) {
        StockReference reference = new StockReference(server, null, false);
        for (Kind kind : Kind.values()) {
            results.stream().filter(m -> "stock".equals(m.variant()) && kind.pairLeg().equals(m.pair()))
                    .reduce((first, last) -> last).ifPresent(window -> {
                        reference.pairWindows.put(kind, window);
                        reference.warmUps.put(kind, window.warmUp());
                    });
        }
        return reference;
    }

    /** Whether this server gives a reference of {@code kind}. */
    boolean gives(Kind kind) {
        return users.containsKey(kind) || pairWindows.containsKey(kind);
    }

    /** Whether this reference's windows of {@code kind} are the pair's, reused ({@link #ofPairWindows}). */
    boolean reuses(Kind kind) {
        return pairWindows.containsKey(kind);
    }

    /**
     * The pair's stock window of {@code kind}, recorded again as the reference of ours' window {@code repetition} of
     * {@code title} / {@code variant} (variant {@link #REUSED_VARIANT}), or null when this reference does not reuse one.
     */
    Measurement reuse(Kind kind, String title, String variant, int repetition) {
        Measurement window = pairWindows.get(kind);
        return window == null ? null
                : window.reusedAs(kind.scenario(), kind.title(), REUSED_VARIANT, key(title, variant), repetition);
    }

    /**
     * The key a window of ours and its reference windows share ({@link Measurement#pair()} of the reference; ours'
     * stays null, as for every window measured alone): its title and variant.
     */
    static String key(String title, String variant) {
        return "reference of " + title + " / " + variant;
    }

    KeycloakServer server() {
        return server;
    }

    SessionReset sessions() {
        return sessions;
    }

    UserSource users(Kind kind) {
        return users.get(kind);
    }

    /** How the first warm-up of {@code kind} on this server ended, or null before it. */
    Measurement.WarmUp warmUp(Kind kind) {
        return warmUps.get(kind);
    }

    /** Whether the server has served nothing yet: its JVM is still compiling. */
    boolean fresh() {
        return fresh;
    }

    void warmedUp(Kind kind, Measurement.WarmUp warmUp) {
        warmUps.put(kind, warmUp);
        fresh = false;
    }
}
