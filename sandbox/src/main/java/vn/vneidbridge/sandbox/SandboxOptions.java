package vn.vneidbridge.sandbox;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The sandbox command's options ({@code --name=value}); unknown or malformed options are refused. */
record SandboxOptions(Path keycloakZip, Path providersBundle, Path sandboxBundle, Path serversDir, int keycloakPort,
                      int managementPort, int portalPort, int registryPort, boolean keepData,
                      String vneidProtocol) {

    /** The protocols realm dvc's {@code vneid} provider can speak to the stand-in VNeID. */
    static final java.util.Set<String> VNEID_PROTOCOLS = java.util.Set.of("oidc", "partner-api");

    static final String USAGE = """
            Options:
              --keycloak-zip=PATH       the keycloak-quarkus-dist zip (Maven resolves it)
              --providers-bundle=PATH   VNeID Bridge's providers bundle (built by the distribution module)
              --sandbox-bundle=PATH     the sandbox bundle (built by the distribution module): the stand-in
                                        VNeID's providers and realm, the sandbox realm dvc
              --servers-dir=PATH        where the sandbox's Keycloak is unpacked and keeps its data
              --keycloak-port=8080      Keycloak's HTTP port
              --management-port=9000    Keycloak's management port (health, metrics)
              --portal-port=8081        the demo portal's port
              --registry-port=8082      the population database simulator's port
              --keep-data               keep what the last run stored instead of starting from the seeds
              --vneid-protocol=oidc     how realm dvc's vneid provider talks to the stand-in VNeID: oidc or
                                        partner-api (VNeID's partner API: encrypted code, envelopes)
            """;

    static SandboxOptions parse(String... args) {
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
        SandboxOptions options = new SandboxOptions(
                path(values.remove("keycloak-zip"), "keycloak-zip"),
                path(values.remove("providers-bundle"), "providers-bundle"),
                path(values.remove("sandbox-bundle"), "sandbox-bundle"),
                path(values.remove("servers-dir"), "servers-dir"),
                port(values.remove("keycloak-port"), 8080),
                port(values.remove("management-port"), 9000),
                port(values.remove("portal-port"), 8081),
                port(values.remove("registry-port"), 8082),
                Boolean.parseBoolean(values.remove("keep-data")),
                vneidProtocol(values.remove("vneid-protocol")));
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

    private static String vneidProtocol(String value) {
        if (value == null) {
            return "oidc";
        }
        if (!VNEID_PROTOCOLS.contains(value)) {
            throw new IllegalArgumentException("--vneid-protocol must be oidc or partner-api, was: " + value);
        }
        return value;
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
