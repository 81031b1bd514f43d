package vn.vneidbridge.operations;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
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

    private Duration bulkResultMaxAge = LinkOperations.BulkResult.DEFAULT_MAX_AGE;

    @Override
    public LinkOperations create(KeycloakSession session) {
        return new JpaLinkOperations(session, bulkResultMaxAge);
    }

    @Override
    public void init(Config.Scope config) {
        bulkResultMaxAge = maxAge(config == null ? null : config.get(BULK_RESULT_MAX_AGE_DAYS));
    }

    /** The option's value in days (1–3,650); a missing or unreadable value takes the default, 90. */
    static Duration maxAge(String days) {
        if (days == null) {
            return LinkOperations.BulkResult.DEFAULT_MAX_AGE;
        }
        try {
            int parsed = Integer.parseInt(days.trim());
            return parsed >= 1 && parsed <= 3650 ? Duration.ofDays(parsed) : LinkOperations.BulkResult.DEFAULT_MAX_AGE;
        } catch (NumberFormatException e) {
            return LinkOperations.BulkResult.DEFAULT_MAX_AGE;
        }
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(BULK_RESULT_MAX_AGE_DAYS).type("int")
                .helpText("How many days a bulk pre-verification's VERIFIED result may be old and still be applied"
                        + " (when the account is imported, or by a later job); 1-3650.")
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
