package vn.vneidbridge.vneid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.common.enums.SslRequired;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.RealmModel;
import vn.vneidbridge.vneid.partner.PartnerAesMode;

/** The {@code protocol} setting and what follows from {@code partner-api}. */
class PartnerApiConfigTest {

    private static final String SANDBOX = "http://localhost:8080/realms/vneid-sandbox";

    private static RealmModel realm() {
        return Stub.of(RealmModel.class).returning("getSslRequired", SslRequired.EXTERNAL).build();
    }

    private static VneidIdentityProviderConfig config(String... keyValues) {
        IdentityProviderModel model = new IdentityProviderModel();
        for (int i = 0; i < keyValues.length; i += 2) {
            model.getConfig().put(keyValues[i], keyValues[i + 1]);
        }
        return new VneidIdentityProviderConfig(model);
    }

    @Nested
    class GivenNoProtocol {

        private final VneidIdentityProviderConfig config = config();

        @Test
        void thenItIsOidcWithItsClaimsAndTheLevelInAcr() {
            assertThat(config.getProtocol()).isEqualTo(VneidProtocol.OIDC);
            assertThat(config.getClaimNames()).isEqualTo(VneidClaimNames.DEFAULTS);
            assertThat(config.getLevelClaim()).isEqualTo("acr");
            assertThat(config.getAuthorizationUrl()).isEqualTo(SANDBOX + "/protocol/openid-connect/auth");
        }

        @Test
        void thenTheNewSettingsAreInTheDefaultsTheConsoleShows() {
            assertThat(VneidIdentityProviderConfig.withDefaults().getConfig())
                    .containsEntry("protocol", "oidc").containsEntry("partnerAesMode", "ECB");
        }
    }

    @Nested
    class GivenThePartnerApiInTheSandbox {

        private final VneidIdentityProviderConfig config = config("protocol", "partner-api");

        @Test
        void thenTheEndpointsAreTheStandInsPartnerApiFace() {
            assertThat(config.getAuthorizationUrl()).isEqualTo(SANDBOX + "/partner-api/authorize");
            assertThat(config.getTokenUrl()).isEqualTo(SANDBOX + "/partner-api/token");
            assertThat(config.getUserInfoUrl()).isEqualTo(SANDBOX + "/partner-api/userinfo");
        }

        @Test
        void thenThereIsNoLogoutEndpoint() {
            assertThat(config.getLogoutUrl()).isNull();
        }

        @Test
        void thenThePartnerClaimNamesAndLevelClaimApply() {
            assertThat(config.getClaimNames()).isEqualTo(new VneidClaimNames("citizenPid", "fullName", "birthDate",
                    "gender", "phoneNumber"));
            assertThat(config.getLevelClaim()).isEqualTo("accountLevel");
            assertThat(config.getAccountTypeClaim()).isEqualTo("accountType");
            assertThat(config.getPartnerAesMode()).isEqualTo(PartnerAesMode.ECB);
        }

        @Test
        void thenEverythingCanBeOverridden() {
            VneidIdentityProviderConfig custom = config("protocol", "partner-api", "tokenUrl", "https://x/token",
                    "idNumberClaim", "pid", "accountLevelClaim", "level", "partnerAesMode", "cbc",
                    "sandboxIssuer", "http://localhost:9/realms/s/");
            assertThat(custom.getTokenUrl()).isEqualTo("https://x/token");
            assertThat(custom.getAuthorizationUrl()).isEqualTo("http://localhost:9/realms/s/partner-api/authorize");
            assertThat(custom.getIdNumberClaim()).isEqualTo("pid");
            assertThat(custom.getLevelClaim()).isEqualTo("level");
            assertThat(custom.getPartnerAesMode()).isEqualTo(PartnerAesMode.CBC);
        }

        @Test
        void thenItValidates() {
            config.validate(realm());
        }
    }

    @Nested
    class GivenThePartnerApiInProduction {

        @Test
        void thenTheEndpointsMustBeEnteredAndAreNeverGuessed() {
            VneidIdentityProviderConfig config = config("protocol", "partner-api", "environment", "PRODUCTION");
            assertThat(config.getAuthorizationUrl()).isNull();
            assertThatThrownBy(() -> config.validate(realm())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not public").hasMessageContaining("authorizationUrl")
                    .hasMessageContaining("tokenUrl").hasMessageContaining("userInfoUrl");
        }

        @Test
        void thenEnteredEndpointsAreAccepted() {
            config("protocol", "partner-api", "environment", "PRODUCTION",
                    "authorizationUrl", "https://vneid.example/authorize", "tokenUrl", "https://vneid.example/token",
                    "userInfoUrl", "https://vneid.example/userinfo").validate(realm());
        }
    }

    @Nested
    class GivenUnreadableValues {

        @Test
        void thenAnUnknownProtocolOrAesModeIsRefused() {
            assertThatThrownBy(() -> config("protocol", "saml").validate(realm()))
                    .hasMessageContaining("unknown protocol 'saml'");
            assertThatThrownBy(() -> config("protocol", "partner-api", "partnerAesMode", "GCM").validate(realm()))
                    .hasMessageContaining("unknown AES mode 'GCM'");
        }
    }
}
