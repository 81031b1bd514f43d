package vn.vneidbridge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompareRunsTest {

    @Test
    void thenTheReportsCsvIsReadBackAndComparedRatioByRatio() {
        String csv = """
                scenario,ratio,pairs,median,min,max
                "Password login, migrated",logins_per_s,3,0.970,0.950,0.990
                "Password login, migrated",p50,3,1.020,1.000,1.040
                """;
        String other = """
                scenario,ratio,pairs,median,min,max
                "Password login, migrated",logins_per_s,3,0.985,0.960,1.010
                "Password login, migrated",p50,3,1.200,1.150,1.250
                """;

        List<String> lines = CompareRuns.compare(CompareRuns.parse(csv.lines().toList()),
                CompareRuns.parse(other.lines().toList()));

        assertThat(lines).containsExactly(
                "AGREE    Password login, migrated / logins_per_s: 0.97× (0.95–0.99) vs 0.99× (0.96–1.01)",
                "DISAGREE Password login, migrated / p50: 1.02× (1.00–1.04) vs 1.20× (1.15–1.25)");
    }

    @Test
    void thenFiguresAreShownAsTheyAreAndOneNeitherRunHasIsNoDisagreement() {
        String csv = """
                scenario,figure,windows,median,min,max
                "QR login / 40 browsers",logins_per_s,6,20.0000,20.0000,20.0000
                "QR login / 40 browsers",p50_ms,6,NaN,NaN,NaN
                """;

        List<String> lines = CompareRuns.compare(CompareRuns.parse(csv.lines().toList()),
                CompareRuns.parse(csv.lines().toList()), false);

        assertThat(lines).containsExactly(
                "AGREE    QR login / 40 browsers / logins_per_s: 20.0000 (20.0000–20.0000) vs 20.0000 (20.0000–20.0000)",
                "NONE     QR login / 40 browsers / p50_ms: in neither run");
    }

    @Test
    void thenAReportWithoutPairsHasAnEmptyCsv() {
        BenchmarkOptions options = BenchmarkOptions.parse(new String[] {"--keycloak-zip=kc.zip",
            "--providers-bundle=p.zip", "--sandbox-bundle=s.zip", "--work-dir=target"});
        Report report = new Report(options, new Machine(2, "cpu", "jdk", "os", "2026-12-03 08:00 UTC", "0", "0"),
                List.of(), Duration.ZERO, 0.02, Map.of(), List.of());

        assertThat(CompareRuns.parse(report.pairsCsv().lines().toList())).isEmpty();
    }
}
