package vn.vneidbridge.certificate.remote;

import java.time.Instant;

/**
 * What the finish of a remote-signing login does with the waiting page's entry (pure; the Keycloak step reads the
 * entry from the cluster's store and its notes from the authentication session): the entry must belong to this
 * browser's login (its root session and tab), be within its time and not used, and the phone must have answered.
 */
public final class RemoteSigningDecisions {

    private RemoteSigningDecisions() {
    }

    /** Where the phone's answer stood when the entry was last asked. */
    public enum State {
        PENDING, READY, REFUSED, EXPIRED, UNAVAILABLE
    }

    /**
     * The waiting page's entry.
     *
     * @param used whether a finish already took it
     */
    public record Entry(String rootSessionId, String tabId, Instant expiresAt, State state, boolean used) {
    }

    /** What the finish does. */
    public enum AtFinish {
        /** No entry, or another login's: one answer for both, nothing said about the other. */
        FOREIGN,
        EXPIRED,
        USED,
        REFUSED,
        UNAVAILABLE,
        /** Not answered yet: ask the service once, then show the waiting page again. */
        NOT_READY,
        /** Take the entry (once, cluster-wide) and check the signature. */
        READY
    }

    public static AtFinish atFinish(Entry entry, String rootSessionId, String tabId, Instant now) {
        if (entry == null || rootSessionId == null || tabId == null
                || !entry.rootSessionId().equals(rootSessionId) || !entry.tabId().equals(tabId)) {
            return AtFinish.FOREIGN;
        }
        if (entry.used()) {
            return AtFinish.USED;
        }
        if (!now.isBefore(entry.expiresAt()) || entry.state() == State.EXPIRED) {
            return AtFinish.EXPIRED;
        }
        return switch (entry.state()) {
            case READY -> AtFinish.READY;
            case REFUSED -> AtFinish.REFUSED;
            case UNAVAILABLE -> AtFinish.UNAVAILABLE;
            default -> AtFinish.NOT_READY;
        };
    }
}
