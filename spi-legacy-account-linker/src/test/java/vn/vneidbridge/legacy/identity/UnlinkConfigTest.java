package vn.vneidbridge.legacy.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.models.RequiredActionConfigModel;

class UnlinkConfigTest {

    private static final long NOW = 1_800_000_000L;

    private static RequiredActionConfigModel model(String seconds) {
        RequiredActionConfigModel model = new RequiredActionConfigModel();
        model.setConfig(seconds == null ? Map.of() : Map.of(UnlinkConfigProperties.REAUTH_MAX_AGE, seconds));
        return model;
    }

    @Nested
    class GivenTheSetting {

        @Test
        void thenAnActionNeverConfiguredAllowsFiveMinutes() {
            assertThat(UnlinkConfig.of(null).reauthMaxAgeSeconds()).isEqualTo(300);
            assertThat(UnlinkConfig.of(model(null)).reauthMaxAgeSeconds()).isEqualTo(300);
        }

        @Test
        void thenAConfiguredWindowIsRead() {
            assertThat(UnlinkConfig.of(model(" 120 ")).reauthMaxAgeSeconds()).isEqualTo(120);
            assertThat(UnlinkConfig.of(model("60")).reauthMaxAgeSeconds()).isEqualTo(60);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "five", "-1", "0", "59", "1.5", "99999999999"})
        void thenAnUnreadableValueFallsBackToTheDefault(String value) {
            assertThat(UnlinkConfig.of(model(value)).reauthMaxAgeSeconds()).isEqualTo(300);
            assertThat(UnlinkConfig.seconds(value)).isEmpty();
        }

        @Test
        void thenTheAdminConsoleListsIt() {
            assertThat(new IdentityInfoActionFactory().getConfigMetadata())
                    .extracting(property -> property.getName())
                    .contains("registry", UnlinkConfigProperties.REAUTH_MAX_AGE);
        }
    }

    @Nested
    class GivenTheLastVneidAuthenticationOfTheSession {

        private final UnlinkConfig fiveMinutes = new UnlinkConfig(300);

        @Test
        void thenOneWithinTheWindowIsFresh() {
            assertThat(fiveMinutes.fresh(String.valueOf(NOW), NOW)).isTrue();
            assertThat(fiveMinutes.fresh(String.valueOf(NOW - 300), NOW)).isTrue();
        }

        @Test
        void thenAnOlderOneIsNot() {
            assertThat(fiveMinutes.fresh(String.valueOf(NOW - 301), NOW)).isFalse();
        }

        @Test
        void thenNoneIsNotFreshSoAPasswordLoginNeverCounts() {
            assertThat(fiveMinutes.fresh(null, NOW)).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "yesterday", "1800000600"})
        void thenAnUnreadableOrFutureTimeIsNotFresh(String note) {
            assertThat(fiveMinutes.fresh(note, NOW)).isFalse();
        }
    }

    @Nested
    class GivenWhatTheAccountKeepsAfterTheUnlink {

        @Test
        void thenAPasswordAFederationLinkOrAnotherLinkIsEnough() {
            assertThat(UnlinkRules.keepsAWayToLogIn(true, false, 0)).isTrue();
            assertThat(UnlinkRules.keepsAWayToLogIn(false, true, 0)).isTrue();
            assertThat(UnlinkRules.keepsAWayToLogIn(false, false, 1)).isTrue();
        }

        @Test
        void thenAnAccountCreatedFromVneidAloneCannotBeUnlinked() {
            assertThat(UnlinkRules.keepsAWayToLogIn(false, false, 0)).isFalse();
        }
    }
}
