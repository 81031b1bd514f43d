package vn.vneidbridge.sandbox.vneid.partner;

import java.io.IOException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The relying parties' registered public keys, fetched from the URL each one registered (client attribute
 * {@value #ATTRIBUTE}) and kept for at most {@link #TTL}, so a key rotated at the relying party is used within
 * seconds. A cache of public data only: nothing here is session state.
 */
final class RelyingPartyKeys {

    static final String ATTRIBUTE = "partner.api.public.key.url";
    static final Duration TTL = Duration.ofSeconds(10);

    private record Cached(RSAPublicKey key, Instant until) {
    }

    /** Reads a URL's body; throws when it cannot. */
    interface Fetch {
        String get(String url) throws IOException;
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Clock clock;

    RelyingPartyKeys(Clock clock) {
        this.clock = clock;
    }

    RSAPublicKey key(String url, Fetch fetch) throws IOException {
        Instant now = clock.instant();
        Cached cached = cache.get(url);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.key();
        }
        RSAPublicKey key = PartnerCrypto.publicKeyFromPem(fetch.get(url));
        cache.put(url, new Cached(key, now.plus(TTL)));
        return key;
    }

}
