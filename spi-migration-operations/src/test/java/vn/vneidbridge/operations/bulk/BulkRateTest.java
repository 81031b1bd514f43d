package vn.vneidbridge.operations.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.cccd.registry.RegistryResult;

class BulkRateTest {

    @Nested
    class GivenTheServersCap {

        @Test
        void thenAJobsRateIsCutToItButNeverBelowOneCallASecond() {
            assertThat(BulkRate.clamp(5_000, 200)).isEqualTo(200);
            assertThat(BulkRate.clamp(50, 200)).isEqualTo(50);
            assertThat(BulkRate.clamp(0, 200)).isEqualTo(BulkRate.FLOOR);
        }

        @Test
        void thenTheActiveJobsOfTheClusterShareItSoTogetherTheyStayUnderIt() {
            assertThat(BulkRate.share(5_000, 200, 1)).isEqualTo(200);
            assertThat(BulkRate.share(5_000, 200, 3)).isEqualTo(66);
            assertThat(BulkRate.share(5_000, 200, 3) * 3).isLessThanOrEqualTo(200);
            assertThat(BulkRate.share(20, 200, 3)).as("never more than the job was given").isEqualTo(20);
            assertThat(BulkRate.share(20, 2, 5)).as("a floor of one call a second").isEqualTo(1);
            assertThat(BulkRate.share(20, 200, 0)).isEqualTo(20);
        }
    }

    @Nested
    class GivenTheRegistryRefusesCallsForQuota {

        @Test
        void thenThePaceHalvesDownToTheFloor() {
            assertThat(BulkRate.afterQuotaRefusal(200)).isEqualTo(100);
            assertThat(BulkRate.afterQuotaRefusal(3)).isEqualTo(1);
            assertThat(BulkRate.afterQuotaRefusal(1)).isEqualTo(BulkRate.FLOOR);
        }

        @Test
        void thenCalmBatchesBringItBackByATenthOfTheShareAndNoFurther() {
            assertThat(BulkRate.afterCalmBatch(100, 200)).isEqualTo(120);
            assertThat(BulkRate.afterCalmBatch(195, 200)).isEqualTo(200);
            assertThat(BulkRate.afterCalmBatch(1, 5)).isEqualTo(2);
            assertThat(BulkRate.afterCalmBatch(300, 200)).as("the share went down").isEqualTo(200);
        }

        @Test
        void thenOnlyAnHttp429IsAQuotaRefusal() {
            assertThat(BulkRate.quotaRefused(List.of(new RegistryResult.NotFound(),
                    new RegistryResult.Unavailable("http-429")))).isTrue();
            assertThat(BulkRate.quotaRefused(List.of(new RegistryResult.Unavailable("http-503"),
                    new RegistryResult.Unavailable("timeout"), new RegistryResult.Unavailable("circuit-open"),
                    new RegistryResult.Match(Set.of(), Optional.empty())))).isFalse();
        }
    }
}
