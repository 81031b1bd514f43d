package vn.vneidbridge.vneid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.core.user.AccountKind;

class VneidAccountKindTest {

    private static final VneidAccountKind OIDC = VneidAccountKind.DEFAULTS;
    private static final VneidAccountKind PARTNER = new VneidAccountKind("accountType", List.of("2", "3"));

    private static Map<String, Object> claims(Object... keyValues) {
        Map<String, Object> claims = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            claims.put((String) keyValues[i], keyValues[i + 1]);
        }
        return claims;
    }

    @Nested
    class GivenNoAccountTypeClaim {

        @Test
        void thenItIsACitizensAccount() {
            assertThat(OIDC.of(claims("preferred_username", "052189000123"))).isEqualTo(AccountKind.CITIZEN);
            assertThat(OIDC.accountType(claims())).isNull();
        }

        @Test
        void thenTheShapeOfTheIdNeverDecides() {
            assertThat(OIDC.of(claims("preferred_username", "0312345673", "SoDinhDanh", "0312345673")))
                    .isEqualTo(AccountKind.CITIZEN);
        }

        @Test
        void thenABlankOrStructuredClaimIsNone() {
            assertThat(OIDC.of(claims("LoaiTaiKhoan", "  "))).isEqualTo(AccountKind.CITIZEN);
            assertThat(OIDC.of(claims("LoaiTaiKhoan", Map.of("value", "2")))).isEqualTo(AccountKind.CITIZEN);
        }
    }

    @Nested
    class GivenTheNationalPortalsAccountTypes {

        @Test
        void thenBusinessAndOrganisationAreOrganisations() {
            assertThat(OIDC.of(claims("LoaiTaiKhoan", "2"))).isEqualTo(AccountKind.ORGANISATION);
            assertThat(OIDC.of(claims("LoaiTaiKhoan", "3"))).isEqualTo(AccountKind.ORGANISATION);
        }

        @Test
        void thenACitizenOrAnUnknownTypeIsACitizensAccount() {
            assertThat(OIDC.of(claims("LoaiTaiKhoan", "1"))).isEqualTo(AccountKind.CITIZEN);
            assertThat(OIDC.of(claims("LoaiTaiKhoan", "9"))).isEqualTo(AccountKind.CITIZEN);
            assertThat(OIDC.of(claims("LoaiTaiKhoan", "23"))).isEqualTo(AccountKind.CITIZEN);
        }

        @Test
        void thenAJsonNumberAndSurroundingSpacesAreRead() {
            assertThat(OIDC.of(claims("LoaiTaiKhoan", 2))).isEqualTo(AccountKind.ORGANISATION);
            assertThat(OIDC.of(claims("LoaiTaiKhoan", " 3 "))).isEqualTo(AccountKind.ORGANISATION);
            assertThat(OIDC.accountType(claims("LoaiTaiKhoan", " 3 "))).isEqualTo("3");
        }
    }

    @Nested
    class GivenTheConfiguredClaim {

        @Test
        void thenItWinsOverLoaiTaiKhoan() {
            assertThat(PARTNER.of(claims("accountType", "1", "LoaiTaiKhoan", "2"))).isEqualTo(AccountKind.CITIZEN);
            assertThat(PARTNER.accountType(claims("accountType", "2", "LoaiTaiKhoan", "1"))).isEqualTo("2");
        }

        @Test
        void thenLoaiTaiKhoanIsReadWhenItIsAbsent() {
            assertThat(PARTNER.of(claims("LoaiTaiKhoan", "3"))).isEqualTo(AccountKind.ORGANISATION);
        }

        @Test
        void thenOtherOrganisationTypesCanBeConfiguredInAnyCase() {
            VneidAccountKind custom = new VneidAccountKind("kind", List.of("org", " ", "BUSINESS"));

            assertThat(custom.of(claims("kind", "ORG"))).isEqualTo(AccountKind.ORGANISATION);
            assertThat(custom.of(claims("kind", "business"))).isEqualTo(AccountKind.ORGANISATION);
            assertThat(custom.of(claims("kind", "2"))).isEqualTo(AccountKind.CITIZEN);
            assertThat(custom.claim()).isEqualTo("kind");
        }
    }
}
