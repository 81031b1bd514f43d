package vn.vneidbridge.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountKindTest {

    @Nested
    class GivenALegacyAccountType {

        @ParameterizedTest
        @ValueSource(strings = {"ORGANISATION", "organisation", " Organisation "})
        void thenOrganisationsAreOrganisations(String type) {
            assertThat(AccountKind.ofLegacyType(type)).isEqualTo(AccountKind.ORGANISATION);
        }

        @ParameterizedTest
        @ValueSource(strings = {"CITIZEN", "citizen", "BUSINESS", "", " ", "ORGANIZATION", "ADMIN", "ORGANISATION_X"})
        void thenAnythingElseIsACitizenHouseholdBusinessesIncluded(String type) {
            assertThat(AccountKind.ofLegacyType(type)).isEqualTo(AccountKind.CITIZEN);
        }

        @Test
        void thenNoTypeIsACitizen() {
            assertThat(AccountKind.ofLegacyType(null)).isEqualTo(AccountKind.CITIZEN);
        }
    }

    @Nested
    class GivenAVerifiedTaxCode {

        @Test
        void thenTheAccountIsAnOrganisationWhateverItsLegacyType() {
            assertThat(AccountKind.of(null, true)).isEqualTo(AccountKind.ORGANISATION);
            assertThat(AccountKind.of("CITIZEN", true)).isEqualTo(AccountKind.ORGANISATION);
        }
    }

    @Nested
    class GivenAKeycloakUsersAttributes {

        @Test
        void thenItsLegacyTypeAndVerifiedTaxCodeDecide() {
            Map<String, String> company = Map.of(UserAttributes.LEGACY_ACCOUNT_TYPE, "ORGANISATION");
            Map<String, String> createdFromVneid = Map.of(UserAttributes.TAX_CODE_VERIFIED, "true");
            Map<String, String> unverified = Map.of(UserAttributes.TAX_CODE_VERIFIED, "false");
            assertThat(AccountKind.ofUser(company::get)).isEqualTo(AccountKind.ORGANISATION);
            assertThat(AccountKind.ofUser(createdFromVneid::get)).isEqualTo(AccountKind.ORGANISATION);
            assertThat(AccountKind.ofUser(unverified::get)).isEqualTo(AccountKind.CITIZEN);
            assertThat(AccountKind.ofUser(name -> null)).isEqualTo(AccountKind.CITIZEN);
        }
    }
}
