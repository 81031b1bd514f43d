package vn.vneidbridge.sandbox;

import java.nio.file.Path;

/** The sandbox command's options ({@code --name=value}); unknown or malformed options are refused. */
record SandboxOptions(Path keycloakZip, Path providersBundle, Path sandboxBundle, Path serversDir, int keycloakPort,
                      int managementPort, int portalPort, int registryPort, boolean keepData,
                      String vneidProtocol, int businessRegistryPort, int httpsPort, int caPort,
                      int remoteSigningPort) {

    /** The business registry simulator's default port. */
    static final int DEFAULT_BUSINESS_REGISTRY_PORT = 8083;
    /** Keycloak's HTTPS listener's default port, where "Usb ký số" logs in; 0 turns it and the test CA off. */
    static final int DEFAULT_HTTPS_PORT = 8443;
    /** The test CA's CRL server's default port. */
    static final int DEFAULT_CA_PORT = 8084;
    /** The VNPT SmartCA stand-in's default port ("Sim ký số"); 0 turns it off. */
    static final int DEFAULT_REMOTE_SIGNING_PORT = 8085;

    /**
     * The options with the business registry simulator, the HTTPS listener, the CA and the VNPT SmartCA stand-in on
     * their default ports.
     */
    SandboxOptions(Path keycloakZip, Path providersBundle, Path sandboxBundle, Path serversDir, int keycloakPort,
                   int managementPort, int portalPort, int registryPort, boolean keepData, String vneidProtocol) {
        this(keycloakZip, providersBundle, sandboxBundle, serversDir, keycloakPort, managementPort, portalPort,
                registryPort, keepData, vneidProtocol, DEFAULT_BUSINESS_REGISTRY_PORT, DEFAULT_HTTPS_PORT,
                DEFAULT_CA_PORT, DEFAULT_REMOTE_SIGNING_PORT);
    }

    /** Whether Keycloak gets an HTTPS listener and the test CA of "Usb ký số" runs. */
    boolean https() {
        return httpsPort != 0;
    }

    /** Whether the VNPT SmartCA stand-in runs: it serves HTTPS with the test CA's certificate, so HTTPS must be on. */
    boolean remoteSigning() {
        return https() && remoteSigningPort != 0;
    }

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
              --business-registry-port=8083
                                        the business registry simulator's port
              --https-port=8443         Keycloak's HTTPS port, where a client certificate logs in ("Usb ký
                                        số"); 0: no HTTPS listener and no test CA
              --ca-port=8084            the test CA's CRL server's port (with HTTPS only)
              --remote-signing-port=8085
                                        the stand-in of VNPT SmartCA ("Sim ký số") and its phone page
                                        (with HTTPS only); 0: none
              --keep-data               keep what the last run stored instead of starting from the seeds
              --vneid-protocol=oidc     how realm dvc's vneid provider talks to the stand-in VNeID: oidc or
                                        partner-api (VNeID's partner API: encrypted code, envelopes)
            """;

    static SandboxOptions parse(String... args) {
        CommandLineValues values = CommandLineValues.parse(args);
        SandboxOptions options = new SandboxOptions(
                values.path("keycloak-zip"),
                values.path("providers-bundle"),
                values.path("sandbox-bundle"),
                values.path("servers-dir"),
                values.port("keycloak-port", 8080),
                values.port("management-port", 9000),
                values.port("portal-port", 8081),
                values.port("registry-port", 8082),
                values.flag("keep-data"),
                vneidProtocol(values.take("vneid-protocol")),
                values.port("business-registry-port", DEFAULT_BUSINESS_REGISTRY_PORT),
                values.portOrOff("https-port", DEFAULT_HTTPS_PORT),
                values.port("ca-port", DEFAULT_CA_PORT),
                values.portOrOff("remote-signing-port", DEFAULT_REMOTE_SIGNING_PORT));
        values.requireAllTaken();
        return options;
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
}
