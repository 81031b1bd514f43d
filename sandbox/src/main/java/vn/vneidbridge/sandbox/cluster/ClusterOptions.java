package vn.vneidbridge.sandbox.cluster;

import java.nio.file.Path;
import vn.vneidbridge.sandbox.CommandLineValues;

/**
 * The cluster command's options ({@code --name=value}); unknown or malformed options are refused.
 *
 * @param lbPort     the load balancer's HTTPS port: the one address citizens, portals and admins use
 * @param portalPort the demo portal's port
 * @param registryPort the population database simulator's port
 * @param keepData   keep PostgreSQL's data of the last run instead of starting from the seeds
 */
public record ClusterOptions(Path keycloakZip, Path providersBundle, Path sandboxBundle, Path serversDir,
                             int lbPort, int portalPort, int registryPort, boolean keepData) {

    static final String USAGE = """
            Options:
              --keycloak-zip=PATH       the keycloak-quarkus-dist zip (Maven resolves it)
              --providers-bundle=PATH   VNeID Bridge's providers bundle (built by the distribution module)
              --sandbox-bundle=PATH     the sandbox bundle (the stand-in VNeID, its realm and the sandbox realm dvc)
              --servers-dir=PATH        where the nodes, PostgreSQL, the certificates and HAProxy's config live
              --lb-port=8443            HAProxy's HTTPS port (Keycloak's hostname is https://localhost:<lb-port>)
              --portal-port=8081        the demo portal's port
              --registry-port=8082      the population database simulator's port
              --keep-data               keep what the last run stored instead of starting from the seeds
            """;

    static ClusterOptions parse(String... args) {
        CommandLineValues values = CommandLineValues.parse(args);
        ClusterOptions options = new ClusterOptions(
                values.path("keycloak-zip"),
                values.path("providers-bundle"),
                values.path("sandbox-bundle"),
                values.path("servers-dir"),
                values.port("lb-port", 8443),
                values.port("portal-port", 8081),
                values.port("registry-port", 8082),
                values.flag("keep-data"));
        values.requireAllTaken();
        return options;
    }
}
