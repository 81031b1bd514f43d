package vn.vneidbridge.vneid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The checks V1–V4 over a partner-API userinfo answer, with the partner API's claim names and level claim. */
class PartnerApiClaimsTest {

    private static final VneidIdentityProviderConfig PARTNER;

    static {
        org.keycloak.models.IdentityProviderModel model = new org.keycloak.models.IdentityProviderModel();
        model.getConfig().put("protocol", "partner-api");
        PARTNER = new VneidIdentityProviderConfig(model);
    }

    private static VneidCheckResult check(String userInfo, VneidLevel required) throws Exception {
        Map<String, Object> claims = VneidClaims.merge(null, new ObjectMapper().readTree(userInfo));
        return new VneidIdentityValidator(PARTNER.getClaimNames(), PARTNER.getLevelClaim()).validate(claims, required);
    }

    private static VneidRefusal refusal(VneidCheckResult result) {
        assertThat(result).isInstanceOf(VneidCheckResult.Refused.class);
        return ((VneidCheckResult.Refused) result).refusal();
    }

    @Nested
    class GivenTheStandInsAnswer {

        @Test
        void thenAnIsAcceptedAtTheLevelOfAccountLevel() throws Exception {
            VneidCheckResult result = check("{\"citizenPid\":\"001090001234\",\"fullName\":\"Nguyễn Văn An\","
                    + "\"birthDate\":\"02/09/1990\",\"gender\":\"Nam\",\"phoneNumber\":\"0903112233\","
                    + "\"accountType\":\"1\",\"accountLevel\":\"2\"}", VneidLevel.LEVEL_1);
            assertThat(result).isInstanceOf(VneidCheckResult.Accepted.class);
            VneidIdentity identity = ((VneidCheckResult.Accepted) result).identity();
            assertThat(identity.level()).isEqualTo(VneidLevel.LEVEL_2);
            assertThat(identity.birthDateText()).isEqualTo("1990-09-02");
            assertThat(identity.genderText()).isEqualTo("male");
            assertThat(identity.phoneNumber()).isEqualTo("0903112233");
        }
    }

    @Nested
    class GivenMissingClaims {

        @Test
        void thenNoCitizenPidIsV1() throws Exception {
            assertThat(refusal(check("{\"fullName\":\"Nguyễn Văn An\",\"accountLevel\":\"2\"}", VneidLevel.LEVEL_1)))
                    .isEqualTo(VneidRefusal.ID_NUMBER_INVALID);
        }

        @Test
        void thenNoAccountLevelIsV2EvenWithAnAcrClaim() throws Exception {
            assertThat(refusal(check("{\"citizenPid\":\"001090001234\",\"fullName\":\"Nguyễn Văn An\",\"acr\":\"2\"}",
                    VneidLevel.LEVEL_1))).isEqualTo(VneidRefusal.LEVEL_MISSING);
        }

        @Test
        void thenALevelBelowTheMinimumIsV2() throws Exception {
            assertThat(refusal(check("{\"citizenPid\":\"001090001234\",\"fullName\":\"Nguyễn Văn An\","
                    + "\"accountLevel\":\"1\"}", VneidLevel.LEVEL_2))).isEqualTo(VneidRefusal.LEVEL_TOO_LOW);
        }

        @Test
        void thenNoFullNameIsV4() throws Exception {
            assertThat(refusal(check("{\"citizenPid\":\"001090001234\",\"accountLevel\":\"1\"}", VneidLevel.LEVEL_1)))
                    .isEqualTo(VneidRefusal.FULL_NAME_MISSING);
        }
    }
}
