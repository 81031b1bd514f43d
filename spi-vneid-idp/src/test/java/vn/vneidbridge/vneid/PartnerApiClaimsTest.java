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

    private static final VneidIdentityProviderConfig PARTNER_ACCEPTING_ORGANISATIONS;

    static {
        org.keycloak.models.IdentityProviderModel model = new org.keycloak.models.IdentityProviderModel();
        model.getConfig().put("protocol", "partner-api");
        model.getConfig().put("acceptOrganisations", "true");
        PARTNER_ACCEPTING_ORGANISATIONS = new VneidIdentityProviderConfig(model);
    }

    private static VneidCheckResult check(String userInfo, VneidLevel required) throws Exception {
        return check(PARTNER, userInfo, required);
    }

    /** The checks as the provider runs them with {@code config}. */
    private static VneidCheckResult check(VneidIdentityProviderConfig config, String userInfo, VneidLevel required)
            throws Exception {
        Map<String, Object> claims = VneidClaims.merge(null, new ObjectMapper().readTree(userInfo));
        return new VneidIdentityValidator(config.getClaimNames(), config.getLevelClaim(), config.getAccountKind(),
                config.isAcceptOrganisations()).validate(claims, required);
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
    class GivenAnOrganisationsAnswer {

        private static final String ABC = "{\"citizenPid\":\"0312345673\",\"fullName\":\"Công ty TNHH ABC\","
                + "\"phoneNumber\":\"0986050588\",\"accountType\":\"2\",\"accountLevel\":\"2\"}";

        @Test
        void thenItIsRefusedWithO0WhereOrganisationsAreNotAccepted() throws Exception {
            assertThat(refusal(check(ABC, VneidLevel.LEVEL_1))).isEqualTo(VneidRefusal.ORGANISATION_NOT_ACCEPTED);
        }

        @Test
        void thenAccountTypeTellsAnOrganisationWhereOrganisationsAreAccepted() throws Exception {
            VneidCheckResult result = check(PARTNER_ACCEPTING_ORGANISATIONS, ABC, VneidLevel.LEVEL_1);

            assertThat(result).isInstanceOfSatisfying(VneidCheckResult.AcceptedOrganisation.class, accepted -> {
                assertThat(accepted.identity().taxCode().value()).isEqualTo("0312345673");
                assertThat(accepted.identity().name()).isEqualTo("Công ty TNHH ABC");
                assertThat(accepted.identity().phoneNumber()).isEqualTo("0986050588");
                assertThat(accepted.identity().level()).isEqualTo(VneidLevel.LEVEL_2);
                assertThat(accepted.identity().accountType()).isEqualTo("2");
            });
        }

        @Test
        void thenACitizensAccountTypeOneStaysACitizensLogin() throws Exception {
            VneidCheckResult result = check(PARTNER_ACCEPTING_ORGANISATIONS, "{\"citizenPid\":\"001090001234\","
                    + "\"fullName\":\"Nguyễn Văn An\",\"accountType\":\"1\",\"accountLevel\":\"2\"}",
                    VneidLevel.LEVEL_1);

            assertThat(result).isInstanceOf(VneidCheckResult.Accepted.class);
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
