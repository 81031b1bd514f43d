package vn.vneidbridge.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JpaLinkOperationsFactoryTest {

    @Test
    void aBulkResultIsAppliedForNinetyDaysUnlessTheServerOptionSaysOtherwise() {
        assertThat(JpaLinkOperationsFactory.maxAge(null)).isEqualTo(Duration.ofDays(90));
        assertThat(JpaLinkOperationsFactory.maxAge(" 30 ")).isEqualTo(Duration.ofDays(30));
        assertThat(JpaLinkOperationsFactory.maxAge("3650")).isEqualTo(Duration.ofDays(3650));
    }

    @Test
    void zeroMeansNoBulkResultIsApplied() {
        assertThat(JpaLinkOperationsFactory.maxAge("0")).isEqualTo(Duration.ZERO);
    }

    @Test
    void aNegativeOrUnreadableValueFailsClosedAsZero() {
        for (String value : new String[] {"-1", "-5", "ninety", "", "90d"}) {
            assertThat(JpaLinkOperationsFactory.maxAge(value)).as(value).isEqualTo(Duration.ZERO);
        }
    }

    @Test
    void aValueAboveTenYearsIsCutToTenYears() {
        assertThat(JpaLinkOperationsFactory.maxAge("3651")).isEqualTo(Duration.ofDays(3650));
    }

    @Test
    void theOptionIsListedForTheServerInfo() {
        assertThat(new JpaLinkOperationsFactory().getConfigMetadata())
                .anyMatch(property -> property.getName().equals("bulk-result-max-age-days")
                        && Integer.valueOf(90).equals(property.getDefaultValue()));
    }
}
