package vn.vneidbridge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ScenarioSetupTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Nested
    class GivenTheSandboxRealmsCutoff {

        @Test
        void thenModeNoticeLeavesThePasswordToLinkedCitizens() {
            assertThat(ScenarioSetup.citizenPasswordRefused("notice", "01/07/2024", TODAY)).isFalse();
            assertThat(ScenarioSetup.citizenPasswordRefused(" Notice ", "01/07/2024", TODAY)).isFalse();
        }
    }

    @Nested
    class GivenTheProductionRealmsCutoff {

        @Test
        void thenClosedOrLinkOnlyAfterTheDateRefusesThePassword() {
            assertThat(ScenarioSetup.citizenPasswordRefused("closed", "01/07/2024", TODAY)).isTrue();
            assertThat(ScenarioSetup.citizenPasswordRefused("link-only", "01/07/2024", TODAY)).isTrue();
            assertThat(ScenarioSetup.citizenPasswordRefused("closed", "23/11/2026", TODAY)).as("the date itself").isTrue();
        }

        @Test
        void thenADateStillAheadLeavesThePassword() {
            assertThat(ScenarioSetup.citizenPasswordRefused("closed", "24/11/2026", TODAY)).isFalse();
        }

        @Test
        void thenAnUnreadableDateIsTakenAsPassed() {
            assertThat(ScenarioSetup.citizenPasswordRefused("closed", "2024-07-01", TODAY)).isTrue();
            assertThat(ScenarioSetup.citizenPasswordRefused("closed", null, TODAY)).isTrue();
        }
    }
}
