package vn.vneidbridge.benchmarks;

import java.net.URI;
import vn.vneidbridge.distribution.KeycloakServer;

/**
 * The stand-in VNeID a server's VNeID logins go to (realm {@value BenchmarkMain#UPSTREAM_REALM} of the sandbox bundle,
 * with its partner-API face): in the server pairs, a third server that nobody measures, shared by stock and ours, so
 * that each measured JVM spends only its own CPU on a login, as against the real VNeID; in the scenarios without a
 * stock twin (and in quick mode's server pair), the realm of that server of ours itself.
 *
 * @param server the Keycloak server that holds it
 * @param admin  that server's admin client, which adds the stand-in's accounts and changes its mappers
 */
record StandIn(KeycloakServer server, AdminClient admin) {

    /** Its issuer, which realm {@code dvc}'s {@code vneid} provider of either server is pointed at. */
    URI issuer() {
        return server.realmUri(BenchmarkMain.UPSTREAM_REALM);
    }
}
