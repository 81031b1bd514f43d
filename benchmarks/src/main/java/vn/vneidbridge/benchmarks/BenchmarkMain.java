package vn.vneidbridge.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.distribution.KeycloakServerConfig;
import vn.vneidbridge.sandbox.LegacyDatabaseConnection;
import vn.vneidbridge.sandbox.PopulationRegistryConnection;
import vn.vneidbridge.sandbox.legacy.LegacyAccount;
import vn.vneidbridge.sandbox.legacy.LegacySchema;
import vn.vneidbridge.sandbox.legacy.PasswordFormat;
import vn.vneidbridge.sandbox.legacy.SyntheticAccountGenerator;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

/**
 * The benchmark runner: stock Keycloak and Keycloak with VNeID Bridge (legacy database of 10,000 accounts) on two
 * ports, loaded one after the other, then ours with the large legacy database — one server under load at a time,
 * each flow warmed up then measured for the same window with the same closed-model concurrency — and the report
 * under {@code target/benchmark-report}.
 */
public final class BenchmarkMain {

    static final String UPSTREAM_REALM = "vneid-sandbox";
    private static final int PASSWORD_USERS = 50;
    private static final int BROKER_USERS = 50;
    private static final int CCCD_USERS = 40;
    /** Upper bound of first logins per second on this hardware, to size the use-once pools. */
    private static final int MAX_FIRST_LOGINS_PER_SECOND = 20;
    private static final Set<PasswordFormat> MEASURED_FORMATS = EnumSet.of(PasswordFormat.BCRYPT_2A,
            PasswordFormat.PBKDF2_SHA256, PasswordFormat.SHA256_SALTED, PasswordFormat.MD5);

    private final BenchmarkOptions options;
    private final PrintStream out;
    private final List<Measurement> results = new ArrayList<>();
    private PopulationRegistryConnection registry;

    private BenchmarkMain(BenchmarkOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("benchmark: " + e.getMessage());
            System.err.println(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        new BenchmarkMain(options, System.out).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Instant began = Instant.now();
        Machine machine = Machine.describe();
        out.printf("Benchmark (%s mode): %d concurrent users, warm-up %d s, window %d s; machine: %s%n",
                options.mode(), options.concurrency(), options.warmUp().toSeconds(), options.measure().toSeconds(),
                machine.summary());
        int small = options.smallAccounts();
        int large = options.largeAccounts();

        LegacyDatabaseConnection smallDb = legacyDatabase(small);
        LegacyDatabaseConnection largeDb = legacyDatabase(large);
        registry = PopulationRegistryConnection.start(0, small);

        // Who logs in. Password users and CCCD-form users are imported by a preparation pass; the link pool and the
        // first-login pools are used once each (a first login changes the account).
        List<LegacyAccount> passwordAccounts = Population.select(small, 0, PASSWORD_USERS, Population::verifiedCitizen);
        List<LegacyAccount> cccdAccounts = Population.select(small, 0, CCCD_USERS, Population::unverifiedCitizen);
        int firstLoginPool = MAX_FIRST_LOGINS_PER_SECOND
                * (int) (options.warmUp().toSeconds() + options.measure().toSeconds()) + 4 * options.concurrency();
        Set<String> passwordCccds = passwordAccounts.stream().map(LegacyAccount::cccd).collect(Collectors.toSet());
        List<LegacyAccount> linkCandidates = Population.select(small, 0, Integer.MAX_VALUE,
                account -> Population.verifiedCitizen(account) && !passwordCccds.contains(account.cccd()));
        Set<String> candidateCccds = linkCandidates.stream().map(LegacyAccount::cccd).collect(Collectors.toSet());
        Set<String> duplicated = Population.heldMoreThanOnce(large, candidateCccds);
        List<LegacyAccount> linkAccounts = linkCandidates.stream().filter(a -> !duplicated.contains(a.cccd()))
                .limit(firstLoginPool).toList();
        List<SyntheticPerson> brokerCitizens = Population.citizensWithoutLegacyAccount(BROKER_USERS, small);
        out.printf("Accounts: %d password, %d CCCD-form, %d link-by-CCCD (of %d), %d VNeID-only citizens%n",
                passwordAccounts.size(), cccdAccounts.size(), linkAccounts.size(), linkCandidates.size(),
                brokerCitizens.size());

        try {
            pairsAndSmallDatabase(passwordAccounts, cccdAccounts, linkAccounts, brokerCitizens, smallDb);
            oursLarge(linkAccounts, largeDb);
        } finally {
            registry.close();
        }
        Duration took = Duration.between(began, Instant.now());
        Path report = new Report(options, machine.withEnd(Machine.loadAverage()), results, took).write(options.reportDir());
        out.printf("Done in %d min %02d s. Report: %s%n", took.toMinutes(), took.toSecondsPart(), report);
    }

    // ---- the three servers ----------------------------------------------------------------------------------

    /**
     * Stock Keycloak and ours (10,000 legacy accounts) run side by side on two ports, but only one is under load at a
     * time: each pair is measured stock then ours, back to back, so that both halves see the same machine. Then
     * stock stops and the flows without a stock twin run.
     */
    private void pairsAndSmallDatabase(List<LegacyAccount> passwordAccounts, List<LegacyAccount> cccdAccounts,
                                       List<LegacyAccount> linkAccounts, List<SyntheticPerson> brokerCitizens,
                                       LegacyDatabaseConnection legacy) throws IOException {
        int stockPort = freePort();
        try (KeycloakServer stock = start(KeycloakServerConfig.builder()
                .name("bench-stock")
                // the stand-in VNeID (providers, realm) of the sandbox bundle, realm dvc of stock Keycloak over it
                .providersBundle(options.sandboxBundle())
                .extraBundle(stockBundle(stockPort)), stockPort)) {
            AdminClient stockAdmin = admin(stock);
            setUpUpstream(stockAdmin, brokerCitizens.stream().map(Population::upstreamUser).toList());
            List<Map<String, Object>> stockUsers = new ArrayList<>();
            List<Map<String, Object>> stockPasswordLogins = new ArrayList<>();
            for (int i = 0; i < passwordAccounts.size(); i++) {
                String username = "congdan." + (i + 1);
                stockUsers.add(Population.stockPasswordUser(username, passwordAccounts.get(i).fullName()));
                stockPasswordLogins.add(Map.of("username", username));
            }
            brokerCitizens.forEach(person -> stockUsers.add(Population.stockLinkedUser(person)));
            stockAdmin.importUsers("dvc", stockUsers);

            try (KeycloakServer ours = startOurs(legacy, freePort())) {
                AdminClient admin = admin(ours);
                setUpOurs(admin, ours);
                List<Map<String, Object>> upstream = new ArrayList<>();
                brokerCitizens.forEach(person -> upstream.add(Population.upstreamUser(person)));
                linkAccounts.forEach(account -> upstream.add(Population.upstreamUser(account)));
                setUpUpstream(admin, upstream);
                String base = ours.baseUri().toString();

                List<Map<String, Object>> passwordLogins = passwordAccounts.stream().map(Population::legacyLogin).toList();
                List<Map<String, Object>> cccdLogins = cccdAccounts.stream().map(Population::legacyLogin).toList();
                List<Map<String, Object>> brokerLogins = vneidLogins(brokerCitizens.stream().map(SyntheticPerson::cccd).toList());
                prepare(ours, "import the password users", base, Journey.PASSWORD, passwordLogins);
                prepare(ours, "import the CCCD-form users", base, Journey.PASSWORD, cccdLogins);
                prepare(ours, "link the VNeID-only citizens", base, Journey.VNEID, brokerLogins);

                String password = "Password login (browser code flow + PKCE + token)";
                measure(stock, password, "stock", "password", stock.baseUri().toString(), Journey.PASSWORD,
                        UserSource.roundRobin(stockPasswordLogins));
                measure(ours, password, "ours", "password", base, Journey.PASSWORD, UserSource.roundRobin(passwordLogins));
                String broker = "Brokered login of a linked citizen";
                measure(stock, broker, "stock", "broker", stock.baseUri().toString(), Journey.VNEID,
                        UserSource.roundRobin(brokerLogins));
                measure(ours, broker, "ours", "broker", base, Journey.VNEID, UserSource.roundRobin(brokerLogins));
                stock.close();

                measure(ours, "First VNeID login, links by CCCD", String.format(Locale.ROOT, "%,d accounts",
                                options.smallAccounts()), "link", base, Journey.VNEID,
                        UserSource.once(vneidLogins(linkAccounts.stream().map(LegacyAccount::cccd).toList())));
                measure(ours, "CCCD check, registry cache miss", "ours", null, base, Journey.CCCD_MISS,
                        UserSource.roundRobin(cccdLogins));
                prepare(ours, "ask the registry once for each CCCD-hit number", base, Journey.CCCD_HIT, cccdLogins);
                measure(ours, "CCCD check, registry cache hit", "ours", null, base, Journey.CCCD_HIT,
                        UserSource.roundRobin(cccdLogins));
            }
        }
    }

    private void oursLarge(List<LegacyAccount> linkAccounts, LegacyDatabaseConnection legacy) {
        int large = options.largeAccounts();
        int pool = MAX_FIRST_LOGINS_PER_SECOND * (int) (options.warmUp().toSeconds() + options.measure().toSeconds())
                + 4 * options.concurrency();
        Map<PasswordFormat, List<LegacyAccount>> firstLogins = Population.byFormat(large, options.smallAccounts(), pool,
                MEASURED_FORMATS);
        int httpPort = freePort();
        try (KeycloakServer server = startOurs(legacy, httpPort)) {
            AdminClient admin = admin(server);
            setUpOurs(admin, server);
            setUpUpstream(admin, linkAccounts.stream().map(Population::upstreamUser).toList());
            String base = server.baseUri().toString();
            // The first-login flows come first, so that this server is as warm as the small one was for the link flow.
            for (PasswordFormat format : MEASURED_FORMATS) {
                measure(server, "First legacy login (import + legacy hash + Argon2 rehash)", label(format), null,
                        base, Journey.PASSWORD,
                        UserSource.once(firstLogins.get(format).stream().map(Population::legacyLogin).toList()));
            }
            measure(server, "First VNeID login, links by CCCD", String.format(Locale.ROOT, "%,d accounts", large),
                    "link", base, Journey.VNEID,
                    UserSource.once(vneidLogins(linkAccounts.stream().map(LegacyAccount::cccd).toList())));
        }
    }

    static String label(PasswordFormat format) {
        return switch (format) {
            case BCRYPT_2A, BCRYPT_2B, BCRYPT_2Y -> "bcrypt cost 10";
            case PBKDF2_SHA256 -> "PBKDF2-SHA256 27,500 it.";
            case SHA256_SALTED -> "salted SHA-256";
            case MD5 -> "MD5";
        };
    }

    // ---- server set-up ---------------------------------------------------------------------------------------

    private KeycloakServer start(KeycloakServerConfig.Builder builder, int httpPort) {
        int managementPort = freePort();
        while (managementPort == httpPort) {
            managementPort = freePort();
        }
        KeycloakServerConfig config = builder
                .distributionZip(options.keycloakZip())
                .serversDir(options.serversDir())
                .httpPort(httpPort)
                .managementPort(managementPort)
                .build();
        out.printf("Starting Keycloak '%s' on port %d…%n", config.name(), httpPort);
        KeycloakServer server = KeycloakServer.start(config);
        out.printf("  ready in %d s (%s); JVM pid %d%n", server.startupTime().toSeconds(),
                server.built() ? "built" : "build skipped", ProcStats.jvmPid(server.pid()));
        return server;
    }

    private KeycloakServer startOurs(LegacyDatabaseConnection legacy, int httpPort) {
        return start(registry.configure(legacy.configure(KeycloakServerConfig.builder()
                .name("bench-ours")
                .providersBundle(options.providersBundle())
                // the sandbox realm dvc and the stand-in VNeID, as in the sandbox
                .extraBundle(options.sandboxBundle())))
                // long enough for the cache-hit window to follow the pass that filled the cache (default 60 s)
                .runtimeOption("spi-vneid-population-registry--c06-soap--cache-ttl-seconds", "600"), httpPort);
    }

    private static AdminClient admin(KeycloakServer server) {
        return new AdminClient(server.baseUri(), server.config().adminUsername(), server.config().adminPassword());
    }

    /** Points the vneid provider at this server's stand-in and lets the CCCD form be tried as often as the load needs. */
    private static void setUpOurs(AdminClient admin, KeycloakServer server) {
        admin.updateIdentityProvider("dvc", "vneid", Map.of("sandboxIssuer", server.realmUri(UPSTREAM_REALM).toString()));
        admin.updateAuthenticatorConfig("dvc", "dvc cccd check",
                Map.of("maxAttempts", "1000000", "maxAttemptsPerAddress", "1000000"));
    }

    /** The stand-in VNeID: its users, hashed with the realm's own policy so that their first login does not rehash. */
    private void setUpUpstream(AdminClient admin, List<Map<String, Object>> users) {
        admin.updateRealm(UPSTREAM_REALM, Map.of("passwordPolicy",
                "hashAlgorithm(pbkdf2-sha256) and hashIterations(" + Population.UPSTREAM_PBKDF2_ITERATIONS + ")",
                "bruteForceProtected", false));
        long t = System.nanoTime();
        admin.importUsers(UPSTREAM_REALM, users);
        out.printf("  %d stand-in VNeID users imported in %.1f s%n", users.size(), (System.nanoTime() - t) / 1e9);
    }

    /** Realm {@code dvc} of stock Keycloak, as a bundle with that realm only (laid over the sandbox bundle). */
    private Path stockBundle(int httpPort) throws IOException {
        Path zip = options.dataDir().resolve("stock-bundle.zip");
        Files.createDirectories(zip.getParent());
        String realm;
        try (InputStream in = BenchmarkMain.class.getResourceAsStream("stock-dvc-realm.json")) {
            realm = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@UPSTREAM@", "http://localhost:" + httpPort + "/realms/" + UPSTREAM_REALM);
        }
        try (ZipOutputStream outZip = new ZipOutputStream(Files.newOutputStream(zip))) {
            outZip.putNextEntry(new ZipEntry("realms/dvc-realm.json"));
            outZip.write(realm.getBytes(StandardCharsets.UTF_8));
            outZip.closeEntry();
        }
        return zip;
    }

    /**
     * The legacy portal database with {@code rows} synthetic accounts (H2 file). The linker only reads it, so a
     * database already filled with the same rows is reused (the million-row one takes a minute or two to fill).
     */
    private LegacyDatabaseConnection legacyDatabase(int rows) throws SQLException, IOException {
        Path dir = options.dataDir().resolve("legacy-" + rows);
        Path ready = dir.resolve("ready-seed-" + Population.SEED);
        LegacyDatabaseConnection legacy = LegacyDatabaseConnection.h2(dir);
        if (Files.exists(ready)) {
            out.printf("Legacy database of %,d accounts: reused (%s)%n", rows, dir);
            return legacy;
        }
        Files.createDirectories(dir);
        long t = System.nanoTime();
        try (Connection connection = legacy.open()) {
            LegacySchema.drop(connection);
            LegacySchema.create(connection);
            SyntheticAccountGenerator.generate(connection, rows, Population.SEED);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            }
        }
        Files.writeString(ready, rows + " synthetic accounts, seed " + Population.SEED + "\n");
        out.printf("Legacy database of %,d accounts filled in %.0f s (%s)%n", rows, (System.nanoTime() - t) / 1e9, dir);
        return legacy;
    }

    // ---- runs ------------------------------------------------------------------------------------------------

    /** Every account of {@code users} logs in once, not measured (imports, links). */
    private void prepare(KeycloakServer server, String what, String base, Journey journey,
                         List<Map<String, Object>> users) {
        Recorder recorder = new Recorder();
        long t = System.nanoTime();
        gatling(new BenchRun("prepare", base, journey, UserSource.once(users), options.concurrency(), null, recorder));
        out.printf("  prepared (%s): %d ok, %d failed in %.1f s%n", what, recorder.logins(), recorder.failures(),
                (System.nanoTime() - t) / 1e9);
        if (recorder.failures() > 0) {
            out.println("  WARNING: some preparation logins failed; see target/benchmark-servers/*/server.log");
        }
    }

    private void measure(KeycloakServer server, String flow, String variant, String pair, String base, Journey journey,
                         UserSource users) {
        long jvm = ProcStats.jvmPid(server.pid());
        String name = (flow + " " + variant).replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT);
        if (!options.warmUp().isZero()) {
            gatling(new BenchRun(name + "-warm-up", base, journey, users, options.concurrency(), options.warmUp(),
                    new Recorder()));
        }
        Recorder recorder = new Recorder();
        long registryBefore = registry.simulator().requestCount();
        double cpuBefore = ProcStats.cpuSeconds(jvm);
        gatling(new BenchRun(name, base, journey, users.continued(), options.concurrency(), options.measure(), recorder));
        double cpu = ProcStats.cpuSeconds(jvm) - cpuBefore;
        Measurement m = new Measurement(flow, variant, pair, recorder.throughput(options.measure()),
                Latencies.of(recorder.loginNanos()), recorder.logins(), recorder.failures(), cpu,
                ProcStats.peakRssBytes(jvm), Latencies.of(recorder.stepNanos()),
                registry.simulator().requestCount() - registryBefore);
        results.add(m);
        out.printf(Locale.ROOT, "  %-58s %-26s %7.1f logins/s  p50 %6.0f ms  p95 %6.0f ms  p99 %6.0f ms  %.3f CPU-s/login"
                        + "  %4.0f MiB  %d failed  (load %s)%n",
                flow, variant, m.throughput(), m.latencies().p50(), m.latencies().p95(), m.latencies().p99(),
                m.cpuSecondsPerLogin(), m.peakRssMiB(), m.failures(), Machine.loadAverage());
    }

    private void gatling(BenchRun run) {
        BenchRun.set(run);
        int status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
            "-s", LoginSimulation.class.getName(),
            "-rf", options.workDir().resolve("gatling").toString(),
            "-rd", run.name(),
            "-nr",
        });
        if (status != 0) {
            out.printf("  (Gatling ended run '%s' with status %d)%n", run.name(), status);
        }
    }

    private static List<Map<String, Object>> vneidLogins(List<String> cccds) {
        return cccds.stream().map(Population::vneidLogin).toList();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
