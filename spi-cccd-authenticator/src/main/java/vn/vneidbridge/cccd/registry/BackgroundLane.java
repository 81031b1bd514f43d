package vn.vneidbridge.cccd.registry;

import java.util.Objects;

/**
 * The population registry for background work (the bulk pre-verification), beside the logins' lane of the same
 * provider: the same adapter on the same HTTP client, but
 * <ul>
 *   <li>its own circuit breaker: its failures (a quota refusal {@code http-429}, a timeout) never open the logins'
 *       circuit;</li>
 *   <li>it yields to the logins: while the logins' circuit is not closed (open or half-open) it answers
 *       {@code circuit-open} without asking, so the trial call stays the logins';</li>
 *   <li>no result cache: it neither reads nor fills the logins' answers;</li>
 *   <li>its own meters ({@code lane="background"}), and it does not move {@code vneid_bridge_dependency_up}.</li>
 * </ul>
 *
 * @param registry         the lane; safe from many threads
 * @param maxRatePerSecond the server's cap on the calls of all background jobs together (server option
 *                         {@code bulkMaxRatePerSecond}); at least 1
 * @param configured       false when the adapter lacks its required options (every call answers
 *                         {@code not-configured}): background work then leaves the job to a node where it is
 */
public record BackgroundLane(PopulationRegistry registry, int maxRatePerSecond, boolean configured) {

    public BackgroundLane {
        Objects.requireNonNull(registry, "registry");
        if (maxRatePerSecond < 1) {
            throw new IllegalArgumentException("maxRatePerSecond must be at least 1");
        }
    }
}
