package vn.vneidbridge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.sandbox.legacy.PasswordFormat;

class ReportTest {

    private static final BenchmarkOptions OPTIONS = BenchmarkOptions.parse(new String[] {
        "--keycloak-zip=kc.zip", "--providers-bundle=p.zip", "--sandbox-bundle=s.zip", "--work-dir=target"});
    private static final Machine MACHINE = new Machine(2, "Test CPU", "OpenJDK 17", "Linux", "2026-11-23 10:00 UTC",
            "0.50, 0.40, 0.30", "1.00, 0.80, 0.60");
    private static final long S = 1_000_000_000L;

    /** A 10 s window with {@code logins} logins of {@code p50} ms each, and {@code cpu} CPU-seconds. */
    private static Measurement run(String scenario, String variant, String pair, int repetition, int logins,
                                   double p50, double cpu, Map<String, long[]> requests) {
        long[] durations = new long[logins];
        java.util.Arrays.fill(durations, (long) (p50 * 1_000_000));
        Recorder.Window window = new Recorder.Window(10 * S, durations, 0, requests, new long[0]);
        return new Measurement(scenario, scenario + " title", variant, pair, repetition, Measurement.Unit.LOGIN, 8,
                window, cpu, 700L * 1024 * 1024, new Measurement.WarmUp(60, true, 0.02), 0, List.of(), "0.5, 0.5, 0.5",
                Double.NaN, false);
    }

    private static Measurement run(String scenario, String variant, String pair, int repetition, int logins,
                                   double p50, double cpu) {
        return run(scenario, variant, pair, repetition, logins, p50, cpu, Map.of());
    }

    private static Report report(List<Measurement> results) {
        return new Report(OPTIONS, MACHINE, results, Duration.ofMinutes(3), 0.02,
                Map.of(PasswordFormat.BCRYPT_2A, 0.05), List.of());
    }

    @Nested
    class GivenAWindowWhoseUseOncePoolRanOut {

        @Test
        void thenItsRowSaysItIsNotAMeasurement() {
            Measurement full = run("step-up-level-1", "ours", null, 1, 0, 0, 0);
            Measurement empty = new Measurement(full.scenario(), full.title(), full.variant(), null, 1,
                    Measurement.Unit.LOGIN, 8, full.window(), 1.0, full.peakRssBytes(), full.warmUp(), 0, List.of(),
                    full.load(), Double.NaN, true);

            assertThat(report(List.of(empty)).markdown()).contains(BenchmarkMain.ENDED_EARLY);
            assertThat(report(List.of(full)).markdown()).doesNotContain(BenchmarkMain.ENDED_EARLY);
        }
    }

    @Nested
    class GivenPercentiles {

        @Test
        void thenTheyAreNearestRank() {
            long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

            assertThat(Latencies.percentile(sorted, 50)).isEqualTo(5);
            assertThat(Latencies.percentile(sorted, 95)).isEqualTo(10);
            assertThat(Latencies.percentile(sorted, 10)).isEqualTo(1);
        }

        @Test
        void thenNanosecondsBecomeMilliseconds() {
            Latencies latencies = Latencies.of(new long[] {3_000_000, 1_000_000, 2_000_000});

            assertThat(latencies.count()).isEqualTo(3);
            assertThat(latencies.p50()).isEqualTo(2.0);
            assertThat(latencies.p99()).isEqualTo(3.0);
        }

        @Test
        void thenNoValuesGiveNone() {
            assertThat(Latencies.of(new long[0])).isEqualTo(Latencies.NONE);
        }
    }

    @Nested
    class GivenThreeInterleavedPairs {

        // ours/stock logins/s per pair: 0.90, 1.00, 1.10 — stock runs of another scenario must not be taken as twins
        private final Report report = report(List.of(
                run("password", "stock", "password", 1, 200, 300, 20),
                run("password", "ours", "password", 1, 180, 310, 20),
                run("password", "ours", "password", 2, 200, 300, 22),
                run("password", "stock", "password", 2, 200, 300, 20),
                run("password", "stock", "password", 3, 200, 300, 20),
                run("password", "ours", "password", 3, 220, 280, 18),
                run("broker", "stock", "broker", 1, 500, 100, 20)));

        @Test
        void thenEachRatioIsTheMedianOverThePairsWithItsRange() {
            List<Report.PairRow> rows = report.pairRows();

            assertThat(rows).hasSize(1);
            Report.PairRow row = rows.get(0);
            assertThat(row.throughput().count()).isEqualTo(3);
            assertThat(row.throughput().median()).isCloseTo(1.00, within(1e-9));
            assertThat(row.throughput().min()).isCloseTo(0.90, within(1e-9));
            assertThat(row.throughput().max()).isCloseTo(1.10, within(1e-9));
            // CPU per login: ours 20/180, 22/200, 18/220 against stock 20/200 each
            assertThat(row.cpu().median()).isCloseTo(1.10, within(1e-9));
        }

        @Test
        void thenTheTableShowsMedianRangeAndTarget() {
            String md = report.markdown();

            assertThat(md).contains("| password title | 3 | 1.00× (0.90–1.10) |");
            assertThat(md).contains("| met |");
            assertThat(md).contains("2 CPUs (Test CPU)", "at start: 0.50, 0.40, 0.30", "2 server pair(s)",
                    "3 round(s) in which the servers take turns", "Idle server CPU-s");
            assertThat(md).doesNotContain("indicative only");
        }

        @Test
        void thenTheChartHasOneBarPerLoginRun() {
            assertThat(Report.chart(List.of(run("a", "stock", null, 1, 1, 1, 1), run("b", "ours", null, 1, 2, 1, 1)))
                    .getHeight()).isEqualTo(70 + 2 * 30);
        }
    }

    @Nested
    class GivenANoticePathWithMoreRequests {

        private static Map<String, long[]> requests(int logins, String... names) {
            Map<String, long[]> byName = new LinkedHashMap<>();
            for (String name : names) {
                long[] d = new long[logins];
                java.util.Arrays.fill(d, 10_000_000L);
                byName.put(name, d);
            }
            return byName;
        }

        @Test
        void thenTheExtraRequestsAreComparedWithAStockRequest() {
            // stock: 3 requests, 0.06 CPU-s per login → 0.02 per request; notice: 2 more requests than migrated,
            // 0.03 CPU-s more per login → 0.015 per extra request: within target
            Report report = report(List.of(
                    run("password", "stock", "password", 1, 100, 300, 6, requests(100, "authorize", "login form", "token")),
                    run("password", "ours", "password", 1, 100, 300, 6, requests(100, "authorize", "login form", "token")),
                    run("notice", "ours", null, 1, 100, 400, 9, requests(100, "authorize", "login form", "token",
                            "redirect /realms/dvc/login-actions/required-action", "link notice skip"))));

            String md = report.markdown();

            assertThat(md).contains("| link notice skip | — | — | 10.0 (×1.0) |");
            assertThat(md).contains("| requests per login | 3.0 | 3.0 | 5.0 |");
            assertThat(md).contains("Extra request \"link notice skip\": p50 10.0 ms against 10.0 ms for a stock page",
                    "1.00× (target ≤ 1.00×: met)");
            assertThat(md).contains("0.0150 CPU-s per extra request, against 0.0200 CPU-s per request of a stock login"
                    + " (0.75×");
        }
    }

    @Nested
    class GivenAFirstLegacyLogin {

        @Test
        void thenItIsComparedWithStockPlusOneLegacyHashPlusOneArgon2id() {
            // floor = 0.10 (stock) + 0.05 (bcrypt) + 0.02 (Argon2id) = 0.17; measured 0.204 → 1.20×
            Report report = report(List.of(run("password", "stock", "password", 1, 100, 300, 10),
                    run("first-login", "bcrypt cost 10", null, 1, 100, 900, 20.4)));

            assertThat(report.markdown()).contains("| bcrypt cost 10 | 10.00 | 0.2040 | 0.0500 | 0.1700 | 1.20× | met |");
        }

        @Test
        void thenARunWithoutStockGivesWhatItCostsBeyondItsTwoHashes() {
            // no stock password login in the run (--unpaired=all): 0.204 − 0.05 (bcrypt) − 0.02 (Argon2id) = 0.134
            Report report = report(List.of(run("first-login", "bcrypt cost 10", null, 1, 100, 900, 20.4)));

            assertThat(report.markdown()).contains("beyond its two hashes")
                    .contains("| bcrypt cost 10 | 10.00 | 0.2040 | 0.0500 | 0.1340 |")
                    .doesNotContain("against its floor");
        }
    }

    @Nested
    class GivenAScenarioOfOursMeasuredAloneOverThreeRounds {

        private static final String HIT = "vneid_registry_lookup_seconds{outcome=\"cache_hit\"}";

        /** A cache-hit window of 10 s: {@code logins} logins, {@code cpu} CPU-seconds, the hit timer's mean. */
        private Measurement hit(int round, int logins, double cpu, double hitMillis) {
            Measurement m = run("cccd-hit", "ours", null, round, logins, 200, cpu);
            return new Measurement(m.scenario(), BenchmarkMain.CCCD_HIT_TITLE, m.variant(), null, round, m.unit(), 8,
                    m.window(), cpu, m.peakRssBytes(), m.warmUp(), 0,
                    List.of(new ServerTimers.Delta(HIT, logins, hitMillis, hitMillis, hitMillis)), m.load(), Double.NaN,
                    false);
        }

        private final Report report = report(List.of(hit(1, 360, 18.0, 0.030), hit(2, 350, 17.0, 0.020),
                hit(3, 370, 19.5, 0.040)));

        @Test
        void thenEachFigureIsTheMedianOverItsWindowsWithTheRange() {
            // logins/s 36, 35, 37; CPU-s per login 0.0500, 0.0486, 0.0527; timer 0.030, 0.020, 0.040
            assertThat(report.markdown()).contains("## Ours alone, over the rounds")
                    .contains("| " + BenchmarkMain.CCCD_HIT_TITLE + " | ours | 3 | 36.00 (35.00–37.00) | 0.0500"
                            + " (0.0486–0.0527) | 200 (200–200) | `" + HIT + "` 0.030 (0.020–0.040) |")
                    .contains("Registry cache hit: mean 0.030 (0.020–0.040) ms server-side (median over 3 windows;"
                            + " target < 1 ms: met)");
        }

        @Test
        void thenTwoRunsFiguresCompareAsTheirRatiosDo() {
            Map<String, Spread> first = CompareRuns.parse(report.aloneCsv().lines().toList());
            Map<String, Spread> slower = CompareRuns.parse(report(List.of(hit(1, 300, 18.0, 0.030),
                    hit(2, 310, 17.0, 0.025), hit(3, 305, 19.5, 0.035))).aloneCsv().lines().toList());

            assertThat(first).containsKeys(BenchmarkMain.CCCD_HIT_TITLE + " / ours / logins_per_s",
                    BenchmarkMain.CCCD_HIT_TITLE + " / ours / mean_ms_of_vneid_registry_lookup_seconds_outcome_cache_hit_");
            assertThat(first.get(BenchmarkMain.CCCD_HIT_TITLE + " / ours / logins_per_s"))
                    .isEqualTo(new Spread(3, 36.0, 35.0, 37.0));
            assertThat(CompareRuns.compare(first, slower)).anyMatch(line -> line.startsWith("DISAGREE")
                    && line.contains("logins_per_s")).anyMatch(line -> line.startsWith("AGREE")
                    && line.contains("cache_hit"));
        }

        @Test
        void thenAFirstLoginIsJudgedOnItsMedianWindow() {
            // floor 0.17 as above; windows 0.187, 0.204, 0.221 CPU-s → 1.10×, 1.20×, 1.30×: median 1.20×
            Report rounds = report(List.of(run("password", "stock", "password", 1, 100, 300, 10),
                    run("first-login", "bcrypt cost 10", null, 1, 100, 900, 18.7),
                    run("first-login", "bcrypt cost 10", null, 2, 100, 900, 20.4),
                    run("first-login", "bcrypt cost 10", null, 3, 100, 900, 22.1)));

            assertThat(rounds.markdown()).contains("| bcrypt cost 10 | 10.00 | 0.2040 (0.1870–0.2210) | 0.0500 | 0.1700"
                    + " | 1.20× (1.10–1.30) | met |");
        }
    }

    @Test
    void thenAPollingWindowWithoutLoginsShowsNoLatencyRatherThanNaN() {
        Measurement logins = run("qr", "40 browsers", null, 1, 0, 0, 0.7);
        Measurement polls = new Measurement(logins.scenario(), logins.title(), logins.variant(), null, 1,
                Measurement.Unit.POLL, 40, logins.window(), 0.7, logins.peakRssBytes(), logins.warmUp(), 0, List.of(),
                logins.load(), Double.NaN, false);

        String md = report(List.of(polls)).markdown();

        assertThat(md).doesNotContain("NaN").contains("| qr title | 40 browsers | 1 | 60 s, stable (2.0 %) | ");
        assertThat(md.lines().filter(line -> line.startsWith("| qr title | 40 browsers | 1 |")).findFirst()
                .orElseThrow()).contains("| — | — | — |");
    }

    @Test
    void thenQuickModeSaysItIsIndicativeOnly() {
        BenchmarkOptions quick = BenchmarkOptions.parse(new String[] {"--keycloak-zip=kc.zip",
            "--providers-bundle=p.zip", "--sandbox-bundle=s.zip", "--work-dir=target", "--quick"});

        String md = new Report(quick, MACHINE, List.of(), Duration.ofMinutes(4), 0.02, Map.of(), List.of()).markdown();

        assertThat(md).contains("Quick mode: indicative only");
    }

    @Test
    void thenARatioWithNothingToCompareIsNotANumber() {
        assertThat(Report.ratio(1, 0)).isNaN();
        assertThat(Report.ratio(Double.NaN, 1)).isNaN();
        assertThat(Report.ratio(3, 2)).isEqualTo(1.5);
    }

    @Test
    void thenTheRecorderReportsOnlyWhatEndedInTheWindow() {
        Recorder recorder = new Recorder();
        recorder.login(0, S / 2);
        recorder.login(S / 4, S);
        recorder.login(S / 2, 3 * S);
        recorder.request("token", S / 2, S + 1);
        recorder.request("token", 2 * S, 3 * S);

        Recorder.Window window = recorder.window(S / 2, 2 * S);

        // ended at S/2 (the window's start is in it) and at S; the one ending at 3 s is after the window
        assertThat(window.logins()).containsExactly(S / 2, S - S / 4);
        assertThat(window.loginsPerSecond()).isCloseTo(2 / 1.5, within(1e-9));
        assertThat(window.requests().get("token")).containsExactly(S / 2 + 1);
        assertThat(recorder.loginsEnded(0, S)).isEqualTo(1);
        assertThat(recorder.logins()).isEqualTo(3);
    }

    @Nested
    class GivenScenariosOfOursMeasuredBesideAStockReference {

        private static final String KEY = StockReference.key("cccd-miss title", "ours");

        /** A 10 s window measured beside the other server, which took {@code idleCpu} CPU-seconds meanwhile. */
        private Measurement window(String scenario, String title, String variant, String pair, int round, int logins,
                                   double p50, double cpu, double idleCpu, boolean endedEarly) {
            Measurement m = run(scenario, variant, pair, round, logins, p50, cpu);
            return new Measurement(scenario, title, variant, pair, round, m.unit(), 8, m.window(), cpu,
                    m.peakRssBytes(), m.warmUp(), 0, List.of(), m.load(), idleCpu, endedEarly);
        }

        private Measurement ours(int round, int logins, double p50, double cpu) {
            return window("cccd-miss", "cccd-miss title", "ours", null, round, logins, p50, cpu, 0.5, false);
        }

        /** Stock's password login in the same round as ours' window {@code round}; ours' JVM took 1 CPU-s meanwhile. */
        private Measurement reference(int round, int logins, double p50, double cpu) {
            return window(StockReference.Kind.PASSWORD.scenario(), StockReference.Kind.PASSWORD.title(),
                    StockReference.VARIANT, KEY, round, logins, p50, cpu, 1.0, false);
        }

        /** A slow hour; {@link #fast} is the same code an hour later, both servers 1.65× faster in every window. */
        private final List<Measurement> slow = List.of(
                ours(1, 180, 300, 18.0), reference(1, 240, 150, 18.0),
                reference(2, 250, 150, 19.0), ours(2, 190, 300, 19.0),
                ours(3, 200, 300, 20.0), reference(3, 250, 150, 19.0));
        private final List<Measurement> fast = List.of(
                ours(1, 300, 180, 15.0), reference(1, 400, 90, 15.1),
                reference(2, 410, 92, 15.5), ours(2, 310, 185, 15.5),
                ours(3, 330, 180, 16.0), reference(3, 420, 90, 15.0));

        @Test
        void thenEachWindowIsComparedWithTheStockWindowOfItsRound() {
            // logins/s 18/24, 19/25, 20/25 = 0.75, 0.76, 0.80; CPU-s per login of the loaded JVM only (a password
            // login asks nothing of the idle one): 0.100 against 0.075, 0.076, 0.076
            Report report = report(slow);

            assertThat(report.markdown()).contains("## Ours alone against stock in the same minutes")
                    .contains("| cccd-miss title | ours | " + StockReference.Kind.PASSWORD.title()
                            + " | 3 | 0.76× (0.75–0.80) | 1.32× (1.32–1.33) | 2.00× (2.00–2.00) | 25.00 (24.00–25.00)"
                            + " | 0.0760 (0.0750–0.0760) |");
        }

        @Test
        void thenABrokeredLoginCountsTheUpstreamsWorkInOursOnBothSides() {
            // stock's broker logs in at the stand-in inside ours: 2.0 CPU-s of ours' JVM in stock's window count, as
            // ours' own stand-in work does in its window: (24 + 0.5) / 300 against (9 + 2.0) / 400 = 2.97×
            String key = StockReference.key("link title", "10,000 accounts");
            Report report = report(List.of(
                    window("link", "link title", "10,000 accounts", null, 1, 300, 250, 24.0, 0.5, false),
                    window(StockReference.Kind.BROKER.scenario(), StockReference.Kind.BROKER.title(),
                            StockReference.VARIANT, key, 1, 400, 160, 9.0, 2.0, false)));

            assertThat(report.referenceRows()).singleElement().satisfies(row -> {
                assertThat(row.cpu().median()).isCloseTo((24.5 / 300) / (11.0 / 400), within(1e-9));
                assertThat(row.referenceCpu().median()).isCloseTo(11.0 / 400, within(1e-9));
            });
        }

        @Test
        void thenAWindowWithoutACoupleOrWhosePoolRanOutIsNotCompared() {
            Report report = report(List.of(ours(1, 180, 300, 18.0), reference(1, 240, 150, 18.0),
                    ours(2, 190, 300, 19.0),
                    window("cccd-miss", "cccd-miss title", "ours", null, 3, 20, 300, 2.0, 0.5, true),
                    reference(3, 250, 150, 19.0)));

            assertThat(report.referenceRows()).singleElement()
                    .satisfies(row -> assertThat(row.throughput()).isEqualTo(new Spread(1, 0.75, 0.75, 0.75)));
        }

        @Test
        void thenTheReferenceIsNotAScenarioOfOursAlone() {
            assertThat(report(slow).aloneRows()).extracting(Report.AloneRow::title).containsExactly("cccd-miss title");
        }

        @Test
        void thenTwoRunsAnHourApartAgreeOnTheRatiosWhereTheirFiguresDoNot() {
            Report first = report(slow);
            Report second = report(fast);

            assertThat(CompareRuns.compare(CompareRuns.parse(first.aloneCsv().lines().toList()),
                    CompareRuns.parse(second.aloneCsv().lines().toList()), false))
                    .anyMatch(line -> line.startsWith("DISAGREE") && line.contains("logins_per_s"))
                    .anyMatch(line -> line.startsWith("DISAGREE") && line.contains("cpu_s_per_login"));
            assertThat(CompareRuns.compare(CompareRuns.parse(first.referenceCsv().lines().toList()),
                    CompareRuns.parse(second.referenceCsv().lines().toList())))
                    .hasSize(3).allMatch(line -> line.startsWith("AGREE"));
        }

        @Test
        void thenAFirstLoginsFloorIsThatOfItsOwnMinutes() {
            // window 1: 0.204 / (stock 0.10 + bcrypt 0.05 + Argon2id 0.02) = 1.20×; window 2, a slower minute for
            // both servers: 0.306 / (stock 0.15 + 0.05 + 0.02) = 1.39×; the run's stock median alone would say 1.57×
            String key = StockReference.key("first-login title", "bcrypt cost 10");
            Report report = report(List.of(run("first-login", "bcrypt cost 10", null, 1, 100, 900, 20.4),
                    run("reference-password", StockReference.VARIANT, key, 1, 100, 300, 10.0),
                    run("first-login", "bcrypt cost 10", null, 2, 100, 900, 30.6),
                    run("reference-password", StockReference.VARIANT, key, 2, 100, 300, 15.0)));

            assertThat(report.markdown()).contains("## First legacy login against its floor")
                    .contains("each window's own stock reference")
                    .contains("| bcrypt cost 10 | 10.00 | 0.2550 (0.2040–0.3060) | 0.0500 | 0.1950 | 1.30× (1.20–1.39)"
                            + " | **not met** |")
                    .doesNotContain("beyond its two hashes");
        }
    }

    @Nested
    class GivenABulkJobMeasured {

        private final String md = new Report(OPTIONS, MACHINE, List.of(
                run("bulk-logins", "no job", null, 1, 200, 300, 10.0),
                run("bulk-logins", "job running", null, 1, 150, 400, 9.0)), Duration.ofMinutes(3), 0.02, Map.of(),
                List.of(new BulkWindow.Result(15_000, 10.0, 9_000, 6.0, 3.0, 900L * 1024 * 1024, "1.9, 1.8, 1.7",
                        1_000_000, "RUNNING"))).markdown();

        @Test
        void thenItsPaceIsJudgedAgainstTheTargetWithTheSimulatorsCostBesideOurs() {
            assertThat(md).contains("## Bulk pre-verification")
                    .contains("| 15,000 | 10 | 1500.0 | **not met** | 9,000 | 0.00040 | 0.00020 | 900 | 1,000,000 |");
        }

        @Test
        void thenTheLoginsWithoutAndWhileItRunsAreComparedOnTheSameServer() {
            assertThat(md).contains("20.00 logins/s and 0.0500 CPU-s per login without a job; 15.00 and 0.0600 while"
                    + " it runs (0.75× the logins a second");
        }
    }

    @Nested
    class GivenAQuickRun {

        private final BenchmarkOptions quick = BenchmarkOptions.parse(new String[] {"--keycloak-zip=kc.zip",
            "--providers-bundle=p.zip", "--sandbox-bundle=s.zip", "--work-dir=target", "--quick"});

        /** A 10 s window of one server while the other took {@code otherCpu} CPU-seconds. */
        private Measurement window(String scenario, String variant, String pair, int logins, double cpu,
                                   double otherCpu) {
            Measurement m = run(scenario, variant, pair, 1, logins, 200, cpu);
            return new Measurement(scenario, m.title(), variant, pair, 1, m.unit(), 8, m.window(), cpu,
                    m.peakRssBytes(), m.warmUp(), 0, List.of(), m.load(), otherCpu, false);
        }

        private Report report(List<Measurement> results) {
            return new Report(quick, MACHINE, results, Duration.ofMinutes(5), 0.02, Map.of(), List.of());
        }

        @Test
        void thenItsVneidPairsCountTheStandInsWorkInOursOnBothSides() {
            // the stand-in runs inside ours: stock's broker window made ours' JVM work 3 CPU-s; counted with the loaded
            // JVM's, (10 + 3) / 400 against ours' (12 + 0.1) / 400 = 0.93×, where the loaded JVMs alone say 1.20×;
            // ours' partner-API window has no stock twin of its own: the broker family's stock window is its twin
            Report report = report(List.of(window("password", "stock", "password", 200, 10.0, 0.5),
                    window("password", "ours", "password", 200, 11.0, 0.5),
                    window("broker", "stock", "broker", 400, 10.0, 3.0),
                    window("broker", "ours", "broker", 400, 12.0, 0.1),
                    window("partner", "ours", "broker", 320, 13.0, 0.2)));

            assertThat(report.pairRows()).satisfiesExactly(
                    password -> assertThat(password.cpu().median()).as("the loaded JVM's alone").isCloseTo(1.1,
                            within(1e-9)),
                    broker -> assertThat(broker.cpu().median()).isCloseTo(12.1 / 13.0, within(1e-9)),
                    partner -> {
                        assertThat(partner.title()).isEqualTo("partner title");
                        assertThat(partner.throughput().median()).isCloseTo(0.8, within(1e-9));
                        assertThat(partner.cpu().median()).isCloseTo((13.2 / 320) / (13.0 / 400), within(1e-9));
                    });
            assertThat(report.markdown()).contains("no third server");
        }

        @Test
        void thenTheScenariosAfterThePairAreComparedWithItsLastStockWindowOfTheirKind() {
            // the pair's stock windows: password (an earlier round, then the last), broker; ours' windows between
            Measurement earlierPassword = window("password", "stock", "password", 300, 16.0, 0.5);
            Measurement lastPassword = window("password", "stock", "password", 400, 16.0, 0.5);
            Measurement broker = window("broker", "stock", "broker", 500, 10.0, 3.0);
            List<Measurement> results = new java.util.ArrayList<>(List.of(earlierPassword,
                    window("password", "ours", "password", 380, 15.0, 0.5), lastPassword, broker,
                    window("broker", "ours", "broker", 480, 12.0, 0.2)));
            StockReference reference = StockReference.ofPairWindows(null, results);

            assertThat(reference.reuses(StockReference.Kind.PASSWORD)).isTrue();
            assertThat(reference.warmUp(StockReference.Kind.PASSWORD)).as("no warm-up of its own")
                    .isEqualTo(lastPassword.warmUp());
            // what BenchmarkMain#referenceWindow records for ours' windows: the reused window, keyed to each
            results.add(window("cccd-miss", "ours", null, 300, 15.0, 0.2));
            results.add(reference.reuse(StockReference.Kind.PASSWORD, "cccd-miss title", "ours", 1));
            results.add(window("link", "100,000 accounts", null, 400, 20.0, 4.0));
            results.add(reference.reuse(StockReference.Kind.BROKER, "link title", "100,000 accounts", 1));
            Report report = report(results);

            // 30 logins a second against the last stock password window's 40, not the earlier one's 30: 0.75×; the
            // link's 40 against stock's broker 50: 0.80×, CPU both JVMs (20 + 4) / 400 against (10 + 3) / 500
            assertThat(report.referenceRows()).satisfiesExactly(
                    miss -> assertThat(miss.throughput().median()).isCloseTo(0.75, within(1e-9)),
                    link -> {
                        assertThat(link.throughput().median()).isCloseTo(0.80, within(1e-9));
                        assertThat(link.cpu().median()).isCloseTo((24.0 / 400) / (13.0 / 500), within(1e-9));
                    });
            String md = report.markdown();
            assertThat(md).contains("## Ours alone against the pair's stock windows").doesNotContain("in the same minutes");
            assertThat(report.windows()).as("each window once: the reused ones are the pair's")
                    .hasSize(results.size() - 2).noneMatch(m -> m.variant().equals(StockReference.REUSED_VARIANT));
            assertThat(md).doesNotContain("| " + StockReference.REUSED_VARIANT + " |");
        }
    }
}
