package vn.vneidbridge.operations;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import vn.vneidbridge.legacy.operations.LinkOperations;
import vn.vneidbridge.legacy.operations.LinkOperationsFactory;
import vn.vneidbridge.operations.bulk.BulkResults;
import vn.vneidbridge.operations.review.ReviewEntries;

/**
 * The linking's {@link LinkOperations} on this module's tables: review entries and the bulk pre-verification's
 * results in Keycloak's database. Server option ({@code --spi-vneid-link-operations--jpa--<option>}):
 * {@value #BULK_RESULT_MAX_AGE_DAYS}.
 */
public final class JpaLinkOperationsFactory implements LinkOperationsFactory {

    public static final String PROVIDER_ID = "jpa";

    /** Server option: how many days a bulk result may be old and still be applied. */
    static final String BULK_RESULT_MAX_AGE_DAYS = "bulk-result-max-age-days";
    private static final int MAX_DAYS = 3650;
    private static final Logger LOG = Logger.getLogger(JpaLinkOperationsFactory.class);

    private Duration bulkResultMaxAge = LinkOperations.BulkResult.DEFAULT_MAX_AGE;

    @Override
    public LinkOperations create(KeycloakSession session) {
        return new JpaLinkOperations(session, bulkResultMaxAge);
    }

    @Override
    public void init(Config.Scope config) {
        bulkResultMaxAge = maxAge(config == null ? null : config.get(BULK_RESULT_MAX_AGE_DAYS));
    }

    /**
     * The option's value in days: missing, the default (90); {@code 0} means a bulk result is never applied (the
     * brake on every job's results); 1–3,650 as written. It fails closed: a negative or unreadable value is taken as
     * {@code 0} and one above 3,650 as 3,650, each with a WARN at start-up.
     */
    static Duration maxAge(String days) {
        if (days == null) {
            return LinkOperations.BulkResult.DEFAULT_MAX_AGE;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(days.trim());
        } catch (NumberFormatException e) {
            LOG.warnf("%s=%s is not a number of days: bulk results are never applied (0) until it is set right",
                    BULK_RESULT_MAX_AGE_DAYS, days);
            return Duration.ZERO;
        }
        if (parsed < 0) {
            LOG.warnf("%s=%d is negative: bulk results are never applied (0)", BULK_RESULT_MAX_AGE_DAYS, parsed);
            return Duration.ZERO;
        }
        if (parsed > MAX_DAYS) {
            LOG.warnf("%s=%d is above %d: %d is used", BULK_RESULT_MAX_AGE_DAYS, parsed, MAX_DAYS, MAX_DAYS);
            return Duration.ofDays(MAX_DAYS);
        }
        return Duration.ofDays(parsed);
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(BULK_RESULT_MAX_AGE_DAYS).type("int")
                .helpText("How many days a bulk pre-verification's VERIFIED result may be old and still be applied"
                        + " (when the account is imported, or by a later job); 0 applies none (stops every job's results),"
                        + " 1-3650; a negative or unreadable value counts as 0.")
                .defaultValue((int) LinkOperations.BulkResult.DEFAULT_MAX_AGE.toDays()).add()
                .build();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    private record JpaLinkOperations(KeycloakSession session, Duration maxAge) implements LinkOperations {

        @Override
        public void openReview(RealmModel realm, String identityProvider, String idNumber, String vneidSubject,
                               String vneidUsername, List<String> candidateIds) {
            ReviewEntries.open(session, realm, identityProvider, idNumber, vneidSubject, vneidUsername, candidateIds);
        }

        @Override
        public Optional<BulkResult> bulkResult(RealmModel realm, String legacyId) {
            return BulkResults.current(session, realm.getId(), legacyId);
        }

        @Override
        public void settleBulkResult(RealmModel realm, String userId, String outcome) {
            BulkResults.settle(session, realm.getId(), userId, outcome);
        }

        @Override
        public boolean reviewOpen(RealmModel realm, String idNumber) {
            return ReviewEntries.isOpen(session, realm.getId(), idNumber);
        }

        @Override
        public Duration bulkResultMaxAge() {
            return maxAge;
        }
    }
}
