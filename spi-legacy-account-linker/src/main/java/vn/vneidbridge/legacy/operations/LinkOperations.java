package vn.vneidbridge.legacy.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/**
 * What the linking hands to the operations (module {@code spi-migration-operations}, which depends on this one
 * and not the other way round): the review queue. Found with {@link #of}; without the operations deployed, nothing
 * is queued.
 */
public interface LinkOperations extends Provider {

    /**
     * Opens (or updates) the review entry of an id number held by several accounts, in a transaction of its own so
     * it is kept whatever the login does next; never fails the login.
     */
    void openReview(RealmModel realm, String identityProvider, String idNumber, String vneidSubject,
                    String vneidUsername, List<String> candidateIds);

    /**
     * The current result of the bulk pre-verification for this legacy account (realm and legacy id): the one the
     * latest job that reached the account left, read in this session's transaction when the account is imported.
     * Empty without the operations deployed or when no job reached the account.
     */
    default Optional<BulkResult> bulkResult(RealmModel realm, String legacyId) {
        return Optional.empty();
    }

    /**
     * The account's current bulk result, found by the Keycloak user id it has ({@code VNEID_BULK_CURRENT}), becomes
     * {@code outcome}: {@link BulkResult#APPLIED} once it marked the user (only from {@code VERIFIED}),
     * {@link BulkResult#REVOKED} when the mark was taken off or disputed (from anything). Both are final; written in
     * this session's transaction. Nothing without the operations deployed or without a current result.
     */
    default void settleBulkResult(RealmModel realm, String userId, String outcome) {
    }

    /** Whether a review entry for this id number is open in the realm (false without the operations deployed). */
    default boolean reviewOpen(RealmModel realm, String idNumber) {
        return false;
    }

    /** How old a bulk result may be and still be applied (server option of the operations). */
    default Duration bulkResultMaxAge() {
        return BulkResult.DEFAULT_MAX_AGE;
    }

    /**
     * An account's current bulk result: its outcome ({@code VERIFIED}, {@code MISMATCH}, {@code SKIPPED},
     * {@code WITHDRAWN} …); for a verified one the keyed digest of what the registry confirmed
     * ({@link BulkVerificationBinding}), the id of the realm key it was made with, and the fields confirmed
     * ({@code RegistryField} names); when it was checked.
     */
    record BulkResult(String outcome, String digest, String keyId, List<String> fields, Instant checkedAt) {

        public static final String VERIFIED = "VERIFIED";
        /** A verified result that marked its user (or found it marked): never applied again, never replaced. */
        public static final String APPLIED = "APPLIED";
        /** A result whose mark was taken off or disputed: never applied, never replaced by a later job. */
        public static final String REVOKED = "REVOKED";
        public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(90);

        public BulkResult {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(checkedAt, "checkedAt");
            fields = fields == null ? List.of() : List.copyOf(fields);
        }

        @Override
        public String toString() {
            return "BulkResult[" + outcome + ", " + fields + ", " + checkedAt + "]";
        }
    }

    /** The deployed operations of this session, or null. */
    static LinkOperations of(KeycloakSession session) {
        return session.getProvider(LinkOperations.class);
    }

    @Override
    default void close() {
    }
}
