package vn.vneidbridge.certificate;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import vn.vneidbridge.certificate.remote.RemoteSigningDecisions;

/**
 * The waiting pages of remote-signing logins in Keycloak's {@link SingleUseObjectProvider} (Infinispan, across the
 * cluster), never in a JVM map: a page served by one node is polled and finished on another. Each entry is found by
 * a secret handle (32 random bytes) and bound to the login's root session and tab; keys carry the realm id. Taking an
 * entry at the finish is the store's {@code remove}, which succeeds for one caller only, on whatever node; a taken
 * handle is then marked used, so a second post of it is told "used", not "unknown". What the phone answered is kept
 * under a key of its own, written by polls with {@code put} (Infinispan's {@code replace} would drop the lifespan).
 */
final class RemoteSigningStore {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long an entry outlives its approval time, so a late finish is told "expired" rather than "unknown". */
    static final long GRACE_SECONDS = 60;

    private final SingleUseObjectProvider store;
    private final String realmId;

    RemoteSigningStore(KeycloakSession session, RealmModel realm) {
        this.store = session.singleUseObjects();
        this.realmId = realm.getId();
    }

    /** A waiting page's entry: written once when the request is sent, then only taken or forgotten. */
    record Entry(String rootSessionId, String tabId, long expiresAt, String reference, String provider) {

        RemoteSigningDecisions.Entry decisions(Answer answer, boolean used) {
            return new RemoteSigningDecisions.Entry(rootSessionId, tabId, Instant.ofEpochSecond(expiresAt),
                    answer.state(), used);
        }

        Map<String, String> toNotes() {
            Map<String, String> notes = new HashMap<>();
            notes.put("root", rootSessionId);
            notes.put("tab", tabId);
            notes.put("expiresAt", Long.toString(expiresAt));
            notes.put("reference", reference);
            notes.put("provider", provider);
            return notes;
        }

        static Entry fromNotes(Map<String, String> notes) {
            if (notes == null || notes.get("root") == null || notes.get("tab") == null) {
                return null;
            }
            try {
                return new Entry(notes.get("root"), notes.get("tab"), Long.parseLong(notes.get("expiresAt")),
                        notes.get("reference"), notes.get("provider"));
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    /**
     * The phone's answer as a poll last learnt it, kept under a key of its own (the entry is never rewritten, so a
     * late poll cannot bring back an entry a finish took).
     *
     * @param askedAt when the provider was asked (epoch ms): polls from many tabs ask it at most every 2 s
     */
    record Answer(RemoteSigningDecisions.State state, long askedAt) {
        static final Answer NONE = new Answer(RemoteSigningDecisions.State.PENDING, 0);
    }

    static String newHandle() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    Entry entry(String handle) {
        return validHandle(handle) ? Entry.fromNotes(store.get(key(handle))) : null;
    }

    void save(String handle, Entry entry, long nowSeconds) {
        store.put(key(handle), lifespan(entry, nowSeconds), entry.toNotes());
    }

    /** The phone's answer a poll last learnt, or {@link Answer#NONE}. */
    Answer answer(String handle) {
        Map<String, String> notes = validHandle(handle) ? store.get(answerKey(handle)) : null;
        if (notes == null) {
            return Answer.NONE;
        }
        try {
            return new Answer(RemoteSigningDecisions.State.valueOf(notes.get("state")),
                    Long.parseLong(notes.get("askedAt")));
        } catch (RuntimeException e) {
            return Answer.NONE;
        }
    }

    /**
     * Whether this request may ask the provider now: true for one caller per handle every
     * {@value RemoteSigningProgress#ASK_EVERY_MILLIS} ms on the whole cluster (the store's atomic {@code putIfAbsent},
     * immediate, not at commit), so polls from many tabs, or a script run wild, cost one provider call at a time.
     */
    boolean claimAsk(String handle) {
        return validHandle(handle) && store.putIfAbsent("vneid-remote-signing-ask:" + realmId + ":" + handle,
                Math.max(1, RemoteSigningProgress.ASK_EVERY_MILLIS / 1000));
    }

    void saveAnswer(String handle, Entry entry, Answer answer, long nowSeconds) {
        if (validHandle(handle)) {
            store.put(answerKey(handle), lifespan(entry, nowSeconds),
                    Map.of("state", answer.state().name(), "askedAt", Long.toString(answer.askedAt())));
        }
    }

    /**
     * Takes the entry for good and marks its handle used; {@code null} when another request, on any node, took it
     * first or it is gone.
     */
    Entry take(String handle, long nowSeconds) {
        if (!validHandle(handle)) {
            return null;
        }
        Entry taken = Entry.fromNotes(store.remove(key(handle)));
        if (taken != null) {
            store.putIfAbsent(usedKey(handle), lifespan(taken, nowSeconds));
        }
        return taken;
    }

    boolean used(String handle) {
        return validHandle(handle) && store.contains(usedKey(handle));
    }

    void forget(String handle) {
        if (validHandle(handle)) {
            store.remove(key(handle));
        }
    }

    private static long lifespan(Entry entry, long nowSeconds) {
        return Math.max(1, entry.expiresAt() - nowSeconds) + GRACE_SECONDS;
    }

    private String key(String handle) {
        return "vneid-remote-signing:" + realmId + ":" + handle;
    }

    private String answerKey(String handle) {
        return "vneid-remote-signing-answer:" + realmId + ":" + handle;
    }

    private String usedKey(String handle) {
        return "vneid-remote-signing-used:" + realmId + ":" + handle;
    }

    /** Handles are 43 characters of base64url; anything else is never looked up. */
    static boolean validHandle(String handle) {
        return handle != null && handle.length() == 43
                && handle.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_'));
    }
}
