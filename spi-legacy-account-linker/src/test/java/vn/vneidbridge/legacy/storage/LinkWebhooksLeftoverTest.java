package vn.vneidbridge.legacy.storage;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.RealmModel;

/**
 * The link webhooks used to be a setting of this provider; they are the vneid identity provider's now. What is left
 * here from before may stay as it is until Keycloak moves it at start-up, but none is added or changed here.
 */
class LinkWebhooksLeftoverTest {

    private static final String ID = "legacy-provider-id";

    private static ComponentModel provider(String id, String... webhooks) {
        ComponentModel model = new ComponentModel();
        model.setId(id);
        model.setProviderId(LegacyUserStorageProviderFactory.PROVIDER_ID);
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
        void thenANewProviderWithAWebhookIsRefused() {
            assertThatThrownBy(() -> validate(realmStoring(null), provider(null, "dvcqg-portal https://a.vn/h")))
                    .isInstanceOf(ComponentValidationException.class).hasMessage("vneidLinkWebhooksMoved");
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

        @Test
        void thenRemovingItIsAccepted() {
            assertThatCode(() -> validate(realmStoring(stored), provider(ID))).doesNotThrowAnyException();
        }
    }
}
