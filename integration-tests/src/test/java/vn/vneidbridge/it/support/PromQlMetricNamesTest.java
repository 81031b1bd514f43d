package vn.vneidbridge.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlMetricNamesTest {

    @Test
    void theNamesReadAreLeftAndFunctionsLabelsRangesAndVariablesAreNot() {
        assertThat(PromQlMetricNames.of("histogram_quantile(0.95, sum by (le, registry) (rate("
                + "vneid_bridge_registry_calls_seconds_bucket{outcome=\"miss\", registry=~\"$registry\"}[$__rate_interval])))"))
                .containsExactly("vneid_bridge_registry_calls_seconds_bucket");
        assertThat(PromQlMetricNames.of("time() - max(vneid_bridge_migration_refreshed_timestamp_seconds) > 900"))
                .containsExactly("vneid_bridge_migration_refreshed_timestamp_seconds");
        assertThat(PromQlMetricNames.of("sum(rate(a_total[5m])) / on(instance) group_left sum(b_total) or vector(0)"))
                .containsExactly("a_total", "b_total");
        assertThat(PromQlMetricNames.of("up{job=\"keycloak\"} == 0")).containsExactly("up");
    }
}
