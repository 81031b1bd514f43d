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
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
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
 * The benchmark runner. Stock Keycloak and Keycloak with VNeID Bridge are measured side by side: for each server
 * pair both are freshly started, each scenario warms up on each until its CPU-seconds per login have settled
 * ({@link SteadyState}), then the two take turns — one server under load at a time — for a few rounds of short
 * windows ({@link LoadWindow}), so that each ratio compares windows a minute or two apart. The scenarios without a
 * stock twin run on a fresh server of ours with the small legacy database, then on one with the large database.
 * The report (median and spread of each ratio over the rounds) goes under {@code target/benchmark-report}.
 */
public final class BenchmarkMain {

    static final String UPSTREAM_REALM = "vneid-sandbox";
    private static final int PASSWORD_USERS = 50;
    private static final int BROKER_USERS = 50;
    private static final int CCCD_USERS = 40;
    /** Quick mode prepares fewer accounts (twice the concurrency): its windows are a few seconds long. */
    private static final int QUICK_USERS = 16;
    /**
     * Upper bound of first logins per second on the hardware measured, to size the use-once pools (a pool used up
     * before its window closes is reported as no measurement: {@link #ENDED_EARLY}).
     */
    private static final int MAX_FIRST_LOGINS_PER_SECOND = 40;
    /** Upper bound of step-ups from a level-1 session per second, to size their use-once pool. */
    private static final int MAX_STEP_UPS_PER_SECOND = 100;
    /** Browsers waiting at the QR page at once (each polls every 2 s, as the page's script does). */
    private static final int QR_BROWSERS = 40;
    /** Said of a window whose load stopped before it closed (the report marks it too). */
    static final String ENDED_EARLY = "the load ended before the window closed (a use-once pool used up): not a measurement";
    static final Set<PasswordFormat> MEASURED_FORMATS = EnumSet.of(PasswordFormat.BCRYPT_2A,
            PasswordFormat.PBKDF2_SHA256, PasswordFormat.SHA256_SALTED, PasswordFormat.MD5);
    private static final Set<PasswordFormat> QUICK_FORMATS = EnumSet.of(PasswordFormat.BCRYPT_2A, PasswordFormat.MD5);

    static final String PASSWORD_TITLE = "Password login of a migrated citizen (verified CCCD, linked)";
    static final String NOTICE_TITLE = "Password login of a verified, unlinked citizen (linking notice, \"Bỏ qua\")";
    static final String BROKER_TITLE = "VNeID login of a linked citizen (OIDC)";
    static final String PARTNER_TITLE = "VNeID login of a linked citizen (partner API)";
    static final String BROKER_TWIN_TITLE = "VNeID login of a linked citizen (OIDC), the partner API's twin";
    static final String LINK_TITLE = "First VNeID login, links by CCCD";
    static final String CCCD_HIT_TITLE = "CCCD check, registry cache hit";
    static final String FIRST_LOGIN_TITLE = "First legacy login (import + legacy hash + Argon2id rehash)";
    static final String BULK_LOGINS_TITLE = "Password login of a migrated citizen, without and while a bulk job runs";
    /** The bulk job's pace and registry calls at once: the most the job definition accepts. */
    private static final int BULK_RATE = 5_000;
    private static final int BULK_CONCURRENCY = 32;

    private final BenchmarkOptions options;
    private final PrintStream out;
    private final List<Measurement> results = new ArrayList<>();
    private final List<BulkWindow.Result> bulkResults = new ArrayList<>();
    private PopulationRegistryConnection registry;
    private Accounts accounts;
    /**
     * The stored login sessions of the server of ours measured alone (its realms {@code dvc} and the stand-in's),
     * dropped before each warm-up and window of a scenario without a stock twin, as the pairs do ({@link SessionReset}).
     */
    private SessionReset aloneSessions;
    /**
     * The stock server beside the server of ours measured alone (in quick mode the pair's, its windows reused), or
     * null ({@link StockReference}).
     */
    private StockReference reference;
    /** Whether the next scenario is the first on a server of ours just started alone (its JVM still compiling). */
    private boolean freshServer;
    /** Which of the servers of ours without a twin ({@link BenchmarkOptions#aloneServers()}) is running, from 1. */
    private int aloneServer = 1;

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
        if (options.argon2Lottery() > 0) {
            Argon2Lottery.run(System.out, options.argon2Lottery());
        } else {
            new BenchmarkMain(options, System.out).run();
        }
        System.exit(0);
    }

    /**
     * Who logs in. The password, notice and CCCD-form users are imported (and the migrated ones linked) by a
     * preparation pass on each fresh server; the link pool and the first-login pools are used once each per server
     * (a first login changes Keycloak's account, and each server starts with an empty database of its own; the
     * legacy database is only read).
     */
    record Accounts(List<LegacyAccount> migrated, List<LegacyAccount> notice, List<LegacyAccount> cccdForm,
                    List<LegacyAccount> link, List<SyntheticPerson> vneidOnly, List<SyntheticPerson> partnerOnly,
                    List<SyntheticPerson> levelOne, Map<PasswordFormat, List<LegacyAccount>> firstLogins) {
    }

    private void run() throws Exception {
        Instant began = Instant.now();
        Machine machine = Machine.describe();
        Files.createDirectories(options.reportDir()); // the servers' flight recordings (--jfr) go there too
        out.printf(Locale.ROOT, "Benchmark (%s mode): %d concurrent users; %s; %d round(s) each, warm-up in"
                        + " %d s slices until stable within %.0f %% (%d..%d s), re-warm %d s, window %d s; machine: %s%n",
                options.mode(), options.concurrency(), options.servers(), options.rounds(), options.slice().toSeconds(),
                options.tolerance() * 100, options.minWarmUp().toSeconds(), options.maxWarmUp().toSeconds(),
                options.rewarm().toSeconds(), options.window().toSeconds(), machine.summary());
        int small = options.smallAccounts();
        int large = options.largeAccounts();
        LegacyDatabaseConnection smallDb = options.quick() ? null : legacyDatabase(small);
        LegacyDatabaseConnection largeDb = legacyDatabase(large);
        registry = PopulationRegistryConnection.start(0, small);
        accounts = accounts(small, large);

        HashLimit.Precision precision = options.quick() ? HashLimit.Precision.QUICK : HashLimit.Precision.FULL;
        Map<PasswordFormat, Double> legacyHashes = HashLimit.legacySeconds(formats(), precision);
        double argon2id = HashLimit.argon2idSeconds(precision);
        out.printf(Locale.ROOT, "Hash floor (%d threads at once, CPU-s per hash): Argon2id %.4f; legacy %s%n",
                HashLimit.THREADS_AT_ONCE, argon2id, legacyHashes);
        try {
            boolean unpairedOnly = options.unpairedOnly();
            for (int pair = 1; pair <= options.pairs() && !unpairedOnly; pair++) {
                out.printf("Server pair %d of %d: stock and ours freshly started side by side, %d round(s)%n", pair,
                        options.pairs(), options.rounds());
                serverPair(pair, options.quick() ? largeDb : smallDb);
            }
            if (!options.quick() && !options.pairsOnly()) {
                // the servers without a twin, several per database and one after the other: their spread is the
                // spread between JVMs too (runs W1 and W2: one server per run differed from the other run's in
                // every window of five scenarios)
                for (int server = 1; server <= options.aloneServers(); server++) {
                    aloneServer = server;
                    out.printf("Ours alone, server %d of %d per legacy database, %d round(s)%n", server,
                            options.aloneServers(), options.rounds());
                    if (BenchmarkOptions.SMALL_DATABASE_SCENARIOS.stream().anyMatch(options::measures)) {
                        oursUnpaired(smallDb, String.format(Locale.ROOT, "%,d accounts", small));
                    }
                    if (BenchmarkOptions.LARGE_DATABASE_SCENARIOS.stream().anyMatch(options::measures)) {
                        oursLarge(largeDb);
                    }
                }
            }
        } finally {
            registry.close();
        }
        Duration took = Duration.between(began, Instant.now());
        // the floor again, now that the run is over: the machine's speed drifts; the lower of the two is the floor
        // (quick mode: once is enough for an indicative run)
        Map<PasswordFormat, Double> legacyHashesAtEnd = options.quick() ? legacyHashes
                : HashLimit.legacySeconds(formats(), precision);
        double argon2idAtEnd = options.quick() ? argon2id : HashLimit.argon2idSeconds(precision);
        out.printf(Locale.ROOT, "Hash floor at the end (%d threads at once, CPU-s per hash): Argon2id %.4f; legacy %s%n",
                HashLimit.THREADS_AT_ONCE, argon2idAtEnd, legacyHashesAtEnd);
        Map<PasswordFormat, Double> legacyFloor = new EnumMap<>(PasswordFormat.class);
        legacyHashes.forEach((format, seconds) -> legacyFloor.put(format,
                Math.min(seconds, legacyHashesAtEnd.getOrDefault(format, seconds))));
        Path report = new Report(options, machine.withEnd(Machine.loadAverage()), results, took,
                Math.min(argon2id, argon2idAtEnd), legacyFloor, bulkResults).write(options.reportDir());
        out.printf("Done in %d min %02d s. Report: %s%n", took.toMinutes(), took.toSecondsPart(), report);
    }

    private Accounts accounts(int small, int large) {
        int passwordUsers = users(PASSWORD_USERS);
        int brokerUsers = users(BROKER_USERS);
        List<LegacyAccount> notice = Population.select(small, 0, passwordUsers, Population::verifiedCitizen);
        List<LegacyAccount> cccdForm = Population.select(small, 0, users(CCCD_USERS), Population::unverifiedCitizen);
        Set<String> taken = new HashSet<>();
        notice.forEach(account -> taken.add(account.cccd()));
        cccdForm.forEach(account -> taken.add(account.cccd()));
        List<LegacyAccount> candidates = Population.select(small, 0, Integer.MAX_VALUE,
                account -> Population.verifiedCitizen(account) && !taken.contains(account.cccd()));
        Set<String> duplicated = Population.heldMoreThanOnce(large,
                candidates.stream().map(LegacyAccount::cccd).collect(Collectors.toSet()));
        // the migrated citizens below come from the same verified citizens: the link pool leaves them room
        List<LegacyAccount> link = candidates.stream().filter(a -> !duplicated.contains(a.cccd()))
                .limit(Math.max(0, Math.min(linkPool(), candidates.size() - 4 * passwordUsers))).toList();
        link.forEach(account -> taken.add(account.cccd()));
        // migrated citizens: verified, their number on one row only (in the large database too), linked on each server
        List<LegacyAccount> migrated = Population.verifiedCitizensHeldOnce(small, 2 * passwordUsers, taken).stream()
                .filter(account -> !duplicated.contains(account.cccd())).limit(passwordUsers).toList();
        Set<String> migratedDuplicated = Population.heldMoreThanOnce(large,
                migrated.stream().map(LegacyAccount::cccd).collect(Collectors.toSet()));
        migrated = migrated.stream().filter(account -> !migratedDuplicated.contains(account.cccd())).toList();
        Map<PasswordFormat, List<LegacyAccount>> firstLogins = Population.byFormat(large, small, firstLoginPool(),
                formats());
        Accounts selected = new Accounts(migrated, notice, cccdForm, link,
                Population.citizensWithoutLegacyAccount(0, brokerUsers, small),
                Population.citizensWithoutLegacyAccount(brokerUsers, brokerUsers, small),
                Population.citizensWithoutLegacyAccount(2 * brokerUsers, brokerUsers, small), firstLogins);
        out.printf("Accounts: %d migrated, %d notice, %d CCCD-form, %d link-by-CCCD (of %d), %d + %d + %d VNeID-only"
                        + " citizens, %d first logins per format%n", migrated.size(), notice.size(), cccdForm.size(),
                link.size(), candidates.size(), selected.vneidOnly().size(), selected.partnerOnly().size(),
                selected.levelOne().size(), firstLoginPool());
        if (options.quick()) {
            out.println("  (quick mode: indicative only)");
        }
        if (link.size() < linkPool()) {
            out.println("  WARNING: the link-by-CCCD pool is smaller than a capped warm-up and window need");
        }
        return selected;
    }

    /** How many accounts of a kind to prepare: {@code full}, or fewer in quick mode. */
    private int users(int full) {
        return options.quick() ? Math.min(full, QUICK_USERS) : full;
    }

    /**
     * Accounts a first-login scenario may need: the fastest first logins over the longest warm-up and the window, and
     * over each later round's re-warm and window.
     */
    private int firstLoginPool() {
        return MAX_FIRST_LOGINS_PER_SECOND * (int) (options.cap().toSeconds() + laterRoundsSeconds())
                + 4 * options.concurrency();
    }

    /** Accounts the link scenario may need: it warms up for at most a minute on a server warmed up before. */
    private int linkPool() {
        return MAX_FIRST_LOGINS_PER_SECOND * (int) (options.useOnceLength().toSeconds() + laterRoundsSeconds())
                + 4 * options.concurrency();
    }

    /** How long the rounds after a scenario's first window load the server alone (each a re-warm and a window). */
    private long laterRoundsSeconds() {
        return (long) (options.rounds() - 1) * (options.rewarm().plus(options.window()).toSeconds() + 5);
    }

    // ---- the servers ----------------------------------------------------------------------------------------

    /**
     * One server pair: stock and ours freshly started side by side (ours with {@code legacy}), with a third server
     * that holds the stand-in VNeID both broker to and that is not measured ({@link StandIn}); each set up and its
     * accounts prepared; then each family of scenarios runs {@link #sideBySide side by side}: the password logins
     * (stock, ours migrated, ours with the notice), then the VNeID logins (stock's OIDC broker, ours over OIDC, ours
     * over the partner API). Stock is Keycloak as shipped with realm {@code dvc} only. Quick mode starts no third
     * server (the stand-in inside ours, as for a server of ours measured alone; one JVM fewer to start), compares the
     * partner API with the broker's stock window, and its scenarios without a stock twin follow on the same server of
     * ours, each compared with the pair's stock window of its kind ({@link StockReference#ofPairWindows}).
     */
    private void serverPair(int pair, LegacyDatabaseConnection legacy) throws IOException {
        int oursPort = freePort();
        // quick mode: the stand-in inside ours, as for every server of ours measured alone (one JVM fewer to start)
        boolean ownStandIn = options.quick();
        int standInPort = ownStandIn ? oursPort : freePort();
        int stockPort = freePort();
        Path stockRealm = stockBundle(standInPort);
        KeycloakServerConfig.Builder standInConfig = KeycloakServerConfig.builder()
                .name("bench-vneid")
                // the stand-in VNeID (providers, realm) of the sandbox bundle; its realm dvc (stock's, which needs
                // no provider of ours) is never used
                .providersBundle(options.sandboxBundle())
                .extraBundle(stockRealm)
                .jvmOptions(options.plainJvm() ? "" : KeycloakServerConfig.ARGON2_INLINING);
        KeycloakServerConfig.Builder stockConfig = stockConfig(stockRealm);
        // all start at once (nothing is measured while they start); none is left running if another fails
        CompletableFuture<KeycloakServer> standInStarted = ownStandIn ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> start(standInConfig, standInPort));
        CompletableFuture<KeycloakServer> stockStarted = CompletableFuture.supplyAsync(() -> start(stockConfig, stockPort));
        KeycloakServer oursStarted = null;
        KeycloakServer stockServer = null;
        KeycloakServer standInServer = null;
        try {
            oursStarted = startOurs(legacy, oursPort);
            stockServer = stockStarted.join();
            standInServer = standInStarted.join();
        } catch (RuntimeException e) {
            stockStarted.thenAccept(KeycloakServer::close);
            standInStarted.thenAccept(server -> {
                if (server != null) {
                    server.close();
                }
            });
            if (oursStarted != null) {
                oursStarted.close();
            }
            throw e;
        }
        try (KeycloakServer vneid = standInServer; KeycloakServer stock = stockServer; KeycloakServer ours = oursStarted) {
            AdminClient admin = admin(ours);
            StandIn standIn = vneid == null ? new StandIn(ours, admin) : new StandIn(vneid, admin(vneid));
            AdminClient stockAdmin = admin(stock);
            setUpUpstream(standIn.admin(), accounts.vneidOnly().stream().map(Population::upstreamUser).toList());
            List<Map<String, Object>> stockPasswordLogins = stockUsers(stockAdmin);

            setUpOurs(admin, standIn);
            String base = ours.baseUri().toString();
            ScenarioSetup.MigratedCitizens migrated = migrated(admin, standIn, base);
            List<Map<String, Object>> noticeLogins = accounts.notice().stream().map(Population::legacyLogin).toList();
            List<Map<String, Object>> brokerLogins = vneidLogins(accounts.vneidOnly().stream().map(SyntheticPerson::cccd).toList());
            prepare("import the unlinked citizens", base, Journey.PASSWORD, noticeLogins);
            prepare("link the VNeID-only citizens", base, Journey.VNEID, brokerLogins);
            // the partner API: citizens of its own (a citizen linked over one protocol cannot log in over the other);
            // its stock twin is the OIDC broker of the same round
            ScenarioSetup.speakPartnerApi(admin, ours, standIn);
            List<Map<String, Object>> partnerLogins = ScenarioSetup.partnerApiCitizens(standIn.admin(),
                    accounts.partnerOnly());
            prepare("link the partner-API citizens", base, Journey.VNEID, partnerLogins);
            ScenarioSetup.speakOidc(admin);
            // every warm-up and window starts with no stored login session on any server (the stand-in's realm
            // included, on a third server or in quick mode inside ours)
            SessionReset sessions = new SessionReset(List.of(new SessionReset.Realm(stockAdmin, "dvc"),
                    new SessionReset.Realm(admin, "dvc"), new SessionReset.Realm(standIn.admin(), UPSTREAM_REALM)));

            if (!options.vneidOnly()) {
                sideBySide(pair, sessions, stock, ours, List.of(
                        new Leg(stock, "password", PASSWORD_TITLE, "stock", "password", Journey.PASSWORD,
                                UserSource.roundRobin(stockPasswordLogins)),
                        new Leg(ours, "password", PASSWORD_TITLE, "ours", "password", Journey.MIGRATED_PASSWORD,
                                UserSource.roundRobin(migrated.passwordLogins())),
                        new Leg(ours, "notice", NOTICE_TITLE, "ours", null, Journey.PASSWORD,
                                UserSource.roundRobin(noticeLogins))));
            }
            if (options.passwordOnly()) {
                return;
            }
            List<Map<String, Object>> stockBrokerLogins = vneidLogins(accounts.vneidOnly().stream()
                    .map(SyntheticPerson::cccd).toList());
            sideBySide(pair, sessions, stock, ours, List.of(
                    new Leg(stock, "broker", BROKER_TITLE, "stock", "broker", Journey.VNEID,
                            UserSource.roundRobin(stockBrokerLogins)),
                    new Leg(ours, "broker", BROKER_TITLE, "ours", "broker", Journey.VNEID,
                            UserSource.roundRobin(brokerLogins))));
            // the partner API in a family of its own, the provider switched once for all its rounds: switching it
            // before every round evicted the provider from Keycloak's cache and put the reload of its mappers on the
            // partner rounds alone (run I's profile, docs/benchmarks.md); its stock twin is stock's OIDC broker again
            ScenarioSetup.speakPartnerApi(admin, ours, standIn);
            // quick mode: ours' partner-API window against the stock window of the broker family just before (a
            // second stock broker window would only repeat it in an indicative run)
            sideBySide(pair, sessions, stock, ours, options.quick()
                    ? List.of(new Leg(ours, "partner", PARTNER_TITLE, "ours", "broker", Journey.VNEID,
                            UserSource.roundRobin(partnerLogins)))
                    : List.of(new Leg(stock, "broker-twin", BROKER_TWIN_TITLE, "stock", "partner", Journey.VNEID,
                                    UserSource.roundRobin(stockBrokerLogins)),
                            new Leg(ours, "partner", PARTNER_TITLE, "ours", "partner", Journey.VNEID,
                                    UserSource.roundRobin(partnerLogins))));
            ScenarioSetup.speakOidc(admin);
            if (options.quick()) {
                // as full mode's servers without a twin: the stand-in inside ours (already, in quick mode), the link
                // pool's accounts added there
                aloneSessions = sessionsOf(admin);
                List<Map<String, Object>> ownUpstream = new ArrayList<>();
                accounts.link().forEach(account -> ownUpstream.add(Population.upstreamUser(account)));
                setUpUpstream(standIn.admin(), ownUpstream);
                // the yardstick is the pair's stock server, whose broker logs in at the stand-in inside ours as a
                // full run's stock reference does: its password and broker windows of the pair stand for a window
                // of their own beside each scenario of ours
                reference = StockReference.ofPairWindows(stock, results);
                try {
                    unpaired(ours, admin, standIn, String.format(Locale.ROOT, "%,d accounts", options.largeAccounts()),
                            migrated);
                    firstLogins(ours);
                    if (options.measures("bulk")) {
                        bulk(ours, admin, migrated);
                    }
                } finally {
                    reference = null;
                }
            }
        }
    }

    /**
     * Stock's users in realm {@code dvc}: a password user per migrated citizen and the VNeID-only citizens, linked to
     * the stand-in beforehand; returns the password users' logins.
     */
    private List<Map<String, Object>> stockUsers(AdminClient stockAdmin) {
        List<Map<String, Object>> users = new ArrayList<>();
        List<Map<String, Object>> passwordLogins = new ArrayList<>();
        for (int i = 0; i < accounts.migrated().size(); i++) {
            String username = "congdan." + (i + 1);
            users.add(Population.stockPasswordUser(username, accounts.migrated().get(i).fullName()));
            passwordLogins.add(Map.of("username", username));
        }
        accounts.vneidOnly().forEach(person -> users.add(Population.stockLinkedUser(person)));
        stockAdmin.importUsers("dvc", users);
        return passwordLogins;
    }

    /** One side of a family of scenarios run side by side: a scenario on one of the two servers. */
    private record Leg(KeycloakServer server, String scenario, String title, String variant, String pair,
                       Journey journey, UserSource users) {
    }

    /**
     * Runs a family of scenarios on the two servers of a pair, one server under load at a time: each leg warms up
     * until it is stable ({@link SteadyState}); then, for each of {@link BenchmarkOptions#rounds()} rounds, each leg
     * in turn runs a window after a short re-warm, in an order that rotates from round to round
     * ({@link Rotation}). The windows of one round are a minute or two apart, so a ratio within a round compares the
     * two servers on the same machine in the same state: a shared machine's speed drifts over minutes, more than
     * the difference measured. Before each warm-up and window, every server of the pair drops its stored login
     * sessions ({@link SessionReset}): on H2 a login costs more the more sessions are stored.
     */
    private void sideBySide(int pair, SessionReset sessions, KeycloakServer stock, KeycloakServer ours,
                            List<Leg> legs) {
        Map<Leg, Measurement.WarmUp> warm = new LinkedHashMap<>();
        for (Leg leg : legs) {
            if (!options.quick()) { // quick mode: the round's re-warm is the warm-up
                sessions.run(out);
                warm.put(leg, warmUp(leg, idleServer(stock, ours, leg)));
            }
        }
        for (int round = 1; round <= options.rounds(); round++) {
            int repetition = (pair - 1) * options.rounds() + round;
            for (Leg leg : Rotation.of(legs, repetition)) {
                sessions.run(out);
                window(leg, repetition, warm.get(leg), idleServer(stock, ours, leg));
            }
        }
    }

    /**
     * The JVM of the other server of the pair, idle while {@code leg} runs (also in a family with a leg on one server
     * only: quick mode's partner API, whose stock window is the broker family's, both JVMs counted on both sides).
     */
    private static long idleServer(KeycloakServer stock, KeycloakServer ours, Leg leg) {
        return ProcStats.jvmPid((leg.server() == stock ? ours : stock).pid());
    }

    /** The leg's warm-up: load until its CPU-seconds per login are stable; what it measured is not kept. */
    private Measurement.WarmUp warmUp(Leg leg, long idleJvm) {
        long jvm = ProcStats.jvmPid(leg.server().pid());
        BenchRun run = BenchRun.measured(runName(leg.scenario(), leg.variant() + " warm-up", 0),
                leg.server().baseUri().toString(), leg.journey(), leg.users(), options.concurrency(), options.cap(),
                new Recorder());
        LoadWindow.Result result = LoadWindow.run(run, jvm, idleJvm, null, options.steadyState(), options.slice(),
                Duration.ofSeconds(1), Measurement.Unit.LOGIN, () -> registry.simulator().requestCount(), this::gatling);
        Measurement.WarmUp warmUp = result.warmUp();
        out.printf(Locale.ROOT, "  %-14s %-8s warm-up %3d s (%s, spread %.1f %%)%n", leg.scenario(),
                shortVariant(leg.variant()), warmUp.seconds(), warmUp.stable() ? "stable" : "capped",
                warmUp.spread() * 100);
        return warmUp;
    }

    /** One round's window of a leg, after a re-warm; reported with the leg's warm-up. */
    private void window(Leg leg, int repetition, Measurement.WarmUp warmUp, long idleJvm) {
        long jvm = ProcStats.jvmPid(leg.server().pid());
        BenchRun run = BenchRun.measured(runName(leg.scenario(), leg.variant(), repetition),
                leg.server().baseUri().toString(), leg.journey(), leg.users(), options.concurrency(), options.cap(),
                new Recorder());
        LoadWindow.Result result = LoadWindow.run(run, jvm, idleJvm, leg.server().managementUri(),
                options.rewarmJudge(), options.rewarmSlice(), options.window(), Measurement.Unit.LOGIN,
                () -> registry.simulator().requestCount(), this::gatling);
        record(leg.server(), leg.scenario(), leg.title(), leg.variant(), leg.pair(), repetition,
                Measurement.Unit.LOGIN, options.concurrency(), result, warmUp != null ? warmUp : result.warmUp());
    }

    /** The migrated citizens on this server: linked by a first VNeID login, then their first password login. */
    private ScenarioSetup.MigratedCitizens migrated(AdminClient admin, StandIn standIn, String base) {
        ScenarioSetup.keepPortalPasswordForCitizens(admin).ifPresent(change -> out.println("  " + change));
        ScenarioSetup.MigratedCitizens migrated = ScenarioSetup.migratedCitizens(standIn.admin(), accounts.migrated());
        prepare("link the migrated citizens by a first VNeID login", base, Journey.VNEID, migrated.linkLogins());
        prepare("the migrated citizens' first password login", base, Journey.PASSWORD, migrated.passwordLogins());
        return migrated;
    }

    /** The login sessions of a server of ours measured alone: its realm {@code dvc} and its own stand-in's realm. */
    private static SessionReset sessionsOf(AdminClient admin) {
        return new SessionReset(List.of(new SessionReset.Realm(admin, "dvc"),
                new SessionReset.Realm(admin, UPSTREAM_REALM)));
    }

    /** What runs on a server of ours measured alone, once it is set up. */
    @FunctionalInterface
    private interface AloneScenarios {
        void run(KeycloakServer ours, AdminClient admin, StandIn own);
    }

    /**
     * A server of ours measured alone, freshly started with {@code legacy}, its own stand-in VNeID set up; unless
     * {@code --no-reference}, a stock Keycloak freshly started beside it ({@link StockReference}), its broker going
     * to ours' stand-in, so that each window of ours has a stock window of the same minutes. Both start at once.
     */
    private void alone(LegacyDatabaseConnection legacy, AloneScenarios scenarios) throws IOException {
        int oursPort = freePort();
        CompletableFuture<KeycloakServer> stockStarted = CompletableFuture.completedFuture(null);
        if (options.reference() && BenchmarkOptions.REFERENCED_SCENARIOS.stream().anyMatch(options::measures)) {
            KeycloakServerConfig.Builder stockConfig = stockConfig(stockBundle(oursPort));
            stockStarted = CompletableFuture.supplyAsync(() -> start(stockConfig, freePort()));
        }
        KeycloakServer oursStarted;
        try {
            oursStarted = startOurs(legacy, oursPort);
        } catch (RuntimeException e) {
            stockStarted.thenAccept(stock -> {
                if (stock != null) {
                    stock.close();
                }
            });
            throw e;
        }
        try (KeycloakServer ours = oursStarted; KeycloakServer stock = stockStarted.join()) {
            AdminClient admin = admin(ours);
            StandIn own = new StandIn(ours, admin);
            setUpOurs(admin, own);
            aloneSessions = sessionsOf(admin);
            freshServer = true;
            List<Map<String, Object>> upstream = new ArrayList<>();
            accounts.link().forEach(account -> upstream.add(Population.upstreamUser(account)));
            if (stock != null) {
                AdminClient stockAdmin = admin(stock);
                List<Map<String, Object>> passwordLogins = stockUsers(stockAdmin);
                accounts.vneidOnly().forEach(person -> upstream.add(Population.upstreamUser(person)));
                reference = new StockReference(stock, new SessionReset(List.of(new SessionReset.Realm(stockAdmin, "dvc"))),
                        UserSource.roundRobin(passwordLogins),
                        UserSource.roundRobin(vneidLogins(accounts.vneidOnly().stream().map(SyntheticPerson::cccd)
                                .toList())), true);
            }
            setUpUpstream(admin, upstream);
            scenarios.run(ours, admin, own);
        } finally {
            reference = null;
        }
    }

    /** Ours, freshly started with the small legacy database: the scenarios without a stock twin. */
    private void oursUnpaired(LegacyDatabaseConnection legacy, String size) throws IOException {
        alone(legacy, (ours, admin, own) -> unpaired(ours, admin, own, size,
                migrated(admin, own, ours.baseUri().toString())));
    }

    private void unpaired(KeycloakServer ours, AdminClient admin, StandIn standIn, String size,
                          ScenarioSetup.MigratedCitizens migrated) {
        String base = ours.baseUri().toString();
        List<Map<String, Object>> cccdLogins = accounts.cccdForm().stream().map(Population::legacyLogin).toList();
        if (options.measures("cccd-miss") || options.measures("cccd-hit")) {
            prepare("import the CCCD-form users", base, Journey.PASSWORD, cccdLogins);
        }
        if (options.measures("cccd-miss")) {
            measure(ours, "cccd-miss", "CCCD check, registry cache miss", "ours", StockReference.Kind.PASSWORD, base, Journey.CCCD_MISS,
                    UserSource.roundRobin(cccdLogins));
        }
        if (options.measures("cccd-hit")) {
            prepare("ask the registry once for each CCCD-hit number", base, Journey.CCCD_HIT, cccdLogins);
            measure(ours, "cccd-hit", CCCD_HIT_TITLE, "ours", StockReference.Kind.PASSWORD, base, Journey.CCCD_HIT,
                    UserSource.roundRobin(cccdLogins));
        }
        if (options.measures("link")) {
            link(ours, size, () -> migrated);
        }

        // step-up to level 2 from a password session (the window also holds the password login before it) and from
        // a VNeID level-1 session kept by a preparation pass (the window holds only step-ups)
        if (options.measures("step-up-password")) {
            measure(ours, "step-up-password", "Step-up to level 2 from a password session", "ours",
                    StockReference.Kind.PASSWORD, base,
                    Journey.STEP_UP_FROM_PASSWORD, UserSource.roundRobin(ScenarioSetup.stepUpFromPassword(migrated)));
        }
        if (options.measures("step-up-level-1")) {
            stepUpFromLevelOne(ours, standIn, base, migrated);
        }

        // browsers waiting at the stand-in's QR, polling as its page does (one poll every 2 s)
        if (options.measures("qr")) {
            measure(ours, "qr", "QR login: browsers waiting at the QR page", QR_BROWSERS + " browsers", null, base,
                    Journey.QR_WAITING, UserSource.roundRobin(ScenarioSetup.qrWaitingBrowsers(QR_BROWSERS)),
                    Measurement.Unit.POLL, options.steadyState(), QR_BROWSERS, true);
        }
    }

    private void stepUpFromLevelOne(KeycloakServer ours, StandIn standIn, String base,
                                    ScenarioSetup.MigratedCitizens migrated) {
        warmUpIfFresh(ours, () -> migrated); // before its sessions are prepared: the warm-up drops stored sessions
        AdminClient admin = standIn.admin();
        ScenarioSetup.LevelOneSessions levelOne = ScenarioSetup.levelOneSessions(admin, accounts.levelOne(),
                MAX_STEP_UPS_PER_SECOND * (int) (options.useOnceLength().toSeconds() + laterRoundsSeconds())
                        + 4 * options.concurrency());
        prepare("link the level-1 citizens", base, Journey.VNEID, levelOne.linkLogins());
        ScenarioSetup.standInAnswersLevelOne(admin);
        try {
            prepare("open a VNeID level-1 session per step-up", base, Journey.VNEID_LEVEL_ONE_SESSION, levelOne.sessions());
        } finally {
            ScenarioSetup.standInAnswersAccountLevel(admin);
        }
        // its level-1 sessions are what it steps up from: they are not dropped before its windows
        measure(ours, "step-up-level-1", "Step-up to level 2 from a VNeID level-1 session", "ours",
                StockReference.Kind.BROKER, base,
                Journey.STEP_UP_FROM_LEVEL_ONE, UserSource.once(levelOne.sessions()), Measurement.Unit.LOGIN,
                options.useOnceSteadyState(), options.concurrency(), false);
    }

    /** Ours, freshly started with the large legacy database: first legacy logins per format, linking by CCCD. */
    private void oursLarge(LegacyDatabaseConnection legacy) throws IOException {
        alone(legacy, (server, admin, own) -> {
            List<ScenarioSetup.MigratedCitizens> prepared = new ArrayList<>(1); // prepared once, when first needed
            Supplier<ScenarioSetup.MigratedCitizens> migrated = () -> {
                if (prepared.isEmpty()) {
                    prepared.add(migrated(admin, own, server.baseUri().toString()));
                }
                return prepared.get(0);
            };
            if (options.measures("first-login")) {
                firstLogins(server);
            }
            if (options.measures("link-large")) {
                link(server, String.format(Locale.ROOT, "%,d accounts", options.largeAccounts()), migrated);
            }
            if (options.measures("bulk")) {
                bulk(server, admin, migrated.get());
            }
        });
    }

    /**
     * Bulk pre-verification over this server's whole legacy database (issue 18): the migrated citizens' password
     * login measured without a job, then a job started as an operator would, its own pace measured over a window in
     * which nothing else loads the server ({@link BulkWindow}), then the same logins again while it runs; the job is
     * cancelled at the end. The server's cap ({@code bulkMaxRatePerSecond}) is raised for this in {@link #startOurs}.
     */
    private void bulk(KeycloakServer server, AdminClient admin, ScenarioSetup.MigratedCitizens migrated) {
        String base = server.baseUri().toString();
        measure(server, "bulk-logins", BULK_LOGINS_TITLE, "no job", null, base, Journey.MIGRATED_PASSWORD,
                UserSource.roundRobin(migrated.passwordLogins()));
        BulkWindow job = new BulkWindow(admin);
        try {
            job.start(BULK_RATE, BULK_CONCURRENCY);
            // three windows long: the job's progress moves a batch (up to 500 accounts) at a time
            BulkWindow.Result alone = job.measure(ProcStats.jvmPid(server.pid()), options.window().multipliedBy(3),
                    () -> registry.simulator().requestCount());
            bulkResults.add(alone);
            out.printf(Locale.ROOT, "  bulk job alone: %,d accounts in %.0f s = %.1f accounts/s, %d registry calls,"
                            + " server %.5f CPU-s/account, runner (registry simulator) %.5f CPU-s/account, of %,d rows"
                            + " (%s; load %s)%n", alone.accounts(), alone.seconds(), alone.accountsPerSecond(),
                    alone.registryCalls(), alone.serverCpuPerAccount(), alone.runnerCpuPerAccount(), alone.total(),
                    alone.state(), alone.load());
            measure(server, "bulk-logins", BULK_LOGINS_TITLE, "job running", null, base, Journey.MIGRATED_PASSWORD,
                    UserSource.roundRobin(migrated.passwordLogins()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            out.println("  WARNING: the bulk job could not be measured: " + e.getMessage());
        } finally {
            try {
                job.cancel();
            } catch (RuntimeException e) {
                out.println("  WARNING: the bulk job could not be cancelled: " + e.getMessage());
            }
        }
    }

    /**
     * First VNeID logins that link by CCCD, on a server warmed up by the scenarios before (a shorter warm-up cap), or
     * by {@link #warmUpIfFresh} when it is the server's first scenario.
     */
    private void link(KeycloakServer server, String size, Supplier<ScenarioSetup.MigratedCitizens> migrated) {
        warmUpIfFresh(server, migrated);
        measure(server, "link", LINK_TITLE, size, StockReference.Kind.BROKER, server.baseUri().toString(), Journey.VNEID,
                UserSource.once(vneidLogins(accounts.link().stream().map(LegacyAccount::cccd).toList())),
                Measurement.Unit.LOGIN, options.useOnceSteadyState(), options.concurrency(), true);
    }

    /**
     * A scenario whose accounts are used once and are costly to set up (the link, the step-up from level 1) has a pool
     * sized for a warm-up of at most {@link BenchmarkOptions#LINK_WARM_UP_CAP} on a server that earlier scenarios
     * warmed up. When it is the first scenario on a fresh server (a run of {@code --unpaired=link,step-up-level-1}),
     * the server's JVM first warms up here, unmeasured, on the migrated citizens' VNeID login (linked: round-robin),
     * for at least {@link BenchmarkOptions#FRESH_JVM_WARM_UP}, with its stored sessions dropped before and after. Run
     * L1 of 2026-12-07 had the link first: its own warm-up lasted the fresh JVM's 240 s cap and its pool ran out in
     * the second round.
     */
    private void warmUpIfFresh(KeycloakServer server, Supplier<ScenarioSetup.MigratedCitizens> migrated) {
        if (!freshServer) {
            return;
        }
        List<Map<String, Object>> logins = migrated.get().linkLogins();
        if (aloneSessions != null) {
            aloneSessions.run(out);
        }
        BenchRun run = BenchRun.measured(runName("fresh-server", "ours warm-up", 0), server.baseUri().toString(),
                Journey.VNEID, UserSource.roundRobin(logins), options.concurrency(), options.cap(), new Recorder());
        LoadWindow.Result result = LoadWindow.run(run, ProcStats.jvmPid(server.pid()), 0, null,
                options.freshServerSteadyState(), options.slice(), Duration.ofSeconds(1), Measurement.Unit.LOGIN,
                () -> registry.simulator().requestCount(), this::gatling);
        freshServer = false;
        if (aloneSessions != null) {
            aloneSessions.run(out);
        }
        out.printf(Locale.ROOT, "  %-14s %-8s warm-up %3d s (%s, spread %.1f %%): the migrated citizens' VNeID login,"
                        + " not measured (a scenario that uses its accounts once comes first on this fresh server)%n",
                "fresh server", "ours", result.warmUp().seconds(), result.warmUp().stable() ? "stable" : "capped",
                result.warmUp().spread() * 100);
    }

    private void firstLogins(KeycloakServer server) {
        for (PasswordFormat format : formats()) {
            measure(server, "first-login", FIRST_LOGIN_TITLE, label(format), StockReference.Kind.PASSWORD,
                    server.baseUri().toString(),
                    Journey.PASSWORD,
                    UserSource.once(accounts.firstLogins().get(format).stream().map(Population::legacyLogin).toList()));
        }
    }

    /**
     * The legacy hash formats whose first login this run measures, and whose floor it measures: quick mode the dearest
     * and the cheapest only (each floor takes a few seconds to measure).
     */
    private Set<PasswordFormat> formats() {
        return options.quick() ? QUICK_FORMATS : MEASURED_FORMATS;
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

    /** Keycloak as shipped, with realm {@code dvc} of {@code stockRealm} ({@link #stockBundle}) brokering to a stand-in. */
    private KeycloakServerConfig.Builder stockConfig(Path stockRealm) {
        return KeycloakServerConfig.builder()
                .name("bench-stock")
                .providersBundle(stockRealm)
                .jvmOptions(jvmOptions("stock"));
    }

    private KeycloakServer startOurs(LegacyDatabaseConnection legacy, int httpPort) {
        return start(registry.configure(legacy.configure(KeycloakServerConfig.builder()
                .name("bench-ours")
                .jvmOptions(jvmOptions("ours"))
                .providersBundle(options.providersBundle())
                // the sandbox realm dvc and the stand-in VNeID, as in the sandbox
                .extraBundle(options.sandboxBundle())))
                // long enough for the cache-hit window to follow the pass that filled the cache (default 60 s)
                .runtimeOption("spi-vneid-population-registry--c06-soap--cache-ttl-seconds", "600")
                // the bulk job's pace is the job's to say here (its default server cap is 50 calls a second)
                .runtimeOption("spi-vneid-population-registry--c06-soap--bulk-max-rate-per-second",
                        String.valueOf(BULK_RATE)), httpPort);
    }

    /**
     * The same for stock and ours (the launcher's heap, Argon2 inlined, or nothing with {@code --plain-jvm}); with
     * {@code --jfr} a Java Flight Recorder profile of each server, written to the report's folder when it stops, to
     * find work a login does not need.
     */
    private String jvmOptions(String variant) {
        String flags = options.plainJvm() ? "" : KeycloakServerConfig.ARGON2_INLINING;
        return options.flightRecorder() ? (flags + " -XX:StartFlightRecording=settings=profile,dumponexit=true,"
                + "filename=" + options.reportDir().resolve(variant + "-" + System.currentTimeMillis() + ".jfr"))
                .strip() : flags;
    }

    private static AdminClient admin(KeycloakServer server) {
        return new AdminClient(server.baseUri(), server.config().adminUsername(), server.config().adminPassword());
    }

    /** Points the vneid provider at the stand-in and lets the CCCD form be tried as often as the load needs. */
    private static void setUpOurs(AdminClient admin, StandIn standIn) {
        admin.updateIdentityProvider("dvc", "vneid", Map.of("sandboxIssuer", standIn.issuer().toString()));
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

    /** Realm {@code dvc} of stock Keycloak, brokering to the stand-in on {@code standInPort}: a bundle of that realm only. */
    private Path stockBundle(int standInPort) throws IOException {
        Path zip = options.dataDir().resolve("stock-bundle.zip");
        Files.createDirectories(zip.getParent());
        String realm;
        try (InputStream in = BenchmarkMain.class.getResourceAsStream("stock-dvc-realm.json")) {
            realm = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@UPSTREAM@", "http://localhost:" + standInPort + "/realms/" + UPSTREAM_REALM);
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
    private void prepare(String what, String base, Journey journey, List<Map<String, Object>> users) {
        Recorder recorder = new Recorder();
        long t = System.nanoTime();
        gatling(BenchRun.preparation("prepare", base, journey, UserSource.once(users), options.concurrency(), recorder));
        out.printf("  prepared (%s): %d ok, %d failed in %.1f s%n", what, recorder.logins(), recorder.failures(),
                (System.nanoTime() - t) / 1e9);
        if (recorder.failures() > 0) {
            out.println("  WARNING: some preparation logins failed; see target/benchmark-servers/*/server.log");
        }
    }

    private void measure(KeycloakServer server, String scenario, String title, String variant,
                         StockReference.Kind reference, String base, Journey journey, UserSource users) {
        measure(server, scenario, title, variant, reference, base, journey, users, Measurement.Unit.LOGIN,
                options.steadyState(), options.concurrency(), true);
    }

    /**
     * A scenario on a server of ours alone: its warm-up and first window, then a window in each later round after a
     * short re-warm ({@link BenchmarkOptions#rounds()} in all, as the pairs have), so that its figures have a median
     * and a spread. Before the warm-up and each window the server drops its stored login sessions
     * ({@link #aloneSessions}) unless {@code dropSessions} is false (a scenario that starts from sessions it prepared).
     * A use-once pool used up ends the rounds. With a {@link #reference} server that gives the {@code reference}
     * kind, that stock login warms up first if it has not yet on this server, and each round also runs a window of it,
     * right after ours' window in odd rounds and right before it in even ones (round 1's comes after: ours' warm-up
     * leads to its window), so that neither side always follows the other; in quick mode the pair's stock window of
     * that login stands for it ({@link StockReference#ofPairWindows}).
     */
    private void measure(KeycloakServer server, String scenario, String title, String variant,
                         StockReference.Kind reference, String base, Journey journey, UserSource users,
                         Measurement.Unit unit, SteadyState judge, int concurrency, boolean dropSessions) {
        long jvm = ProcStats.jvmPid(server.pid());
        StockReference stock = reference == null || this.reference == null || !this.reference.gives(reference) ? null
                : this.reference;
        long idleJvm = stock == null ? 0 : ProcStats.jvmPid(stock.server().pid());
        if (stock != null && !stock.reuses(reference) && stock.warmUp(reference) == null) {
            // before ours' warm-up, as the pairs warm every leg up before their rounds: round 1's couple of windows
            // is then a re-warm apart, not a stock warm-up of minutes (runs Y1 and Y2 had it between them)
            referenceWarmUp(stock, reference, jvm);
        }
        Measurement.WarmUp warmUp = null;
        for (int round = 1; round <= options.rounds(); round++) {
            if (!users.hasMore()) {
                out.printf("  %s %s: its accounts are used up after %d round(s)%n", scenario, variant, round - 1);
                return;
            }
            // the windows of the later servers without a twin follow those of the first (their repetitions)
            int repetition = (aloneServer - 1) * options.rounds() + round;
            boolean referenceFirst = stock != null && round % 2 == 0;
            if (referenceFirst) {
                referenceWindow(stock, reference, title, variant, repetition, jvm, dropSessions);
            }
            if (dropSessions && aloneSessions != null) {
                aloneSessions.run(out);
            }
            BenchRun run = BenchRun.measured(runName(scenario, variant, repetition), base, journey, users,
                    concurrency, options.cap(), new Recorder());
            SteadyState warmUpJudge = freshServer ? options.freshServerSteadyState() : judge;
            freshServer = false;
            LoadWindow.Result result = round == 1
                    ? LoadWindow.run(run, jvm, idleJvm, server.managementUri(), warmUpJudge, options.slice(),
                            options.window(), unit, () -> registry.simulator().requestCount(), this::gatling)
                    : LoadWindow.run(run, jvm, idleJvm, server.managementUri(), options.rewarmJudge(),
                            options.rewarmSlice(), options.window(), unit, () -> registry.simulator().requestCount(),
                            this::gatling);
            if (round == 1) {
                warmUp = result.warmUp();
            }
            record(server, scenario, title, variant, null, repetition, unit, concurrency, result, warmUp);
            if (stock != null && !referenceFirst) {
                referenceWindow(stock, reference, title, variant, repetition, jvm, dropSessions);
            }
        }
    }

    /**
     * The first load of {@code kind} on this stock server, until its CPU-seconds per login are stable (at least
     * {@link BenchmarkOptions#FRESH_JVM_WARM_UP} on its fresh JVM); what it measured is not kept.
     */
    private void referenceWarmUp(StockReference stock, StockReference.Kind kind, long oursJvm) {
        stock.sessions().run(out);
        LoadWindow.Result result = LoadWindow.run(referenceRun(stock, kind, "warm-up", 0),
                ProcStats.jvmPid(stock.server().pid()), oursJvm, null,
                stock.fresh() ? options.freshServerSteadyState() : options.steadyState(), options.slice(),
                Duration.ofSeconds(1), Measurement.Unit.LOGIN, () -> registry.simulator().requestCount(),
                this::gatling);
        stock.warmedUp(kind, result.warmUp());
        out.printf(Locale.ROOT, "  %-14s %-8s warm-up %3d s (%s, spread %.1f %%)%n", kind.scenario(), "stock",
                result.warmUp().seconds(), result.warmUp().stable() ? "stable" : "capped",
                result.warmUp().spread() * 100);
    }

    private BenchRun referenceRun(StockReference stock, StockReference.Kind kind, String what, int repetition) {
        return BenchRun.measured(runName(kind.scenario(), what, repetition), stock.server().baseUri().toString(),
                kind.journey(), stock.users(kind), options.concurrency(), options.cap(), new Recorder());
    }

    /**
     * One window of the stock reference's {@code kind} for ours' window {@code repetition} of {@code title} /
     * {@code variant}, after a short re-warm (its warm-up came before ours', {@link #referenceWarmUp}). Stock's stored
     * sessions are dropped before it, and ours' too (stock's broker logs in at the stand-in inside ours) unless
     * {@code dropOurs} is false: a scenario that starts from sessions it prepared keeps them, and its reference runs
     * over the same stored sessions as its own windows. In quick mode nothing runs: the pair's stock window of that
     * login is recorded again as this window ({@link StockReference#reuse}).
     */
    private void referenceWindow(StockReference stock, StockReference.Kind kind, String title, String variant,
                                 int repetition, long oursJvm, boolean dropOurs) {
        Measurement reused = stock.reuse(kind, title, variant, repetition);
        if (reused != null) { // quick mode: the pair's stock window of that login stands for one of its own
            results.add(reused);
            return;
        }
        stock.sessions().run(out);
        if (dropOurs && aloneSessions != null) {
            aloneSessions.run(out);
        }
        LoadWindow.Result result = LoadWindow.run(referenceRun(stock, kind, StockReference.VARIANT, repetition),
                ProcStats.jvmPid(stock.server().pid()), oursJvm, null, options.rewarmJudge(), options.rewarmSlice(),
                options.window(), Measurement.Unit.LOGIN, () -> registry.simulator().requestCount(), this::gatling);
        record(stock.server(), kind.scenario(), kind.title(), StockReference.VARIANT,
                StockReference.key(title, variant), repetition, Measurement.Unit.LOGIN, options.concurrency(), result,
                stock.warmUp(kind));
    }

    private void record(KeycloakServer server, String scenario, String title, String variant, String pair,
                        int repetition, Measurement.Unit unit, int concurrency, LoadWindow.Result result,
                        Measurement.WarmUp warmUp) {
        long jvm = ProcStats.jvmPid(server.pid());
        Measurement m = new Measurement(scenario, title, variant, pair, repetition, unit, concurrency,
                result.window(), result.cpuSeconds(), ProcStats.peakRssBytes(jvm), warmUp,
                result.registryCalls(), result.timers(), result.load(), result.idleServerCpuSeconds(),
                result.loadEndedEarly());
        results.add(m);
        out.printf(Locale.ROOT, "  %-14s %-8s #%d  warm-up %3d s (%s, spread %.1f %%)  %7.2f %s/s  p50 %6.0f ms  p95 %6.0f ms"
                        + "  %.4f CPU-s/%s  %4.0f MiB  %d failed  (load %s)%s%s%n",
                scenario, shortVariant(variant), repetition,
                m.warmUp().seconds(), m.warmUp().stable() ? "stable" : "capped", m.warmUp().spread() * 100,
                m.throughput(), unit == Measurement.Unit.LOGIN ? "logins" : "polls", m.latencies().p50(),
                m.latencies().p95(), m.cpuPerUnit(), unit == Measurement.Unit.LOGIN ? "login" : "browser-s",
                m.peakRssMiB(), m.window().failures(), m.load(),
                Double.isNaN(m.idleServerCpuSeconds()) ? ""
                        : String.format(Locale.ROOT, "  idle server %.2f CPU-s", m.idleServerCpuSeconds()),
                result.loadEndedEarly() ? "  WARNING: " + ENDED_EARLY : "");
        for (ServerTimers.Delta timer : m.timers()) {
            out.printf(Locale.ROOT, "      %-70s %6d × mean %.3f ms  p50 ≤ %.3f ms  p99 ≤ %.3f ms%n", timer.series(),
                    timer.count(), timer.meanMillis(), timer.p50Millis(), timer.p99Millis());
        }
    }

    private static String runName(String scenario, String variant, int repetition) {
        return (scenario + " " + variant + " " + repetition).replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT);
    }

    private static String shortVariant(String variant) {
        return variant.length() > 8 ? variant.substring(0, 8) : variant;
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
