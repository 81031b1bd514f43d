package vn.vneidbridge.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The runner's command line. Defaults are the full mode: two server pairs (stock and ours freshly started side by
 * side), each scenario warmed up on each server until its CPU-seconds per login are stable (10 s slices, the last
 * three within 5 % and not cheaper than the three before, at least a minute, at most 240 s), then three rounds in
 * which the servers take turns for a 20 s window after a 10 s re-warm — six ratios per scenario. {@code --quick} is
 * one server pair without a third server (the stand-in VNeID inside ours), one round, short fixed warm-ups (6 s in
 * 2 s slices, or a 4 s re-warm), 4 s windows, the scenarios without a stock twin on the same server of ours against
 * the pair's stock windows, the dearest and the cheapest legacy hash only, and the "large" database of 100,000
 * accounts: a few minutes once the servers are built, indicative only. Both
 * servers' JVMs inline Argon2 ({@code KeycloakServerConfig.ARGON2_INLINING}); {@code --plain-jvm} starts them
 * without it, to see the lottery it removes (docs/benchmarks.md). {@code --unpaired=step-up-level-1,qr} runs
 * only the fresh servers of ours without a stock twin and only the scenarios named (full mode's method), e.g. to
 * look into one of them without the hour before it; {@code --unpaired=all} runs every one of them. The scenarios
 * without a stock twin run on {@code --alone-servers} (2) fresh servers per legacy database, one after the other,
 * each for all their rounds: one JVM settles at a speed of its own, so one server per run could not show the spread
 * between servers (runs W1 and W2 differed in every window of five scenarios; docs/benchmarks.md). Each of their
 * windows has a window of a stock Keycloak started beside ours in the same round ({@link StockReference}: a password
 * login or an OIDC broker login), unless {@code --no-reference}: the machine's speed moved 1.85× between two runs
 * (X1 and X2), and a ratio to stock within a round cancels it.
 */
record BenchmarkOptions(Path keycloakZip, Path providersBundle, Path sandboxBundle, Path workDir,
                        boolean quick, boolean pairsOnly, boolean passwordOnly, boolean vneidOnly,
                        boolean flightRecorder,
                        boolean plainJvm, int argon2Lottery, int concurrency, int pairs, int rounds,
                        Duration slice, Duration minWarmUp, Duration maxWarmUp, double tolerance, Duration rewarm,
                        Duration window, int smallAccounts, int largeAccounts, Set<String> unpaired,
                        int aloneServers, boolean noReference) {

    /**
     * The scenarios without a stock twin that {@code --unpaired} can name, in their order: those of the server of ours
     * with the small legacy database, then those of the one with the large database (the first legacy login of each
     * hash format, the link by CCCD among its rows, the bulk pre-verification). {@code --unpaired=all} names them all:
     * full mode without its server pairs, the second half of a full run.
     */
    static final List<String> UNPAIRED_SCENARIOS = List.of("cccd-miss", "cccd-hit", "link", "step-up-password",
            "step-up-level-1", "qr", "first-login", "link-large", "bulk");
    /** The scenarios whose windows get a stock reference ({@link StockReference}); the QR page and the bulk job have none. */
    static final List<String> REFERENCED_SCENARIOS = List.of("cccd-miss", "cccd-hit", "link", "step-up-password",
            "step-up-level-1", "first-login", "link-large");
    /** The scenarios of the server of ours with the small legacy database. */
    static final List<String> SMALL_DATABASE_SCENARIOS = UNPAIRED_SCENARIOS.subList(0, 6);
    /** The scenarios of the server of ours with the large legacy database. */
    static final List<String> LARGE_DATABASE_SCENARIOS = UNPAIRED_SCENARIOS.subList(6, UNPAIRED_SCENARIOS.size());
    private static final String ALL_UNPAIRED = "all";

    static final String USAGE = "usage: BenchmarkMain --keycloak-zip=ZIP --providers-bundle=ZIP --sandbox-bundle=ZIP"
            + " --work-dir=DIR [--quick] [--concurrency=8] [--pairs=2] [--rounds=3] [--slice=10] [--min-warm-up=30]"
            + " [--max-warm-up=240] [--tolerance=5] [--rewarm=10] [--window=20] [--large-accounts=1000000]"
            + " [--pairs-only] [--password-only | --vneid-only] [--jfr] [--plain-jvm] [--argon2-lottery=9]"
            + " [--unpaired=step-up-level-1,qr | --unpaired=all] [--alone-servers=2] [--no-reference]";

    static BenchmarkOptions parse(String[] args) {
        Path zip = null;
        Path bundle = null;
        Path sandbox = null;
        Path work = null;
        boolean quick = false;
        boolean pairsOnly = false;
        boolean passwordOnly = false;
        boolean vneidOnly = false;
        boolean jfr = false;
        boolean plainJvm = false;
        int lottery = 0;
        Integer concurrency = null;
        Integer pairs = null;
        Integer rounds = null;
        Integer rewarm = null;
        Integer slice = null;
        Integer minWarmUp = null;
        Integer maxWarmUp = null;
        Integer tolerance = null;
        Integer window = null;
        Integer large = null;
        Set<String> unpaired = Set.of();
        Integer aloneServers = null;
        boolean noReference = false;
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String value = eq < 0 ? null : arg.substring(eq + 1);
            switch (name) {
                case "--keycloak-zip" -> zip = Path.of(required(name, value));
                case "--providers-bundle" -> bundle = Path.of(required(name, value));
                case "--sandbox-bundle" -> sandbox = Path.of(required(name, value));
                case "--work-dir" -> work = Path.of(required(name, value));
                case "--quick" -> quick = true;
                case "--pairs-only" -> pairsOnly = true;
                case "--password-only" -> passwordOnly = true;
                case "--vneid-only" -> vneidOnly = true;
                case "--jfr" -> jfr = true;
                case "--plain-jvm" -> plainJvm = true;
                case "--argon2-lottery" -> lottery = number(name, value, 1, 50);
                case "--concurrency" -> concurrency = number(name, value, 1, 256);
                case "--pairs" -> pairs = number(name, value, 1, 20);
                case "--rounds" -> rounds = number(name, value, 1, 20);
                case "--rewarm" -> rewarm = number(name, value, 2, 120);
                case "--slice" -> slice = number(name, value, 2, 120);
                case "--min-warm-up" -> minWarmUp = number(name, value, 0, 3600);
                case "--max-warm-up" -> maxWarmUp = number(name, value, 0, 3600);
                case "--tolerance" -> tolerance = number(name, value, 1, 100);
                case "--window" -> window = number(name, value, 1, 3600);
                case "--large-accounts" -> large = number(name, value, 10_000, 1_000_000);
                case "--unpaired" -> unpaired = scenarios(name, value);
                case "--alone-servers" -> aloneServers = number(name, value, 1, 4);
                case "--no-reference" -> noReference = true;
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (zip == null || bundle == null || sandbox == null || work == null) {
            throw new IllegalArgumentException("--keycloak-zip, --providers-bundle, --sandbox-bundle and"
                    + " --work-dir are required (benchmarks/run.sh sets them)");
        }
        int sliceSeconds = slice != null ? slice : quick ? 2 : 10;
        int min = minWarmUp != null ? minWarmUp : quick ? 6 : 30;
        int max = maxWarmUp != null ? maxWarmUp : quick ? 6 : 240;
        if (max < min) {
            throw new IllegalArgumentException("--max-warm-up must be at least --min-warm-up");
        }
        if (quick && pairsOnly) {
            throw new IllegalArgumentException("--pairs-only is for full mode (quick mode runs every scenario once)");
        }
        if (passwordOnly && !pairsOnly) {
            throw new IllegalArgumentException("--password-only goes with --pairs-only (the password logins of the"
                    + " server pairs, e.g. to profile them with --jfr)");
        }
        if (vneidOnly && (!pairsOnly || passwordOnly)) {
            throw new IllegalArgumentException("--vneid-only goes with --pairs-only, without --password-only (the"
                    + " VNeID logins of the server pairs)");
        }
        if (!unpaired.isEmpty() && (quick || pairsOnly)) {
            throw new IllegalArgumentException("--unpaired is for full mode (the server of ours without a stock twin"
                    + " only); quick mode and --pairs-only run the server pairs");
        }
        if (aloneServers != null && aloneServers > 1 && (quick || pairsOnly)) {
            throw new IllegalArgumentException("--alone-servers is for the servers of ours without a stock twin (full"
                    + " mode and --unpaired); quick mode and --pairs-only have none");
        }
        return new BenchmarkOptions(zip, bundle, sandbox, work, quick, pairsOnly, passwordOnly, vneidOnly, jfr,
                plainJvm, lottery,
                concurrency != null ? concurrency : 8,
                pairs != null ? pairs : quick ? 1 : 2,
                rounds != null ? rounds : quick ? 1 : 3,
                Duration.ofSeconds(sliceSeconds), Duration.ofSeconds(min), Duration.ofSeconds(max),
                (tolerance != null ? tolerance : 5) / 100.0,
                Duration.ofSeconds(rewarm != null ? rewarm : quick ? 4 : 10),
                Duration.ofSeconds(window != null ? window : quick ? 4 : 20),
                10_000,
                large != null ? large : quick ? 100_000 : 1_000_000, unpaired,
                aloneServers != null ? aloneServers : quick ? 1 : 2, noReference);
    }

    /**
     * Whether the scenarios without a stock twin get a stock reference of the same minutes ({@link StockReference}):
     * yes unless {@code --no-reference} (which saves a third to a half of their time; each figure then stands alone,
     * comparable only with figures measured in the same minutes).
     */
    boolean reference() {
        return !noReference && !pairsOnly;
    }

    /**
     * The servers this run starts, in words, for the run's first line and the report's: the server pairs (none in a
     * run of {@code --unpaired} scenarios), then the servers of ours without a twin, each with its stock reference or
     * alone.
     */
    String servers() {
        String pairsPart = pairs + " server pair(s), stock and ours freshly started side by side for each";
        if (quick || pairsOnly) {
            return pairsPart;
        }
        String alonePart = aloneServers + " fresh server(s) of ours per legacy database for the scenarios without a"
                + " stock twin, " + (reference() ? "each with a stock Keycloak started beside it as a reference"
                : "each alone (--no-reference)");
        return unpairedOnly() ? "no server pair; " + alonePart : pairsPart + "; then " + alonePart;
    }

    /** Whether {@code --unpaired} named scenarios: only the server of ours without a stock twin runs. */
    boolean unpairedOnly() {
        return !unpaired.isEmpty();
    }

    /** Whether this run measures the unpaired scenario {@code id}: all of them, unless {@code --unpaired} names some. */
    boolean measures(String id) {
        return !unpairedOnly() || unpaired.contains(id);
    }

    private static Set<String> scenarios(String name, String value) {
        if (ALL_UNPAIRED.equals(required(name, value).strip())) {
            return Set.copyOf(UNPAIRED_SCENARIOS);
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : value.split(",")) {
            String trimmed = id.strip();
            if (!UNPAIRED_SCENARIOS.contains(trimmed)) {
                throw new IllegalArgumentException(name + ": unknown scenario \"" + trimmed + "\" (one of "
                        + String.join(", ", UNPAIRED_SCENARIOS) + ", or " + ALL_UNPAIRED + ")");
            }
            ids.add(trimmed);
        }
        return Set.copyOf(ids);
    }

    /** "quick", "full", or "pairs" (full mode's pairs only: a second run that checks the ratios agree). */
    String mode() {
        return quick ? "quick" : pairsOnly ? "pairs" : unpairedOnly() ? "unpaired" : "full";
    }

    /** The windows of ours and stock compared: one per round per scenario per server pair. */
    int comparedWindows() {
        return pairs * rounds;
    }

    /**
     * The re-warm before each round's window: the server taking its turn was idle while the other one ran, so its
     * load runs for {@link #rewarm()} (two slices of half of it) before the window opens; its warm-up proper was the
     * scenario's first run on it. Its verdict is not a warm-up's (two slices say little), so the report keeps the
     * first one.
     */
    SteadyState rewarmJudge() {
        return new SteadyState(2, 2, 2, tolerance);
    }

    /** Half of {@link #rewarm()}: the slice of {@link #rewarmJudge()}. */
    Duration rewarmSlice() {
        return rewarm.dividedBy(2);
    }

    /** The warm-up judge: slices of {@link #slice()}, the last three within {@link #tolerance()}. */
    SteadyState steadyState() {
        return judge(maxWarmUp.toSeconds());
    }

    /**
     * The judge of a scenario whose accounts are used once and are costly to set up (first VNeID logins that link:
     * each needs a user of the stand-in VNeID, imported beforehand): it runs on a server that earlier scenarios
     * have warmed up, so its cap is at most {@link #LINK_WARM_UP_CAP}.
     */
    SteadyState useOnceSteadyState() {
        return judge(Math.min(maxWarmUp.toSeconds(), LINK_WARM_UP_CAP.toSeconds()));
    }

    /**
     * The judge of the first scenario on a freshly started server of ours measured alone: as {@link #steadyState()},
     * but at least {@link #FRESH_JVM_WARM_UP}. A fresh JVM on two saturated cores keeps getting cheaper for two to
     * three minutes while its slices already agree within the tolerance (run W1's first attempt: the first
     * scenario judged stable after 70 s, then its three windows read 22.8, 23.9 and 29.8 logins a second).
     */
    SteadyState freshServerSteadyState() {
        long min = Math.max(minWarmUp.toSeconds(), FRESH_JVM_WARM_UP.toSeconds());
        return judge(Math.max(maxWarmUp.toSeconds(), min), min);
    }

    /** The shortest warm-up of the first scenario on a fresh server measured alone. */
    static final Duration FRESH_JVM_WARM_UP = Duration.ofSeconds(150);

    /** Slices of {@link #slice()}, at least {@link #minWarmUp()}, at most {@code capSeconds}, the last three agreeing. */
    private SteadyState judge(long capSeconds) {
        return judge(capSeconds, minWarmUp.toSeconds());
    }

    private SteadyState judge(long capSeconds, long minSeconds) {
        long s = slice.toSeconds();
        int minSlices = (int) Math.max(3, (minSeconds + s - 1) / s);
        int maxSlices = (int) Math.max(minSlices, capSeconds / s);
        return new SteadyState(minSlices, maxSlices, 3, tolerance);
    }

    /** The longest warm-up of a use-once scenario (see {@link #useOnceSteadyState()}). */
    static final Duration LINK_WARM_UP_CAP = Duration.ofSeconds(60);

    /** The longest a use-once run can last before its window closes. */
    Duration useOnceLength() {
        long s = slice.toSeconds();
        return Duration.ofSeconds(Math.max(3 * s, Math.max(minWarmUp.toSeconds(),
                Math.min(maxWarmUp.toSeconds(), LINK_WARM_UP_CAP.toSeconds()))) + s).plus(window);
    }

    /** The longest a measured run can last: the warm-up's cap and the window, with room for the slices. */
    Duration cap() {
        return steadyStateCap().plus(window).plusSeconds(30);
    }

    private Duration steadyStateCap() {
        long s = slice.toSeconds();
        // a fresh server alone warms up at least FRESH_JVM_WARM_UP, whatever --max-warm-up says: its load must last
        // that long (with --max-warm-up=20 it ended before the window, and the window measured nothing)
        long longest = Math.max(maxWarmUp.toSeconds(), quick ? 0 : FRESH_JVM_WARM_UP.toSeconds());
        return Duration.ofSeconds(Math.max(3 * s, Math.max(minWarmUp.toSeconds(), longest)) + s);
    }

    Path serversDir() {
        return workDir.resolve("benchmark-servers");
    }

    Path dataDir() {
        return workDir.resolve("benchmark-data");
    }

    Path reportDir() {
        return workDir.resolve("benchmark-report");
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " needs a value: " + name + "=...");
        }
        return value;
    }

    private static int number(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(required(name, value).strip());
            if (n < min || n > max) {
                throw new IllegalArgumentException(name + " must be " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number: " + value);
        }
    }
}
