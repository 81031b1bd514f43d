package vn.vneidbridge.legacy.broker;

import java.util.ArrayList;
import java.util.List;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.broker.IdpCreateUserIfUniqueAuthenticatorFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/** First-broker-login authenticator "vneid-create-user-if-no-account". */
public final class FirstVneidLoginAuthenticatorFactory extends IdpCreateUserIfUniqueAuthenticatorFactory {

    public static final String PROVIDER_ID = "vneid-create-user-if-no-account";
    private static final FirstVneidLoginAuthenticator SINGLETON = new FirstVneidLoginAuthenticator();

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        List<ProviderConfigProperty> all = new ArrayList<>(super.getConfigProperties());
        all.addAll(FirstLoginLinkConfigProperties.ALL);
        return all;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "VNeID Bridge: link by verified CCCD, or create the user";
    }

    @Override
    public String getHelpText() {
        return "Links the one account (Keycloak user or legacy row) whose verified CCCD is the VNeID id number; "
                + "refuses several accounts and administrators; an account holding the number unverified, or only "
                + "the old CMND the population database gives for it, is linked after its password is given and the "
                + "number is verified against the registry; creates the user only when no account has the number. "
                + "Never matches on e-mail or phone.";
    }
}
