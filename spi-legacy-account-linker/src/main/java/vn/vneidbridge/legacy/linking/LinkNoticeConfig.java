package vn.vneidbridge.legacy.linking;

import java.util.Map;
import org.keycloak.models.AuthenticatorConfigModel;
import vn.vneidbridge.core.broker.VneidProvider;

/** Typed, null-safe view of the linking notice's one setting: the alias of the VNeID identity provider. */
final class LinkNoticeConfig {

    static final String IDP_ALIAS = "vneidAlias";
    static final String DEFAULT_IDP_ALIAS = VneidProvider.ALIAS;

    private final Map<String, String> values;

    LinkNoticeConfig(AuthenticatorConfigModel model) {
        this.values = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
    }

    String idpAlias() {
        String alias = values.get(IDP_ALIAS);
        return alias == null || alias.isBlank() ? DEFAULT_IDP_ALIAS : alias.trim();
    }
}
