package vn.vneidbridge.vneid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.common.enums.SslRequired;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderStorageProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakTransactionManager;
import org.keycloak.models.RealmModel;

/**
 * An update of the vneid identity provider whose admin request named another provider id is checked as Keycloak
 * checked it (e.g. as OIDC): the provider as stored then is validated again as vneid, and a refusal fails the update.
 */
class VneidStoredConfigCheckTest {

    private static final String ID = "vneid-internal-id";

    private static final RealmModel REALM =
            Stub.of(RealmModel.class).returning("getSslRequired", SslRequired.EXTERNAL).build();

    private static IdentityProviderModel provider(String providerId, Map<String, String> config) {
        IdentityProviderModel model = new IdentityProviderModel();
        model.setInternalId(ID);
        model.setAlias("vneid");
        model.setProviderId(providerId);
        model.getConfig().putAll(config);
        return model;
    }

    private final List<String> transaction = new ArrayList<>();

    /** A session whose store holds this provider (as the update left it). */
    private KeycloakSession storing(IdentityProviderModel stored) {
        IdentityProviderStorageProvider providers = Stub.of(IdentityProviderStorageProvider.class)
                .on("getById", args -> ID.equals(args[0]) ? stored : null).build();
        KeycloakTransactionManager manager = Stub.of(KeycloakTransactionManager.class)
                .on("setRollbackOnly", args -> transaction.add("rollback-only")).build();
        return Stub.of(KeycloakSession.class).returning("identityProviders", providers)
                .returning("getTransactionManager", manager).build();
    }

    /** What the store publishes after it wrote the update (JpaIdentityProviderStorageProvider.update). */
    private static RealmModel.IdentityProviderUpdatedEvent updated(KeycloakSession session, IdentityProviderModel sent) {
        return new RealmModel.IdentityProviderUpdatedEvent() {
            @Override
            public RealmModel getRealm() {
                return REALM;
            }

            @Override
            public IdentityProviderModel getUpdatedIdentityProvider() {
                return sent;
            }

            @Override
            public KeycloakSession getKeycloakSession() {
                return session;
            }
        };
    }

    @Nested
    class GivenAnUpdateWhoseRequestNamedAnotherProviderId {

        @Test
        void thenPlainHttpWebhooksInProductionAreStillRefused() {
            Map<String, String> config = Map.of("environment", "PRODUCTION",
                    "linkWebhooks", "dvcqg-portal http://portal.example.vn/hook");

            assertThatThrownBy(() -> VneidStoredConfigCheck.onEvent(
                    updated(storing(provider("vneid", config)), provider("oidc", config))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith(" dvcqg-portal");
            assertThat(transaction).as("the update written is not committed").containsExactly("rollback-only");
        }

        @Test
        void thenSignatureValidationStaysOnInProduction() {
            Map<String, String> config = Map.of("environment", "PRODUCTION", "validateSignature", "false");

            assertThatThrownBy(() -> VneidStoredConfigCheck.onEvent(
                    updated(storing(provider("vneid", config)), provider("oidc", config))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signature validation");
        }

        @Test
        void thenAValidVneidProviderIsSaved() {
            Map<String, String> config = Map.of("environment", "PRODUCTION",
                    "linkWebhooks", "dvcqg-portal https://portal.example.vn/hook");

            assertThatCode(() -> VneidStoredConfigCheck.onEvent(
                    updated(storing(provider("vneid", config)), provider("oidc", config))))
                    .doesNotThrowAnyException();
            assertThat(transaction).isEmpty();
        }

        @Test
        void thenAProviderStoredAsAnotherTypeIsNotOurs() {
            Map<String, String> config = Map.of("environment", "PRODUCTION", "validateSignature", "false");

            assertThatCode(() -> VneidStoredConfigCheck.onEvent(
                    updated(storing(provider("oidc", config)), provider("oidc", config))))
                    .doesNotThrowAnyException();
        }
    }

    @Nested
    class GivenAnUpdateNamingVneid {

        /**
         * Checked as vneid already (the admin console), or written back by Keycloak's own code: not read again (the
         * session's store would refuse the lookup), so a provider stored before a newer rule does not stop it.
         */
        @Test
        void thenItIsNotCheckedAgain() {
            KeycloakSession noLookup = Stub.of(KeycloakSession.class).build();
            Map<String, String> config = Map.of("environment", "PRODUCTION", "validateSignature", "false");

            assertThatCode(() -> VneidStoredConfigCheck.onEvent(updated(noLookup, provider("vneid", config))))
                    .doesNotThrowAnyException();
        }
    }
}
