package vn.vneidbridge.vneid;

import java.util.Objects;

/**
 * The outcome of the VNeID checks: a citizen's validated identity, an organisation's, or the first refusal.
 * Whose account logged in is read from the account type claim ({@link VneidAccountKind}).
 */
public sealed interface VneidCheckResult {

    /** A citizen's claims passed every check (V1–V4). */
    record Accepted(VneidIdentity identity) implements VneidCheckResult {
        public Accepted {
            Objects.requireNonNull(identity, "identity");
        }
    }

    /** An organisation's claims passed every check (O0, O1, V2, O3). */
    record AcceptedOrganisation(OrganisationIdentity identity) implements VneidCheckResult {
        public AcceptedOrganisation {
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
