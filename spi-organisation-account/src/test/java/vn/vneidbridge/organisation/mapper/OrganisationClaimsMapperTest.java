package vn.vneidbridge.organisation.mapper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OrganisationClaimsMapperTest {

    private static Map<String, String> claims(Map<String, String> attributes) {
        Map<String, String> claims = new java.util.LinkedHashMap<>();
        OrganisationClaimsMapper.claims(attributes::get).forEach(claim -> claims.put(claim.name(), claim.value()));
        return claims;
    }

    @Nested
    class GivenAnOrganisationWhoseTaxCodeIsVerified {

        @Test
        void thenThePortalGetsItsCodeNameAndAccountType() {
            assertThat(claims(Map.of("legacy_account_type", "ORGANISATION", "tax_code", "0312345673",
                    "tax_code_verified", "true", "organisation_name", "Công ty TNHH ABC")))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("account_type", "ORGANISATION",
                            "tax_code", "0312345673", "organisation_name", "Công ty TNHH ABC"));
        }

        @Test
        void thenAnOrganisationCreatedFromVneidWithNoLegacyTypeIsOneToo() {
            assertThat(claims(Map.of("tax_code", "0312345673", "tax_code_verified", "true")))
                    .containsEntry("account_type", "ORGANISATION").containsEntry("tax_code", "0312345673");
        }
    }

    @Nested
    class GivenAnUnverifiedCode {

        @Test
        void thenNoCodeOrNameGoesToThePortal() {
            assertThat(claims(Map.of("legacy_account_type", "ORGANISATION", "tax_code", "0312345673",
                    "organisation_name", "Công ty TNHH ABC")))
                    .containsExactlyEntriesOf(Map.of("account_type", "ORGANISATION"));
        }
    }

    @Nested
    class GivenACitizen {

        @Test
        void thenOnlyTheAccountTypeIsGiven() {
            assertThat(claims(Map.of("cccd", "052189000123", "cccd_verified", "true")))
                    .containsExactlyEntriesOf(Map.of("account_type", "CITIZEN"));
        }
    }
}
