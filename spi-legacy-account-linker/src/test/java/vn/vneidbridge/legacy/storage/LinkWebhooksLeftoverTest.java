package vn.vneidbridge.legacy.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.RepresentationToModel;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.storage.UserStorageProvider;

/**
 * The link webhooks used to be a setting of this provider; they are the vneid identity provider's now. What is left
 * here from before may stay as it is until Keycloak moves it at start-up, but none is added or changed here, also
 * not through the admin console, whose save passes on only the settings the provider declares.
 */
class LinkWebhooksLeftoverTest {

    private static final String ID = "legacy-provider-id";

    private static ComponentModel provider(String id, String... webhooks) {
        ComponentModel model = new ComponentModel();
        model.setId(id);
        model.setProviderId(LegacyUserStorageProviderFactory.PROVIDER_ID);
        model.setProviderType(UserStorageProvider.class.getName());
        if (webhooks.length > 0) {
            model.getConfig().put("linkWebhooks", List.of(webhooks));
        }
        return model;
    }

    /** A realm that knows only the stored provider. */
    private static RealmModel realmStoring(ComponentModel stored) {
        return (RealmModel) Proxy.newProxyInstance(RealmModel.class.getClassLoader(), new Class<?>[] {RealmModel.class},
                (self, method, args) -> {
                    if (method.getName().equals("getComponent")) {
                        return stored != null && stored.getId().equals(args[0]) ? new ComponentModel(stored) : null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static void validate(RealmModel realm, ComponentModel model) throws ComponentValidationException {
        new LegacyUserStorageProviderFactory().validateConfiguration(null, realm, model);
    }

    @SuppressWarnings("unchecked")
    private static <T> T answering(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer == null) {
                throw new UnsupportedOperationException(method.getName());
            }
            return answer.apply(args);
        });
    }

    /** A session that knows only this provider, as Keycloak's admin REST looks it up. */
    private static KeycloakSession session() {
        LegacyUserStorageProviderFactory factory = new LegacyUserStorageProviderFactory();
        KeycloakSessionFactory sessionFactory = answering(KeycloakSessionFactory.class, Map.of("getProviderFactory",
                args -> UserStorageProvider.class.equals(args[0]) && factory.getId().equals(args[1]) ? factory : null));
        return answering(KeycloakSession.class, Map.of(
                "getKeycloakSessionFactory", args -> sessionFactory,
                "getProviderClass", args -> UserStorageProvider.class.getName().equals(args[0])
                        ? UserStorageProvider.class : null));
    }

    /**
     * What Keycloak's admin REST does when the provider is saved in the admin console ({@code PUT
     * /admin/realms/{realm}/components/{id}}, ComponentResource.updateComponent): it copies the settings sent onto a
     * copy of the stored provider with {@code RepresentationToModel.updateComponent}, which takes only the settings the
     * provider declares, then hands that to the store, whose {@code updateComponent} calls
     * {@code validateConfiguration} before it writes (so the realm still holds the stored provider then).
     */
    private static ComponentModel save(ComponentModel stored, Map<String, List<String>> sent)
            throws ComponentValidationException {
        ComponentRepresentation representation = new ComponentRepresentation();
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        sent.forEach((key, values) -> config.put(key, new ArrayList<>(values)));
        representation.setConfig(config);
        ComponentModel model = new ComponentModel(stored);
        RepresentationToModel.updateComponent(session(), representation, model, false);
        validate(realmStoring(stored), model);
        return model;
    }

    @Nested
    class GivenAProviderWithoutWebhooks {

        @Test
        void thenItIsSavedAsBefore() {
            assertThatCode(() -> validate(realmStoring(provider(ID)), provider(ID))).doesNotThrowAnyException();
        }

        @Test
        void thenAWebhookAddedHereIsRefusedWithWhereItGoesNow() {
            assertThatThrownBy(() -> validate(realmStoring(provider(ID)), provider(ID, "dvcqg-portal https://a.vn/h")))
                    .isInstanceOf(ComponentValidationException.class).hasMessage("vneidLinkWebhooksMoved");
        }

        @Test
        void thenANewProviderWithAWebhookIsRefusedSayingWhereItGoes() {
            assertThatThrownBy(() -> validate(realmStoring(null), provider(null, "dvcqg-portal https://a.vn/h")))
                    .isInstanceOf(ComponentValidationException.class).hasMessage("vneidLinkWebhooksMovedNewProvider");
        }

        /** A realm import of an older version's export: the provider has its id, but nothing is stored yet. */
        @Test
        void thenAProviderImportedWithAWebhookIsRefusedSayingWhereItGoes() {
            assertThatThrownBy(() -> validate(realmStoring(null), provider(ID, "dvcqg-portal https://a.vn/h")))
                    .isInstanceOf(ComponentValidationException.class).hasMessage("vneidLinkWebhooksMovedNewProvider");
        }
    }

    @Nested
    class GivenAWebhookLeftFromBefore {

        private final ComponentModel stored = provider(ID, "dvcqg-portal https://a.vn/h");

        @Test
        void thenSavingTheProviderWithItUnchangedIsAccepted() {
            assertThatCode(() -> validate(realmStoring(stored), provider(ID, "dvcqg-portal https://a.vn/h")))
                    .doesNotThrowAnyException();
        }

        @Test
        void thenChangingItIsRefused() {
            assertThatThrownBy(() -> validate(realmStoring(stored), provider(ID, "dvcqg-portal https://b.vn/h")))
                    .isInstanceOf(ComponentValidationException.class).hasMessage("vneidLinkWebhooksMoved");
        }

        /**
         * Each stored value is read on its own, as the start-up move and older versions read it: joined first,
         * {@code "…/hook#"} and {@code "dvcqg-portal …"} would read as {@code "…/hook"} and {@code "#dvcqg-portal …"},
         * the same as those sent here, and a dead entry would come back to life as "unchanged".
         */
        @Test
        void hashesAtValueEdgesAreNotUnchanged() {
            ComponentModel stored = provider(ID, "dvc-hatinh-web https://b.vn/hook#", "dvcqg-portal https://a.vn/hook");

            assertThatThrownBy(() -> validate(realmStoring(stored),
                    provider(ID, "dvc-hatinh-web https://b.vn/hook", "#dvcqg-portal https://a.vn/hook")))
                    .isInstanceOf(ComponentValidationException.class).hasMessage("vneidLinkWebhooksMoved");
            assertThatCode(() -> validate(realmStoring(stored),
                    provider(ID, "dvc-hatinh-web https://b.vn/hook#", "dvcqg-portal https://a.vn/hook")))
                    .doesNotThrowAnyException();
        }

        /** As the start-up move does when it moves one entry and leaves another that the identity provider refuses. */
        @Test
        void thenRemovingOneOfSeveralIsAcceptedButNotReplacingIt() {
            ComponentModel two = provider(ID, "dvcqg-portal https://a.vn/h", "dvc-hatinh-web http://10.0.0.8/h");

            assertThatCode(() -> validate(realmStoring(two), provider(ID, "dvc-hatinh-web http://10.0.0.8/h")))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> validate(realmStoring(two),
                    provider(ID, "dvc-hatinh-web http://10.0.0.8/h", "dvc-binhduong-web https://c.vn/h")))
                    .isInstanceOf(ComponentValidationException.class).hasMessage("vneidLinkWebhooksMoved");
        }

        @Test
        void thenRemovingItIsAccepted() {
            assertThatCode(() -> validate(realmStoring(stored), provider(ID))).doesNotThrowAnyException();
        }
    }

    /**
     * The start-up move puts aside what the identity provider refused ({@code linkWebhooksRefused}, read by nothing):
     * an entry may go from the live setting there, and be removed there, but nothing comes back to life or is added.
     */
    @Nested
    class GivenAWebhookPutAsideByTheMove {

        private static final String LIVE = "dvcqg-portal https://a.vn/h";
        private static final String ASIDE = "dvc-hatinh-web http://b.vn/h";

        private ComponentModel with(List<String> live, List<String> aside) {
            ComponentModel model = provider(ID);
            if (!live.isEmpty()) {
                model.getConfig().put("linkWebhooks", new ArrayList<>(live));
            }
            if (!aside.isEmpty()) {
                model.getConfig().put("linkWebhooksRefused", new ArrayList<>(aside));
            }
            return model;
        }

        @Test
        void thenTheMoveMayTakeALiveEntryOffAndPutItAside() {
            assertThatCode(() -> validate(realmStoring(with(List.of(LIVE, ASIDE), List.of())),
                    with(List.of(), List.of(ASIDE)))).doesNotThrowAnyException();
        }

        @Test
        void thenAnEntryPutAsideCannotBeMadeLiveAgain() {
            assertThatThrownBy(() -> validate(realmStoring(with(List.of(), List.of(ASIDE))),
                    with(List.of(ASIDE), List.of())))
                    .isInstanceOf(ComponentValidationException.class).hasMessage("vneidLinkWebhooksMoved");
        }

        @Test
        void thenNoNewEntryCanBePutAsideNorOneChanged() {
            assertThatThrownBy(() -> validate(realmStoring(with(List.of(), List.of(ASIDE))),
                    with(List.of(), List.of(ASIDE, "dvc-binhduong-web https://c.vn/h"))))
                    .isInstanceOf(ComponentValidationException.class).hasMessage("vneidLinkWebhooksMoved");
            assertThatThrownBy(() -> validate(realmStoring(with(List.of(), List.of(ASIDE))),
                    with(List.of(), List.of("dvc-hatinh-web http://c.vn/h"))))
                    .isInstanceOf(ComponentValidationException.class).hasMessage("vneidLinkWebhooksMoved");
        }

        @Test
        void thenRemovingItIsAccepted() {
            assertThatCode(() -> validate(realmStoring(with(List.of(), List.of(ASIDE))), provider(ID)))
                    .doesNotThrowAnyException();
        }

        @Test
        void thenANewProviderHoldingOneIsRefusedSayingWhereWebhooksGo() {
            assertThatThrownBy(() -> validate(realmStoring(null), with(List.of(), List.of(ASIDE))))
                    .isInstanceOf(ComponentValidationException.class).hasMessage("vneidLinkWebhooksMovedNewProvider");
        }

        @Test
        void thenTheAdminConsolePassesItToTheCheck() {
            assertThatThrownBy(() -> save(with(List.of(), List.of(ASIDE)),
                    Map.of("linkWebhooksRefused", List.of(ASIDE, "dvc-binhduong-web https://c.vn/h"))))
                    .isInstanceOf(ComponentValidationException.class).hasMessage("vneidLinkWebhooksMoved");
        }
    }

    /**
     * Keycloak's admin REST lets a save change a component's type ({@code PUT /admin/realms/{realm}/components/{id}}
     * with another {@code providerType}/{@code providerId}: RepresentationToModel.updateComponent copies both, and the
     * store validates with the new type's factory against the component stored under that id). A component of another
     * type was never checked for link webhooks when it was created ({@code POST} keeps every setting sent), so what
     * it holds is not a leftover of this provider: it must not become a live webhook by turning it into one.
     */
    @Nested
    class GivenAComponentOfAnotherTypeTurnedIntoALegacyProvider {

        private static final String PLANTED = "dvcqg-portal http://203.162.4.190/collect";

        /** As {@code POST .../components} stores it: any setting sent is kept, whatever the type declares. */
        private ComponentModel keyProviderHolding(String... webhooks) {
            ComponentModel model = new ComponentModel();
            model.setId(ID);
            model.setProviderType("org.keycloak.keys.KeyProvider");
            model.setProviderId("hmac-generated");
            model.getConfig().putSingle("priority", "0");
            model.getConfig().put("linkWebhooks", List.of(webhooks));
            return model;
        }

        /** The admin REST's PUT: type changed to this provider, only an ordinary setting sent. */
        private ComponentModel retype(ComponentModel stored) throws ComponentValidationException {
            ComponentRepresentation representation = new ComponentRepresentation();
            representation.setProviderType(UserStorageProvider.class.getName());
            representation.setProviderId(LegacyUserStorageProviderFactory.PROVIDER_ID);
            MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
            config.putSingle("queryTimeoutMillis", "5000");
            representation.setConfig(config);
            ComponentModel model = new ComponentModel(stored);
            RepresentationToModel.updateComponent(session(), representation, model, false);
            validate(realmStoring(stored), model);
            return model;
        }

        @Test
        void thenTheWebhooksItHoldsAreRefusedAsANewProvidersWouldBe() {
            assertThatThrownBy(() -> retype(keyProviderHolding(PLANTED)))
                    .isInstanceOf(ComponentValidationException.class)
                    .hasMessage("vneidLinkWebhooksMovedNewProvider");
        }

        @Test
        void thenAnEntryPutAsideElsewhereCannotBeBroughtBackLiveThisWay() {
            ComponentModel holder = keyProviderHolding("dvc-hatinh-web http://b.vn/h");
            holder.getConfig().put("linkWebhooksRefused", List.of("dvc-hatinh-web http://b.vn/h"));

            assertThatThrownBy(() -> retype(holder)).isInstanceOf(ComponentValidationException.class);
        }

        @Test
        void thenWithoutWebhooksItMayStillBeTurnedIntoOne() {
            ComponentModel holder = keyProviderHolding();
            holder.getConfig().remove("linkWebhooks");

            assertThatCode(() -> retype(holder)).doesNotThrowAnyException();
        }
    }

    @Nested
    class GivenAnAdministratorSavingTheProviderInTheAdminConsole {

        @Test
        void thenANewWebhookReachesTheCheckAndIsRefused() {
            assertThatThrownBy(() -> save(provider(ID), Map.of("linkWebhooks", List.of("dvcqg-portal https://a.vn/h"))))
                    .isInstanceOf(ComponentValidationException.class).hasMessage("vneidLinkWebhooksMoved");
        }

        @Test
        void thenAChangedLeftoverIsRefused() {
            assertThatThrownBy(() -> save(provider(ID, "dvcqg-portal https://a.vn/h"),
                    Map.of("linkWebhooks", List.of("dvcqg-portal https://b.vn/h"))))
                    .isInstanceOf(ComponentValidationException.class).hasMessage("vneidLinkWebhooksMoved");
        }

        @Test
        void thenTheOtherSettingsSentWithAnUnchangedLeftoverAreSaved() throws Exception {
            ComponentModel stored = provider(ID, "dvcqg-portal https://a.vn/h");
            stored.getConfig().putSingle("queryTimeoutMillis", "5000");
            stored.getConfig().putSingle("dummyHashCost", "10");

            ComponentModel saved = save(stored, Map.of("linkWebhooks", List.of("dvcqg-portal https://a.vn/h"),
                    "queryTimeoutMillis", List.of("7000"), "dummyHashCost", List.of("11")));

            assertThat(saved.get("queryTimeoutMillis")).isEqualTo("7000");
            assertThat(saved.get("dummyHashCost")).isEqualTo("11");
            assertThat(saved.getConfig().get("linkWebhooks")).containsExactly("dvcqg-portal https://a.vn/h");
        }
    }
}
