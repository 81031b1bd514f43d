package vn.vneidbridge.vneid;

import java.util.Objects;

/** The outcome of the VNeID checks: the validated identity, or the first refusal. */
public sealed interface VneidCheckResult {

    /** The claims passed every check. */
    record Accepted(VneidIdentity identity) implements VneidCheckResult {
        public Accepted {
            Objects.requireNonNull(identity, "identity");
        }
    }

    /**
     * A check failed.
     *
     * @param refusal which check and which message
     * @param detail  what was wrong, for events and logs; never personal data (problem codes, levels)
     */
    record Refused(VneidRefusal refusal, String detail) implements VneidCheckResult {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
