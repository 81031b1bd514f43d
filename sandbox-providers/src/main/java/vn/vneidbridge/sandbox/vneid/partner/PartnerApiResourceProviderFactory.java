package vn.vneidbridge.sandbox.vneid.partner;

import java.security.SecureRandom;
import java.time.Clock;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * The stand-in VNeID's partner-API face ({@code {realm}/partner-api/authorize|callback|token|userinfo}): the API
 * VNeID gives relying parties (encrypted code, encrypted token and userinfo envelopes, no ID token), in front of
 * the realm's own login pages. Sandbox and tests only.
 */
public final class PartnerApiResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "partner-api";

    private final RelyingPartyKeys keys = new RelyingPartyKeys(Clock.systemUTC());
    private final PartnerCrypto crypto = new PartnerCrypto(new SecureRandom());

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new PartnerApiResource(session, keys, crypto);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
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
}
