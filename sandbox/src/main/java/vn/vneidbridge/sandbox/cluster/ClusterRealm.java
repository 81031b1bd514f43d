package vn.vneidbridge.sandbox.cluster;

import java.net.URI;
import vn.vneidbridge.distribution.KeycloakServerConfig;

/**
 * The one place that decides what the nodes carry and import: today the providers bundle, the sandbox-only
 * providers and the realms in the bundle (realm {@code dvc} as the sandbox has it, and the stand-in VNeID
 * {@code vneid-sandbox}), with the realm files' own Keycloak URL ({@value #REALM_FILES_BASE_URL}, and the stand-in's loopback redirect
 * URIs) replaced by the load balancer's, so realm dvc's {@code vneid} provider and the stand-in's back-channel logout go through
 * HAProxy over HTTPS. To run the production realm instead: the providers bundle plus the sandbox bundle for the
 * stand-in, and the {@code DVC_*} variables pointing at the stand-ins, set here with
 * {@link KeycloakServerConfig.Builder#environment(String, String)}.
 */
public final class ClusterRealm {

    /** Keycloak's URL as the sandbox realm files name it. */
    static final String REALM_FILES_BASE_URL = "http://localhost:8080/";
    /**
     * The stand-in's redirect URIs to realm dvc's broker endpoint name loopback without a port (any port allowed,
     * RFC 8252), which holds for {@code http} only: behind HAProxy they are the load balancer's HTTPS URLs.
     */
    static final String REALM_FILES_LOOPBACK_REALMS = "http://localhost/realms/";

    private ClusterRealm() {
    }

    static KeycloakServerConfig.Builder configure(KeycloakServerConfig.Builder node, ClusterOptions options,
                                                  URI publicBase) {
        return node.providersBundle(options.providersBundle())
                .extraBundle(options.sandboxBundle())
                .replaceInRealms(REALM_FILES_BASE_URL, publicBase + "/")
                .replaceInRealms(REALM_FILES_LOOPBACK_REALMS, publicBase + "/realms/")
                // the demo portal and test webhooks run on this machine: let link webhooks reach loopback
                .runtimeOption("spi-events-listener--vneid-link-webhook--allow-private-addresses", "true");
    }
}
