package vn.vneidbridge.vneid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderStorageProvider;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

class VneidDefaultMappersTest {

    private final List<IdentityProviderMapperModel> stored = new ArrayList<>();
    private final IdentityProviderStorageProvider providers = Stub.of(IdentityProviderStorageProvider.class)
            .on("getMapperByName", args -> stored.stream()
                    .filter(m -> m.getIdentityProviderAlias().equals(args[0]) && m.getName().equals(args[1]))
                    .findFirst().orElse(null))
            .on("createMapper", args -> {
                stored.add((IdentityProviderMapperModel) args[0]);
                return args[0];
            })
            .build();

    @Test
    void thenTheIdentityMapperIsCreatedWithForcedSync() {
        assertThat(VneidDefaultMappers.ensure(providers, "vneid")).isEqualTo(1);

        assertThat(stored).singleElement().satisfies(mapper -> {
            assertThat(mapper.getName()).isEqualTo("vneid-identity");
            assertThat(mapper.getIdentityProviderAlias()).isEqualTo("vneid");
            assertThat(mapper.getIdentityProviderMapper()).isEqualTo("vneid-identity-mapper");
            assertThat(mapper.getConfig()).containsEntry("syncMode", "FORCE");
        });
    }

    @Test
    void thenCreatingAgainChangesNothing() {
        VneidDefaultMappers.ensure(providers, "vneid");
        stored.get(0).getConfig().put("syncMode", "IMPORT");

        assertThat(VneidDefaultMappers.ensure(providers, "vneid")).isZero();

        assertThat(stored).singleElement()
                .satisfies(mapper -> assertThat(mapper.getConfig()).containsEntry("syncMode", "IMPORT"));
    }

    @Test
    void thenEachProviderGetsItsOwn() {
        VneidDefaultMappers.ensure(providers, "vneid");
        VneidDefaultMappers.ensure(providers, "vneid-production");

        assertThat(stored).extracting(IdentityProviderMapperModel::getIdentityProviderAlias)
                .containsExactly("vneid", "vneid-production");
    }

    private RealmModel realm = Stub.of(RealmModel.class).returning("getId", "dvc-id").build();

    private KeycloakSession session() {
        KeycloakContext context = Stub.of(KeycloakContext.class).returning("getRealm", realm).build();
        return Stub.of(KeycloakSession.class).returning("getContext", context)
                .returning("identityProviders", providers).build();
    }

    private static IdentityProviderModel provider(String alias, String providerId) {
        IdentityProviderModel model = new IdentityProviderModel();
        model.setAlias(alias);
        model.setProviderId(providerId);
        return model;
    }

    private RealmModel.IdentityProviderUpdatedEvent saved(IdentityProviderModel provider) {
        KeycloakSession session = session();
        return new RealmModel.IdentityProviderUpdatedEvent() {
            @Override
            public RealmModel getRealm() {
                return realm;
            }

            @Override
            public IdentityProviderModel getUpdatedIdentityProvider() {
                return provider;
            }

            @Override
            public KeycloakSession getKeycloakSession() {
                return session;
            }
        };
    }

    @Test
    void thenSavingAVneidProviderCreatesItsMappers() {
        VneidDefaultMappersListenerFactory.onProviderEvent(saved(provider("vneid", "vneid")));

        assertThat(stored).extracting(IdentityProviderMapperModel::getName).containsExactly("vneid-identity");
    }

    @Test
    void thenSavingAnotherProviderCreatesNothing() {
        VneidDefaultMappersListenerFactory.onProviderEvent(saved(provider("google", "google")));

        assertThat(stored).isEmpty();
    }
}
