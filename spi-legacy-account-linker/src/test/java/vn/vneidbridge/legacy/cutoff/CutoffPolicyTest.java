package vn.vneidbridge.legacy.cutoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.models.AuthenticatorConfigModel;

class CutoffPolicyTest {

    private static LegacyCutoffConfig config(Map<String, String> values) {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(values);
        return new LegacyCutoffConfig(model);
    }

    @Nested
    class GivenAnExecutionThatWasNeverConfigured {

        private final CutoffPolicy policy = new LegacyCutoffConfig(null).policy();

        @Test
        void thenTheDecreesDatesApplyWithLinkOnly() {
            assertThat(policy.citizenDate()).isEqualTo(LocalDate.of(2024, 7, 1));
            assertThat(policy.organisationDate()).isEqualTo(LocalDate.of(2025, 6, 30));
            assertThat(policy.citizenMode()).isEqualTo(CutoffMode.LINK_ONLY);
            assertThat(policy.organisationMode()).isEqualTo(CutoffMode.LINK_ONLY);
            assertThat(new LegacyCutoffConfig(null).idpAlias()).isEqualTo("vneid");
        }

        @Test
        void thenACitizenLogsInAsBeforeUntilTheDayBeforeAndNotOnTheDayItself() {
            assertThat(policy.modeFor("CITIZEN", LocalDate.of(2024, 6, 30))).isEqualTo(CutoffMode.NOTICE);
            assertThat(policy.modeFor("CITIZEN", LocalDate.of(2024, 7, 1))).isEqualTo(CutoffMode.LINK_ONLY);
        }

        @Test
        void thenOrganisationsAndBusinessesKeepTheirLaterDate() {
            LocalDate between = LocalDate.of(2025, 1, 1);
            assertThat(policy.modeFor("ORGANISATION", between)).isEqualTo(CutoffMode.NOTICE);
            assertThat(policy.modeFor("business", between)).isEqualTo(CutoffMode.NOTICE);
            assertThat(policy.modeFor("CITIZEN", between)).isEqualTo(CutoffMode.LINK_ONLY);
            assertThat(policy.modeFor("ORGANISATION", LocalDate.of(2025, 6, 30))).isEqualTo(CutoffMode.LINK_ONLY);
        }

        @Test
        void thenAnAccountWithoutATypeIsACitizen() {
            assertThat(policy.modeFor(null, LocalDate.of(2025, 1, 1))).isEqualTo(CutoffMode.LINK_ONLY);
            assertThat(policy.dateFor(null)).isEqualTo(LocalDate.of(2024, 7, 1));
        }
    }

    @Nested
    class GivenOperatorSettings {

        @Test
        void thenDatesAreReadInBothFormatsAndModesAsConfigured() {
            CutoffPolicy policy = config(Map.of("citizenCutoffDate", "15/08/2030", "citizenModeAfterCutoff", "closed",
                    "organisationCutoffDate", "2031-01-02", "organisationModeAfterCutoff", " Notice ")).policy();
            assertThat(policy.citizenDate()).isEqualTo(LocalDate.of(2030, 8, 15));
            assertThat(policy.citizenMode()).isEqualTo(CutoffMode.CLOSED);
            assertThat(policy.organisationDate()).isEqualTo(LocalDate.of(2031, 1, 2));
            assertThat(policy.organisationMode()).isEqualTo(CutoffMode.NOTICE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"31/02/2024", "2024-13-01", "01.07.2024", "yesterday", "", "01/07/2024 00:00:00000"})
        void thenADateThatCannotBeReadCountsAsTheDefault(String text) {
            assertThat(config(Map.of("citizenCutoffDate", text)).policy().citizenDate())
                    .isEqualTo(LocalDate.of(2024, 7, 1));
        }

        @Test
        void thenAnUnknownModeCountsAsLinkOnly() {
            assertThat(config(Map.of("citizenModeAfterCutoff", "open")).policy().citizenMode())
                    .isEqualTo(CutoffMode.LINK_ONLY);
        }
    }
}
