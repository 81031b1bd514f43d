package vn.vneidbridge.legacy.broker;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.broker.IdpCreateUserIfUniqueAuthenticatorFactory;
import org.keycloak.models.KeycloakSession;

/** First-broker-login authenticator "vneid-create-user-if-no-account". */
public final class CreateUserIfNoAccountAuthenticatorFactory extends IdpCreateUserIfUniqueAuthenticatorFactory {

    public static final String PROVIDER_ID = "vneid-create-user-if-no-account";
    private static final CreateUserIfNoAccountAuthenticator SINGLETON = new CreateUserIfNoAccountAuthenticator();

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "VNeID Bridge: create user if no account has the id number";
    }

    @Override
    public String getHelpText() {
        return "Creates the user from VNeID only when no Keycloak or legacy portal account has that id number "
                + "(as username or CCCD); otherwise refuses with a clear message. Never matches on e-mail.";
    }
}
