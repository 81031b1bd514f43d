package vn.vneidbridge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerTimersTest {

    private static final String BEFORE = """
            # HELP vneid_registry_lookup_seconds one CCCD check's lookup
            # TYPE vneid_registry_lookup_seconds histogram
            vneid_registry_lookup_seconds_bucket{outcome="cache_hit",le="1.0E-4"} 0
            vneid_registry_lookup_seconds_bucket{outcome="cache_hit",le="0.001"} 0
            vneid_registry_lookup_seconds_bucket{outcome="cache_hit",le="+Inf"} 0
            vneid_registry_lookup_seconds_count{outcome="cache_hit"} 0
            vneid_registry_lookup_seconds_sum{outcome="cache_hit"} 0.0
            vneid_registry_lookup_seconds_count{outcome="registry"} 40
            vneid_registry_lookup_seconds_sum{outcome="registry"} 0.4
            keycloak_user_events_total{realm="dvc"} 12
            """;

    private static final String AFTER = """
            vneid_registry_lookup_seconds_bucket{outcome="cache_hit",le="1.0E-4"} 60
            vneid_registry_lookup_seconds_bucket{outcome="cache_hit",le="0.001"} 99
            vneid_registry_lookup_seconds_bucket{outcome="cache_hit",le="+Inf"} 100
            vneid_registry_lookup_seconds_count{outcome="cache_hit"} 100
            vneid_registry_lookup_seconds_sum{outcome="cache_hit"} 0.02
            vneid_registry_lookup_seconds_max{outcome="cache_hit"} 0.003
            vneid_registry_lookup_seconds_count{outcome="registry"} 40
            vneid_registry_lookup_seconds_sum{outcome="registry"} 0.4
            keycloak_user_events_total{realm="dvc"} 99
            """;

    @Test
    void thenOnlyTheBridgeTimersAreRead() {
        Map<String, Double> samples = ServerTimers.parse(BEFORE);

        assertThat(samples).containsEntry("vneid_registry_lookup_seconds_count{outcome=\"registry\"}", 40.0)
                .doesNotContainKey("keycloak_user_events_total{realm=\"dvc\"}");
    }

    @Test
    void thenAWindowGivesCountMeanAndBucketPercentilesOfWhatHappenedInIt() {
        List<ServerTimers.Delta> deltas = ServerTimers.between(ServerTimers.parse(BEFORE), ServerTimers.parse(AFTER));

        // the registry outcome was not taken in the window
        assertThat(deltas).hasSize(1);
        ServerTimers.Delta hit = deltas.get(0);
        assertThat(hit.series()).isEqualTo("vneid_registry_lookup_seconds{outcome=\"cache_hit\"}");
        assertThat(hit.count()).isEqualTo(100);
        assertThat(hit.meanMillis()).isCloseTo(0.2, within(1e-9));
        assertThat(hit.p50Millis()).isCloseTo(0.1, within(1e-9));
        assertThat(hit.p99Millis()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void thenAnUnreachableServerGivesNoTimers() {
        assertThat(ServerTimers.scrape(java.net.URI.create("http://127.0.0.1:1"))).isEmpty();
    }
}
