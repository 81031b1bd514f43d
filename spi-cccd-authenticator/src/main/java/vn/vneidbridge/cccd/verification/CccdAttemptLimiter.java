package vn.vneidbridge.cccd.verification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Counts CCCD verification attempts per account and per client address in fixed windows, in Keycloak's
 * cluster-wide single-use store, so the form cannot be used to probe the population database. Keys are
 * hashes: no user id or address is stored in clear.
 */
public final class CccdAttemptLimiter {

    private static final String COUNT = "count";

    private final SingleUseObjectProvider store;
    private final int perAccount;
    private final int perAddress;
    private final long windowSeconds;

    public CccdAttemptLimiter(KeycloakSession session, int perAccount, int perAddress, int windowMinutes) {
        this.store = session.singleUseObjects();
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.windowSeconds = windowMinutes * 60L;
    }

    /** Whether either the account or the address has used up its attempts in the current window. */
    public boolean exhausted(String userId, String address) {
        return count(key("user", userId)) >= perAccount || count(key("ip", address)) >= perAddress;
    }

    /** Records one verification attempt for the account and the address. */
    public void record(String userId, String address) {
        increment(key("user", userId));
        increment(key("ip", address));
    }

    private int count(String key) {
        Map<String, String> notes = store.get(key);
        if (notes == null) {
            return 0;
        }
        try {
            return Integer.parseInt(notes.getOrDefault(COUNT, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void increment(String key) {
        int next = count(key) + 1;
        if (next == 1 || !store.replace(key, Map.of(COUNT, String.valueOf(next)))) {
            store.put(key, windowSeconds, Map.of(COUNT, String.valueOf(next)));
        }
    }

    private String key(String kind, String value) {
        long window = System.currentTimeMillis() / 1000 / windowSeconds;
        return "vneid-cccd-attempts:" + kind + ":" + window + ":" + sha256(value == null ? "" : value);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
