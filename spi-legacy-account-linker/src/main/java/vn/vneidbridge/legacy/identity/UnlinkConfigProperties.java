package vn.vneidbridge.legacy.identity;

import java.util.List;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The identity page's settings in the admin console (Authentication → Required actions → the gear). */
final class UnlinkConfigProperties {

    static final String REAUTH_MAX_AGE = "unlinkReauthMaxAgeSeconds";
    static final int DEFAULT_REAUTH_MAX_AGE = 300;
    static final int MIN_REAUTH_MAX_AGE = 60;

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(REAUTH_MAX_AGE).label("Unlink: VNeID re-authentication window (seconds)")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(DEFAULT_REAUTH_MAX_AGE))
            .helpText("'Hủy liên kết' on the identity page removes the VNeID link only when this session authenticated "
                    + "with VNeID at most this many seconds ago; otherwise the citizen is first sent to VNeID to log in "
                    + "again. A password login never counts. At least 60.")
            .add().build();

    private UnlinkConfigProperties() {
    }
}
