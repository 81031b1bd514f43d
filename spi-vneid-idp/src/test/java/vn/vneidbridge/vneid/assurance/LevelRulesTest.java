package vn.vneidbridge.vneid.assurance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.vneid.VneidLevel;

class LevelRulesTest {

    private static final int NONE = LevelRules.NONE;

    @Nested
    class GivenTheBrowserFlowBeforeAnyPage {

        @Test
        void thenNoRequestOrAPasswordRequestShowsTheLoginPage() {
            assertThat(LevelRules.inBrowser(NONE, NONE, false)).isInstanceOf(LevelRules.NotNeeded.class);
            assertThat(LevelRules.inBrowser(0, 0, false)).isInstanceOf(LevelRules.NotNeeded.class);
        }

        @Test
        void thenAVoluntaryVneidLevelGoesToVneid() {
            assertThat(LevelRules.inBrowser(2, NONE, false)).isEqualTo(new LevelRules.ToVneid(2));
            assertThat(LevelRules.inBrowser(1, NONE, false)).isEqualTo(new LevelRules.ToVneid(1));
        }

        @Test
        void thenAnEssentialOrMinimumLevelGoesToVneid() {
            assertThat(LevelRules.inBrowser(2, 2, false)).isEqualTo(new LevelRules.ToVneid(2));
            assertThat(LevelRules.inBrowser(NONE, 2, false)).isEqualTo(new LevelRules.ToVneid(2));
        }

        @Test
        void thenAVoluntaryRequestWhoseVneidAttemptCameBackEmptyFallsBackToTheLoginPage() {
            assertThat(LevelRules.inBrowser(2, NONE, true)).isInstanceOf(LevelRules.NotNeeded.class);
            assertThat(LevelRules.inBrowser(2, 0, true)).isInstanceOf(LevelRules.NotNeeded.class);
        }

        @Test
        void thenAVoluntaryStepUpFromAnSsoSessionThatCameBackEmptyGoesOnFromTheSession() {
            assertThat(LevelRules.inBrowser(2, NONE, true, true)).isEqualTo(new LevelRules.FromSession());
            assertThat(LevelRules.inBrowser(1, 0, true, true)).isEqualTo(new LevelRules.FromSession());
            assertThat(LevelRules.inBrowser(2, NONE, false, true)).as("not before the attempt")
                    .isEqualTo(new LevelRules.ToVneid(2));
        }

        @Test
        void thenAnSsoSessionNeverExcusesALevelThatMustBeMet() {
            assertThat(LevelRules.inBrowser(2, 2, true, true)).isEqualTo(new LevelRules.Unmet(2));
            assertThat(LevelRules.inBrowser(NONE, 2, true, true)).isEqualTo(new LevelRules.Unmet(2));
        }

        @Test
        void thenALevelThatMustBeMetAndCameBackEmptyIsAnErrorForThePortal() {
            assertThat(LevelRules.inBrowser(2, 2, true)).isEqualTo(new LevelRules.Unmet(2));
            assertThat(LevelRules.inBrowser(2, 1, true)).isEqualTo(new LevelRules.Unmet(1));
        }
    }

    @Nested
    class GivenVneidAnswered {

        @Test
        void thenALevelAtOrAboveWhatMustBeReachedGoesOn() {
            assertThat(LevelRules.afterVneid(AssuranceLevel.VNEID_LEVEL_2, 2))
                    .isEqualTo(new LevelRules.Met(AssuranceLevel.VNEID_LEVEL_2));
            assertThat(LevelRules.afterVneid(AssuranceLevel.VNEID_LEVEL_1, NONE))
                    .isEqualTo(new LevelRules.Met(AssuranceLevel.VNEID_LEVEL_1));
        }

        @Test
        void thenALowerAccountLevelThanAnEssentialOneIsAnErrorForThePortal() {
            assertThat(LevelRules.afterVneid(AssuranceLevel.VNEID_LEVEL_1, 2)).isEqualTo(new LevelRules.Unmet(2));
        }

        @Test
        void thenAnUnknownHigherNumberIsNeverMet() {
            assertThat(LevelRules.afterVneid(AssuranceLevel.VNEID_LEVEL_2, 3)).isEqualTo(new LevelRules.Unmet(3));
        }
    }

    @Nested
    class GivenTheLevels {

        @Test
        void thenAcrAndKeycloakLevelAreTheSameNumber() {
            for (AssuranceLevel level : AssuranceLevel.values()) {
                assertThat(level.acr()).isEqualTo(String.valueOf(level.loa()));
                assertThat(AssuranceLevel.ofLoa(level.loa())).contains(level);
            }
        }

        @Test
        void thenAPasswordIsNoVneidLevel() {
            assertThat(AssuranceLevel.PORTAL_PASSWORD.vneidLevel()).isEmpty();
            assertThat(AssuranceLevel.of(VneidLevel.LEVEL_1)).isEqualTo(AssuranceLevel.VNEID_LEVEL_1);
            assertThat(AssuranceLevel.of(VneidLevel.LEVEL_2)).isEqualTo(AssuranceLevel.VNEID_LEVEL_2);
        }

        @Test
        void thenTheVneidLevelForARequestIsTheLowestThatMeetsIt() {
            assertThat(AssuranceLevel.vneidLevelFor(0)).isEmpty();
            assertThat(AssuranceLevel.vneidLevelFor(1)).contains(VneidLevel.LEVEL_1);
            assertThat(AssuranceLevel.vneidLevelFor(2)).contains(VneidLevel.LEVEL_2);
            assertThat(AssuranceLevel.vneidLevelFor(7)).contains(VneidLevel.LEVEL_2);
        }
    }
}
