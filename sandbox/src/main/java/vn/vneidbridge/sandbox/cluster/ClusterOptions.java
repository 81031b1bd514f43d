package vn.vneidbridge.sandbox.cluster;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

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
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            if (arg == null || arg.isBlank()) {
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            String[] kv = arg.substring(2).split("=", 2);
            values.put(kv[0], kv.length == 2 ? kv[1] : "true");
        }
        ClusterOptions options = new ClusterOptions(
                path(values.remove("keycloak-zip"), "keycloak-zip"),
                path(values.remove("providers-bundle"), "providers-bundle"),
                path(values.remove("sandbox-bundle"), "sandbox-bundle"),
                path(values.remove("servers-dir"), "servers-dir"),
                port(values.remove("lb-port"), 8443),
                port(values.remove("portal-port"), 8081),
                port(values.remove("registry-port"), 8082),
                Boolean.parseBoolean(values.remove("keep-data")));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s): " + values.keySet());
        }
        return options;
    }

    private static Path path(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return Path.of(value);
    }

    private static int port(String value, int defaultPort) {
        if (value == null) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("not a TCP port: " + value);
    }
}
