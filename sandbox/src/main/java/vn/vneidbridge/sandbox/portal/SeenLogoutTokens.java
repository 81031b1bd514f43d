package vn.vneidbridge.sandbox.portal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code jti} of every logout token accepted while it could still pass the age check: a token seen before is a
 * replay (OpenID Connect Back-Channel Logout 1.0, section 2.6, step 6). Bounded: when full of live entries it
 * refuses new tokens rather than forget one that could be replayed.
 */
final class SeenLogoutTokens {

    private final int capacity;
    private final Map<String, Instant> seen = new HashMap<>();

    SeenLogoutTokens(int capacity) {
        this.capacity = capacity;
    }

    /**
     * True the first time {@code jti} is offered (it is remembered up to and including {@code until}); false for a
     * replay, or when the memory is full.
     */
    synchronized boolean firstUse(String jti, Instant until, Instant now) {
        Instant known = seen.get(jti);
        if (known != null && !known.isBefore(now)) {
            return false;
        }
        if (seen.size() >= capacity) {
            seen.values().removeIf(expiry -> expiry.isBefore(now));
            if (seen.size() >= capacity) {
                return false;
            }
        }
        seen.put(jti, until);
        return true;
    }
}
