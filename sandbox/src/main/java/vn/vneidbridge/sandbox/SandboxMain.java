package vn.vneidbridge.sandbox;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.distribution.KeycloakServerConfig;
import vn.vneidbridge.distribution.Ports;
import vn.vneidbridge.sandbox.ca.SandboxCertificateAuthority;
import vn.vneidbridge.sandbox.legacy.LegacyDatabaseSeeder;
import vn.vneidbridge.sandbox.legacy.LegacySchema;
import vn.vneidbridge.sandbox.portal.DemoPortal;
import vn.vneidbridge.sandbox.portal.DemoPortalConfig;
import vn.vneidbridge.sandbox.portal.OidcClient;

/**
 * The sandbox command: Keycloak with VNeID Bridge (realms {@code dvc}, {@code vneid-sandbox} and
 * {@code vnpost-sandbox} imported, embedded H2), the simulators (population database, business registry) and the demo portal, until Ctrl-C.
 * With HTTPS on (the default), also Keycloak's HTTPS listener and the test CA of "Usb ký số" with its CRL server, and
 * the stand-in of VNPT SmartCA ("Sim ký số") with its phone page.
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
        }
        PrintStream console = System.out;
        SandboxOptions options;
        try {
            options = SandboxOptions.parse(args);
        } catch (IllegalArgumentException e) {
            console.println("sandbox: " + e.getMessage());
            console.println(SandboxOptions.USAGE);
            System.exit(2);
            return;
        }
        Sandbox sandbox = Sandbox.start(options, console);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            console.println("\nStopping the sandbox…");
            sandbox.close();
            stopped.countDown();
        }, "stop-sandbox"));
        sandbox.printWelcome();
        stopped.await();
    }

    /** The running parts of the sandbox, stopped together. */
    static final class Sandbox implements AutoCloseable {
        static final int DEFAULT_KEYCLOAK_PORT = 8080;
        /** The sandbox's Keycloak as the realm files name it. */
        static final String REALM_FILES_BASE_URL = "http://localhost:8080/";

        private final KeycloakServer keycloak;
        private final DemoPortal portal;
        private final PopulationRegistryConnection registry;
        private final BusinessRegistryConnection businessRegistry;
        /** Empty when HTTPS is off ({@code --https-port=0}). */
        private final Optional<CertificateLoginConnection> certificates;
        /** Empty when HTTPS is off or {@code --remote-signing-port=0}. */
        private final Optional<RemoteSigningConnection> remoteSigning;
        private final int httpsPort;
        private final PrintStream console;

        private Sandbox(KeycloakServer keycloak, DemoPortal portal, PopulationRegistryConnection registry,
                        BusinessRegistryConnection businessRegistry, Optional<CertificateLoginConnection> certificates,
                        Optional<RemoteSigningConnection> remoteSigning, int httpsPort, PrintStream console) {
            this.keycloak = keycloak;
            this.portal = portal;
            this.registry = registry;
            this.businessRegistry = businessRegistry;
            this.certificates = certificates;
            this.remoteSigning = remoteSigning;
            this.httpsPort = httpsPort;
            this.console = console;
        }

        static Sandbox start(SandboxOptions options, PrintStream console) throws Exception {
            Ports.requireFree(options.portalPort(), "demo portal");
            Ports.requireFree(options.registryPort(), "population database simulator");
            Ports.requireFree(options.businessRegistryPort(), "business registry simulator");
            if (options.https()) {
                Ports.requireFree(options.httpsPort(), "Keycloak HTTPS");
                Ports.requireFree(options.caPort(), "test CA's CRL server");
            }
            if (options.remoteSigning()) {
                Ports.requireFree(options.remoteSigningPort(), "VNPT SmartCA stand-in");
            }
            LegacyDatabaseConnection legacy = LegacyDatabaseConnection.h2(options.serversDir().resolve("legacy-db"));
            int accounts = seedLegacyDatabase(legacy, !options.keepData());
            console.println("Legacy portal database ready: " + accounts + " accounts (" + legacy.jdbcUrl() + ").");
            PopulationRegistryConnection registry = PopulationRegistryConnection.start(options.registryPort(), 0);
            console.println("Population database simulator: " + registry.simulator().baseUri());
            BusinessRegistryConnection businessRegistry;
            try {
                businessRegistry = BusinessRegistryConnection.start(options.businessRegistryPort());
            } catch (Exception e) {
                registry.close();
                throw e;
            }
            console.println("Business registry simulator: " + businessRegistry.simulator().baseUri());
            Optional<CertificateLoginConnection> certificates;
            try {
                certificates = options.https() ? Optional.of(CertificateLoginConnection.start(
                        options.serversDir().resolve("sandbox-ca"), options.caPort())) : Optional.empty();
            } catch (Exception e) {
                businessRegistry.close();
                registry.close();
                throw e;
            }
            certificates.ifPresent(ca -> console.println("Test CA of \"Usb ký số\": " + ca.authority().dir()
                    + ", CRLs at " + ca.crlServer().baseUri()));
            Optional<RemoteSigningConnection> remoteSigning;
            try {
                remoteSigning = certificates.isPresent() && options.remoteSigning()
                        ? Optional.of(RemoteSigningConnection.start(options.remoteSigningPort(),
                                certificates.get().authority())) : Optional.empty();
            } catch (Exception e) {
                certificates.ifPresent(CertificateLoginConnection::close);
                businessRegistry.close();
                registry.close();
                throw e;
            }
            remoteSigning.ifPresent(smartCa -> console.println("Stand-in VNPT SmartCA (\"Sim ký số\"): "
                    + smartCa.standIn().endpoint()));
            console.println("Starting Keycloak with VNeID Bridge on port " + options.keycloakPort()
                    + " (the first start builds the server and takes about a minute)…");
            KeycloakServerConfig.Builder config = onPort(KeycloakServerConfig.builder()
                    .name("sandbox")
                    .distributionZip(options.keycloakZip())
                    .providersBundle(options.providersBundle())
                    // the sandbox realm dvc and the stand-in VNeID, over the production realm
                    .extraBundle(options.sandboxBundle())
                    .serversDir(options.serversDir())
                    .managementPort(options.managementPort())
                    // the demo portal and test webhooks run on this machine: let link webhooks reach loopback
                    .runtimeOption("spi-events-listener--vneid-link-webhook--allow-private-addresses", "true")
                    .freshData(!options.keepData()), options.keycloakPort());
            speaking(config, options.vneidProtocol());
            portalOnPort(config, options.portalPort());
            KeycloakServer keycloak;
            try {
                certificates.ifPresent(ca -> ca.configure(config, options.httpsPort()));
                remoteSigning.ifPresent(smartCa -> smartCa.configure(config));
                keycloak = KeycloakServer.start(
                        businessRegistry.configure(registry.configure(legacy.configure(config))).build());
            } catch (RuntimeException e) {
                remoteSigning.ifPresent(RemoteSigningConnection::close);
                certificates.ifPresent(CertificateLoginConnection::close);
                businessRegistry.close();
                registry.close();
                throw e;
            }
            try {
                DemoPortal portal = DemoPortal.start(DemoPortalConfig.sandbox(portalHost(options.portalPort()), options.portalPort(),
                        keycloak.baseUri()));
                console.printf("Keycloak ready in %d s (%s).%n", keycloak.startupTime().toSeconds(),
                        keycloak.built() ? "built this time" : "build skipped, nothing changed");
                return new Sandbox(keycloak, portal, registry, businessRegistry, certificates, remoteSigning,
                        options.httpsPort(), console);
            } catch (Exception e) {
                keycloak.close();
                remoteSigning.ifPresent(RemoteSigningConnection::close);
                certificates.ifPresent(CertificateLoginConnection::close);
                businessRegistry.close();
                registry.close();
                throw e;
            }
        }

        /**
         * Keycloak's port, and the realm files' URLs of the sandbox's own Keycloak on it: they name
         * {@value #REALM_FILES_BASE_URL} (realm dvc's {@code vneid} provider's {@code sandboxIssuer}, the stand-in
         * VNeID's back-channel logout to realm dvc), so on another port those URLs follow it, or VNeID login and
         * logout would go to a server that is not there.
         */
        static KeycloakServerConfig.Builder onPort(KeycloakServerConfig.Builder builder, int keycloakPort) {
            builder.httpPort(keycloakPort);
            if (keycloakPort != DEFAULT_KEYCLOAK_PORT) {
                builder.replaceInRealms(REALM_FILES_BASE_URL, "http://localhost:" + keycloakPort + "/");
            }
            return builder;
        }

        /** Realm dvc's {@code vneid} provider's config entry {@code protocol} as the realm file has it. */
        static final String REALM_FILES_VNEID_PROTOCOL = "\"protocol\": \"oidc\"";

        /**
         * Realm dvc's {@code vneid} provider imported speaking {@code protocol} to the stand-in ({@code oidc}, the
         * realm file as it is, or {@code partner-api}: its config entry {@code protocol} replaced).
         */
        static KeycloakServerConfig.Builder speaking(KeycloakServerConfig.Builder builder, String protocol) {
            if (!"oidc".equals(protocol)) {
                builder.replaceInRealms(REALM_FILES_VNEID_PROTOCOL, "\"protocol\": \"" + protocol + "\"");
            }
            return builder;
        }

        /** The portal clients' back-channel logout URL as realm dvc's file names it: the demo portal on 8081. */
        static final String REALM_FILES_BACKCHANNEL_LOGOUT_URL = "http://localhost:8081/backchannel-logout";

        /**
         * The demo portal's port: on another port than 8081, the portal clients' back-channel logout URL follows
         * it, or Keycloak's logout tokens would go to a portal that is not there.
         */
        static KeycloakServerConfig.Builder portalOnPort(KeycloakServerConfig.Builder builder, int portalPort) {
            String url = "http://" + portalHost(portalPort) + ":" + portalPort + "/backchannel-logout";
            if (!url.equals(REALM_FILES_BACKCHANNEL_LOGOUT_URL)) {
                builder.replaceInRealms(REALM_FILES_BACKCHANNEL_LOGOUT_URL, url);
            }
            return builder;
        }

        /**
         * The sandbox clients accept {@code http://localhost:8081/*} and any port of {@code http://127.0.0.1}
         * (RFC 8252): on another port the portal calls itself 127.0.0.1.
         */
        static String portalHost(int port) {
            return port == 8081 ? "localhost" : "127.0.0.1";
        }

        /** An authorization request of the demo portal that curl can follow (the sample's state, nonce, challenge). */
        static String loginUrl(URI keycloak, OidcClient.LoginRequest sample) {
            return keycloak + "/realms/dvc/protocol/openid-connect/auth?client_id=" + sample.clientId()
                    + "&response_type=code&scope=openid&redirect_uri="
                    + URLEncoder.encode(sample.redirectUri().toString(), StandardCharsets.UTF_8) + "&state="
                    + sample.state() + "&nonce=" + sample.nonce() + "&code_challenge=" + sample.codeChallenge()
                    + "&code_challenge_method=S256";
        }

        /** Creates the legacy schema and seeds the personas; {@code fresh} drops what a previous run left. */
        static int seedLegacyDatabase(LegacyDatabaseConnection legacy, boolean fresh) throws SQLException {
            try (Connection connection = legacy.open()) {
                if (fresh) {
                    LegacySchema.drop(connection);
                }
                LegacySchema.create(connection);
                return LegacyDatabaseSeeder.seedPersonas(connection);
            }
        }

        void printWelcome() {
            URI kc = keycloak.baseUri();
            console.println();
            console.println("VNeID Bridge sandbox is running. Ctrl-C stops everything.");
            console.println("  Demo portal (dvcqg-portal):  " + portal.baseUri() + "/");
            // the portals are PKCE clients (S256 required): a login URL without a challenge is refused
            OidcClient.LoginRequest sample = OidcClient.newLoginRequest("dvcqg-portal",
                    URI.create(portal.baseUri() + "/callback"));
            console.println("  Portal login (a browser):    " + portal.baseUri() + "/login");
            console.println("  Portal login URL (curl):     " + loginUrl(kc, sample));
            console.println("    PKCE S256; its code_verifier for the token request: " + sample.codeVerifier());
            certificates.ifPresent(ca -> {
                URI tls = URI.create("https://localhost:" + httpsPort);
                console.println("  Over HTTPS (a browser):      " + tls + "/realms/dvc/account/  (the account console"
                        + " logs in with the same page)");
                console.println("  Over HTTPS (curl):           " + loginUrl(tls, sample));
                console.println("  Usb ký số (test CA, PIN " + SandboxCertificateAuthority.PIN + "): "
                        + ca.authority().dir().toAbsolutePath() + "/*.p12 — import one into the browser; an.p12 logs"
                        + " in as nguyenvanan");
            });
            remoteSigning.ifPresent(smartCa -> console.println("  Điện thoại mô phỏng (VNPT SmartCA): "
                    + smartCa.standIn().baseUri() + "/phone/<số định danh>  (PIN " + SandboxCertificateAuthority.PIN
                    + "; An: " + smartCa.standIn().phone("001090001234") + ")"));
            console.println("  Admin console:               " + kc + "/admin/  (admin / admin)");
            console.println("  Operators' pages:            " + kc + "/realms/dvc/vneid-operations/  (vanhanh or, read"
                    + " only, vanhanh.xem; password Sandbox@123)");
            console.println("  Realm dvc:                   " + kc + "/realms/dvc/.well-known/openid-configuration");
            console.println("  Stand-in VNeID:              " + kc + "/realms/vneid-sandbox/account");
            console.println("  Stand-in Vietnam Post (PostID): the card \"Tài khoản cấp bởi Bưu điện Việt Nam\", users"
                    + " postid.an, postid.hoa, postid.thu (password Sandbox@123)");
            console.println("  Identity page (after login): " + portal.baseUri() + "/login?kc_action=vneid-identity-info");
            console.println("  Population DB simulator:     " + registry.simulator().baseUri()
                    + "  (switches: POST /_simulator/mode)");
            console.println("  Business registry simulator: " + businessRegistry.simulator().baseUri()
                    + "  (switches: POST /_simulator/mode)");
            console.println("  Keycloak log:                " + keycloak.logFile());
            console.println("  Legacy portal accounts:      tothinga, nguyenvanan, tranvanbinh, tranvanbinh.hcm, phamminhduc,");
            console.println("                               quantri, congtyabc (password Sandbox@123)");
            console.println("  Personas: see shared/design/sandbox.md and the README.");
        }

        @Override
        public void close() {
            portal.close();
            keycloak.close();
            remoteSigning.ifPresent(RemoteSigningConnection::close);
            certificates.ifPresent(CertificateLoginConnection::close);
            businessRegistry.close();
            registry.close();
        }
    }
}
