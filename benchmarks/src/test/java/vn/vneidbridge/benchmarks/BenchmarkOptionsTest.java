package vn.vneidbridge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    private static final String[] REQUIRED = {"--keycloak-zip=kc.zip", "--providers-bundle=p.zip",
            "--sandbox-bundle=s.zip", "--work-dir=target"};

    private static BenchmarkOptions parse(String... extra) {
        String[] args = new String[REQUIRED.length + extra.length];
        System.arraycopy(REQUIRED, 0, args, 0, REQUIRED.length);
        System.arraycopy(extra, 0, args, REQUIRED.length, extra.length);
        return BenchmarkOptions.parse(args);
    }

    @Test
    void argon2LotteryCountsTheJvmsOfEachKind() {
        assertThat(parse().argon2Lottery()).isZero();
        assertThat(parse("--argon2-lottery=9").argon2Lottery()).isEqualTo(9);
    }

    @Test
    void passwordOnlyIsAPairsOnlyRunOfThePasswordLogins() {
        BenchmarkOptions options = parse("--pairs-only", "--password-only", "--jfr", "--pairs=3", "--rounds=1");
        assertThat(options.passwordOnly()).isTrue();
        assertThat(options.flightRecorder()).isTrue();
        assertThat(options.mode()).isEqualTo("pairs");
        assertThat(options.comparedWindows()).isEqualTo(3);
    }

    @Test
    void theScenariosWithoutATwinRunOnTwoFreshServersPerDatabaseUnlessToldOtherwise() {
        assertThat(parse().aloneServers()).isEqualTo(2);
        assertThat(parse("--unpaired=all").aloneServers()).isEqualTo(2);
        assertThat(parse("--unpaired=qr", "--alone-servers=3").aloneServers()).isEqualTo(3);
        assertThat(parse("--quick").aloneServers()).as("quick mode has none").isEqualTo(1);
        assertThatThrownBy(() -> parse("--quick", "--alone-servers=2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("--alone-servers=0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aShortMaximumWarmUpNeverCutsTheLoadOfAFreshServerAloneBeforeItsWindow() {
        BenchmarkOptions shortWarmUp = parse("--unpaired=cccd-hit", "--min-warm-up=10", "--max-warm-up=20", "--window=5");
        assertThat(shortWarmUp.cap()).isGreaterThan(BenchmarkOptions.FRESH_JVM_WARM_UP.plus(shortWarmUp.window()));
    }

    @Test
    void theFirstScenarioOnAFreshServerAloneWarmsUpForAtLeast150Seconds() {
        java.util.List<SteadyState.Slice> flat = new java.util.ArrayList<>();
        SteadyState fresh = parse().freshServerSteadyState();
        SteadyState usual = parse().steadyState();
        for (int i = 0; i < 14; i++) {
            flat.add(new SteadyState.Slice(1.0, 100));
        }
        assertThat(usual.judge(flat)).isInstanceOf(SteadyState.Stable.class);
        assertThat(fresh.judge(flat)).as("140 s of flat slices").isInstanceOf(SteadyState.Warming.class);
        flat.add(new SteadyState.Slice(1.0, 100));
        assertThat(fresh.judge(flat)).as("150 s").isInstanceOf(SteadyState.Stable.class);
    }

    @Test
    void aQuickScenarioLoadsItsServerForSecondsNotMinutes() {
        // about 22 windows (the pair's, ours' without a twin, their references): their load is most of the five
        // minutes quick mode has; run of 2026-12-07 with 9 s warm-ups, 8 s re-warms and 5 s windows: 9 min 38 s
        BenchmarkOptions quick = parse("--quick");
        assertThat(quick.rewarm().plus(quick.window())).isLessThanOrEqualTo(java.time.Duration.ofSeconds(8));
        assertThat(quick.useOnceLength()).isLessThanOrEqualTo(java.time.Duration.ofSeconds(12));
        assertThat(quick.steadyState().judge(java.util.Collections.nCopies(3, new SteadyState.Slice(1.0, 10))))
                .as("three flat 2 s slices end a quick warm-up").isNotInstanceOf(SteadyState.Warming.class);
        BenchmarkOptions full = parse();
        assertThat(full.rewarm().plus(full.window())).isEqualTo(java.time.Duration.ofSeconds(30));
    }

    @Test
    void bothServersInlineArgon2UnlessPlainJvmIsAsked() {
        assertThat(parse().plainJvm()).isFalse();
        assertThat(parse("--plain-jvm").plainJvm()).isTrue();
    }

    @Test
    void passwordOnlyWithoutPairsOnlyIsRefusedRatherThanSkippingTheOtherScenariosSilently() {
        assertThatThrownBy(() -> parse("--password-only"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--pairs-only");
        assertThat(parse().passwordOnly()).isFalse();
    }

    @Test
    void vneidOnlyIsAPairsOnlyRunOfTheVneidLoginsAndNeverBesidePasswordOnly() {
        BenchmarkOptions options = parse("--pairs-only", "--vneid-only");
        assertThat(options.vneidOnly()).isTrue();
        assertThat(options.passwordOnly()).isFalse();
        assertThat(options.mode()).isEqualTo("pairs");
        assertThatThrownBy(() -> parse("--vneid-only"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--pairs-only");
        assertThatThrownBy(() -> parse("--pairs-only", "--vneid-only", "--password-only"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--password-only");
        assertThat(parse().vneidOnly()).isFalse();
    }

    @Test
    void unpairedRunsOnlyTheNamedScenariosOfTheServerWithoutAStockTwin() {
        BenchmarkOptions options = parse("--unpaired=step-up-level-1, qr");
        assertThat(options.mode()).isEqualTo("unpaired");
        assertThat(options.measures("step-up-level-1")).isTrue();
        assertThat(options.measures("qr")).isTrue();
        assertThat(options.measures("cccd-miss")).isFalse();
        assertThat(parse().measures("cccd-miss")).isTrue();
        assertThat(parse().mode()).isEqualTo("full");
    }

    /** {@code --unpaired=bulk}: the server with the large database only, none of the small one's scenarios. */
    @Test
    void theBulkJobCanBeMeasuredAlone() {
        BenchmarkOptions options = parse("--unpaired=bulk");
        assertThat(options.measures("bulk")).isTrue();
        assertThat(BenchmarkOptions.SMALL_DATABASE_SCENARIOS).noneMatch(options::measures);
        assertThat(parse().measures("bulk")).isTrue();
    }

    /** {@code --unpaired=all}: full mode without its server pairs, every scenario of both servers of ours. */
    @Test
    void allUnpairedIsAFullRunWithoutItsPairs() {
        BenchmarkOptions options = parse("--unpaired=all");
        assertThat(options.mode()).isEqualTo("unpaired");
        assertThat(BenchmarkOptions.UNPAIRED_SCENARIOS).allMatch(options::measures);
        assertThat(BenchmarkOptions.LARGE_DATABASE_SCENARIOS).containsExactly("first-login", "link-large", "bulk");
        assertThat(parse("--unpaired=bulk").measures("first-login")).isFalse();
        assertThat(parse("--unpaired=link").measures("link-large")).isFalse();
    }

    @Test
    void unpairedRefusesAnUnknownScenarioAndTheModesThatRunThePairs() {
        assertThatThrownBy(() -> parse("--unpaired=step-up"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step-up-level-1");
        assertThatThrownBy(() -> parse("--unpaired=qr", "--quick"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("full mode");
        assertThatThrownBy(() -> parse("--unpaired=qr", "--pairs-only"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("full mode");
    }

    @Test
    void theScenariosWithoutATwinGetAStockReferenceUnlessToldOtherwise() {
        assertThat(parse().reference()).isTrue();
        assertThat(parse("--unpaired=link").reference()).isTrue();
        assertThat(parse("--quick").reference()).as("the pair's stock server").isTrue();
        assertThat(parse("--unpaired=link", "--no-reference").reference()).isFalse();
        assertThat(parse("--pairs-only").reference()).as("no scenario without a twin runs").isFalse();
    }

    @Test
    void theRunsFirstLineNamesTheServersItStartsAndNoPairWhereItStartsNone() {
        assertThat(parse("--unpaired=cccd-hit").servers())
                .startsWith("no server pair; 2 fresh server(s) of ours per legacy database")
                .contains("each with a stock Keycloak started beside it");
        assertThat(parse("--unpaired=cccd-hit", "--alone-servers=1", "--no-reference").servers())
                .startsWith("no server pair; 1 fresh server(s)").contains("each alone").doesNotContain("stock Keycloak");
        assertThat(parse().servers()).startsWith("2 server pair(s), stock and ours")
                .contains("; then 2 fresh server(s) of ours");
        assertThat(parse("--pairs-only").servers()).startsWith("2 server pair(s)").doesNotContain("of ours per");
        assertThat(parse("--quick").servers()).startsWith("1 server pair(s)").doesNotContain("of ours per");
    }
}
