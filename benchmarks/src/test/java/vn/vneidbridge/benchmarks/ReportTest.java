package vn.vneidbridge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final BenchmarkOptions OPTIONS = BenchmarkOptions.parse(new String[] {
        "--keycloak-zip=kc.zip", "--providers-bundle=p.zip", "--sandbox-bundle=s.zip", "--work-dir=target", "--quick"});
    private static final Machine MACHINE = new Machine(2, "Test CPU", "OpenJDK 17", "Linux", "2026-11-23 10:00 UTC",
            "0.50, 0.40, 0.30", "1.00, 0.80, 0.60");

    private static Measurement run(String flow, String variant, String pair, double throughput, double p50) {
        return new Measurement(flow, variant, pair, throughput, new Latencies(100, p50, p50 * 2, p50 * 3), 100, 0,
                10.0, 700L * 1024 * 1024, Latencies.NONE, 0);
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
    class GivenAStockAndAnOursRun {

        private final Report report = new Report(OPTIONS, MACHINE, List.of(
                run("Password login", "stock", "password", 20.0, 300),
                run("Password login", "ours", "password", 19.5, 310)), Duration.ofMinutes(3));

        @Test
        void thenTheRatioIsOursOverStock() {
            assertThat(report.pairRatio("password")).hasValueSatisfying(r -> assertThat(r).isCloseTo(0.975, within(1e-9)));
            assertThat(report.pairRatio("broker")).isEmpty();
        }

        @Test
        void thenTheTableShowsTheRatioAndTheTarget() {
            String md = report.markdown();

            assertThat(md).contains("| Password login | ours | 19.5 | 310 | 620 | 930 | 0.100 | 700 | 0 |"
                    + " ours/stock: 0.98× logins/s, 1.03× p50, 1.00× CPU/login |");
            assertThat(md).contains("ours/stock logins/s = 0.98 (target ≥ 0.95: met)");
            assertThat(md).contains("2 CPUs (Test CPU)", "at start: 0.50, 0.40, 0.30");
        }

        @Test
        void thenTheChartHasOneBarPerRun() {
            assertThat(Report.chart(List.of(run("a", "stock", null, 1, 1), run("b", "ours", null, 2, 1))).getHeight())
                    .isEqualTo(70 + 2 * 30);
        }
    }

    @Test
    void thenARatioWithNothingToCompareIsNotANumber() {
        assertThat(Report.ratio(1, 0)).isNaN();
        assertThat(Report.ratio(Double.NaN, 1)).isNaN();
        assertThat(Report.ratio(3, 2)).isEqualTo(1.5);
    }

    @Test
    void thenTheRecorderCountsOnlyLoginsEndedInTheWindow() {
        Recorder recorder = new Recorder();
        long s = 1_000_000_000L;
        recorder.login(0, s / 2);
        recorder.login(s / 4, s);
        recorder.login(s / 2, 3 * s);

        assertThat(recorder.throughput(Duration.ofSeconds(2))).isEqualTo(1.0);
        assertThat(recorder.logins()).isEqualTo(3);
    }
}
