package vn.vneidbridge.vneid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.common.enums.SslRequired;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.RealmModel;
import vn.vneidbridge.core.broker.LinkWebhookSetting;

class VneidIdentityProviderConfigTest {

    private static final String SANDBOX = "http://localhost:8080/realms/vneid-sandbox";
    private static final String PRODUCTION = "https://sso.dancuquocgia.gov.vn/realms/citizen";

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
    class GivenNothingConfigured {

        private final VneidIdentityProviderConfig config = config();

        @Test
        void thenTheSandboxEndpointsAreUsed() {
            assertThat(config.getEnvironment()).isEqualTo(VneidEnvironment.SANDBOX);
            assertThat(config.getIssuer()).isEqualTo(SANDBOX);
            assertThat(config.getAuthorizationUrl()).isEqualTo(SANDBOX + "/protocol/openid-connect/auth");
            assertThat(config.getTokenUrl()).isEqualTo(SANDBOX + "/protocol/openid-connect/token");
            assertThat(config.getUserInfoUrl()).isEqualTo(SANDBOX + "/protocol/openid-connect/userinfo");
            assertThat(config.getJwksUrl()).isEqualTo(SANDBOX + "/protocol/openid-connect/certs");
            assertThat(config.getLogoutUrl()).isEqualTo(SANDBOX + "/protocol/openid-connect/logout");
        }

        @Test
        void thenLevelOneIsEnough() {
            assertThat(config.getMinimumLevel()).isEqualTo(VneidLevel.LEVEL_1);
        }

        @Test
        void thenTheSecureDefaultsApply() {
            assertThat(config.isPkceEnabled()).isTrue();
            assertThat(config.getPkceMethod()).isEqualTo("S256");
            assertThat(config.isValidateSignature()).isTrue();
            assertThat(config.isUseJwksUrl()).isTrue();
            assertThat(config.getClientAuthMethod()).isEqualTo("client_secret_post");
            assertThat(config.getSyncMode()).isEqualTo(IdentityProviderSyncMode.FORCE);
            assertThat(config.isSendIdTokenOnLogout()).isTrue();
            assertThat(config.isSendClientIdOnLogout()).isTrue();
            assertThat(config.isBackchannelSupported()).isFalse();
            assertThat(config.isDisableNonce()).isFalse();
        }

        @Test
        void thenTheStandardClaimNamesAreRead() {
            assertThat(config.getClaimNames()).isEqualTo(VneidClaimNames.DEFAULTS);
            assertThat(config.getClaimNames()).isEqualTo(new VneidClaimNames("preferred_username", "name",
                    "birthdate", "gender", "phone_number"));
        }

        @Test
        void thenItValidates() {
            config.validate(realm());

            assertThat(config.getConfig()).containsEntry("issuer", SANDBOX);
        }
    }

    @Nested
    class GivenTheDefaultsOfANewProvider {

        @Test
        void thenTheyAreStoredForTheAdminConsole() {
            VneidIdentityProviderConfig config = VneidIdentityProviderConfig.withDefaults();

            assertThat(config.getConfig())
                    .containsEntry("environment", "SANDBOX")
                    .containsEntry("minimumLevel", "1")
                    .containsEntry("pkceEnabled", "true")
                    .containsEntry("pkceMethod", "S256")
                    .containsEntry("validateSignature", "true")
                    .containsEntry("useJwksUrl", "true")
                    .containsEntry("clientAuthMethod", "client_secret_post")
                    .containsEntry("syncMode", "FORCE")
                    .containsEntry("backchannelSupported", "false")
                    .doesNotContainKeys("authorizationUrl", "tokenUrl", "jwksUrl", "issuer");
        }
    }

    @Nested
    class GivenAnEnvironment {

        @Test
        void thenProductionResolvesTheNationalEndpoints() {
            VneidIdentityProviderConfig config = config("environment", "PRODUCTION");

            assertThat(config.getIssuer()).isEqualTo(PRODUCTION);
            assertThat(config.getAuthorizationUrl()).isEqualTo(PRODUCTION + "/protocol/openid-connect/auth");
            assertThat(config.getTokenUrl()).isEqualTo(PRODUCTION + "/protocol/openid-connect/token");
            assertThat(config.getJwksUrl()).isEqualTo(PRODUCTION + "/protocol/openid-connect/certs");
            assertThat(config.getLogoutUrl()).isEqualTo(PRODUCTION + "/protocol/openid-connect/logout");
        }

        @Test
        void thenTheEnvironmentIsReadInAnyCase() {
            assertThat(config("environment", " production ").getEnvironment()).isEqualTo(VneidEnvironment.PRODUCTION);
        }

        @Test
        void thenAnotherSandboxIssuerMovesEveryEndpoint() {
            VneidIdentityProviderConfig config = config("sandboxIssuer", "http://127.0.0.1:8180/realms/vneid-sandbox/");

            assertThat(config.getIssuer()).isEqualTo("http://127.0.0.1:8180/realms/vneid-sandbox");
            assertThat(config.getTokenUrl()).isEqualTo("http://127.0.0.1:8180/realms/vneid-sandbox/protocol/openid-connect/token");
        }

        @Test
        void thenTheSandboxIssuerDoesNotMatterInProduction() {
            VneidIdentityProviderConfig config = config("environment", "PRODUCTION",
                    "sandboxIssuer", "http://127.0.0.1:8180/realms/vneid-sandbox");

            assertThat(config.getIssuer()).isEqualTo(PRODUCTION);
        }
    }

    @Nested
    class GivenExplicitSettings {

        @Test
        void thenAnExplicitEndpointIsKept() {
            VneidIdentityProviderConfig config = config("environment", "PRODUCTION",
                    "tokenUrl", "https://gateway.example.vn/vneid/token", "jwksUrl", "https://gateway.example.vn/vneid/jwks");

            assertThat(config.getTokenUrl()).isEqualTo("https://gateway.example.vn/vneid/token");
            assertThat(config.getJwksUrl()).isEqualTo("https://gateway.example.vn/vneid/jwks");
            assertThat(config.getAuthorizationUrl()).isEqualTo(PRODUCTION + "/protocol/openid-connect/auth");
        }

        @Test
        void thenAnExplicitIssuerMovesTheOtherEndpoints() {
            VneidIdentityProviderConfig config = config("issuer", "https://vneid.example.vn/realms/test");

            assertThat(config.getIssuer()).isEqualTo("https://vneid.example.vn/realms/test");
            assertThat(config.getUserInfoUrl()).isEqualTo("https://vneid.example.vn/realms/test/protocol/openid-connect/userinfo");
        }

        @Test
        void thenExplicitSwitchesAreKept() {
            VneidIdentityProviderConfig config = config("pkceEnabled", "false", "clientAuthMethod", "client_secret_basic",
                    "syncMode", "IMPORT", "minimumLevel", "2", "backchannelSupported", "true", "sendClientIdOnLogout", "false");

            assertThat(config.isPkceEnabled()).isFalse();
            assertThat(config.getClientAuthMethod()).isEqualTo("client_secret_basic");
            assertThat(config.getSyncMode()).isEqualTo(IdentityProviderSyncMode.IMPORT);
            assertThat(config.getMinimumLevel()).isEqualTo(VneidLevel.LEVEL_2);
            assertThat(config.isBackchannelSupported()).isTrue();
            assertThat(config.isSendClientIdOnLogout()).isFalse();
        }

        @Test
        void thenConfiguredClaimNamesAreRead() {
            VneidIdentityProviderConfig config = config("idNumberClaim", "so_dinh_danh", "fullNameClaim", "ho_ten",
                    "birthDateClaim", "ngay_sinh", "genderClaim", "gioi_tinh", "phoneClaim", "dien_thoai");

            assertThat(config.getClaimNames()).isEqualTo(
                    new VneidClaimNames("so_dinh_danh", "ho_ten", "ngay_sinh", "gioi_tinh", "dien_thoai"));
        }

        @Test
        void thenBlankOrUnreadableValuesFallBackToTheDefaults() {
            VneidIdentityProviderConfig config = config("environment", "staging", "minimumLevel", "3",
                    "tokenUrl", " ", "syncMode", "sometimes", "idNumberClaim", "");

            assertThat(config.getEnvironment()).isEqualTo(VneidEnvironment.SANDBOX);
            assertThat(config.getMinimumLevel()).isEqualTo(VneidLevel.LEVEL_1);
            assertThat(config.getTokenUrl()).isEqualTo(SANDBOX + "/protocol/openid-connect/token");
            assertThat(config.getSyncMode()).isEqualTo(IdentityProviderSyncMode.FORCE);
            assertThat(config.getIdNumberClaim()).isEqualTo("preferred_username");
        }
    }

    @Nested
    class GivenValidation {

        @Test
        void thenTheDerivedIssuerIsStoredSoKeycloakCanFindTheProviderOfALogoutToken() {
            VneidIdentityProviderConfig config = config("environment", "PRODUCTION");

            config.validate(realm());

            assertThat(config.getConfig()).containsEntry("issuer", PRODUCTION);
        }

        @Test
        void thenTheStoredIssuerFollowsALaterChangeOfEnvironment() {
            VneidIdentityProviderConfig config = config();
            config.validate(realm());

            config.getConfig().put("environment", "PRODUCTION");
            config.validate(realm());

            assertThat(config.getConfig()).containsEntry("issuer", PRODUCTION);
            assertThat(config.getIssuer()).isEqualTo(PRODUCTION);
        }

        @Test
        void thenAnIssuerSetByTheAdminIsKept() {
            VneidIdentityProviderConfig config = config("issuer", "https://vneid.example.vn/realms/test",
                    "environment", "PRODUCTION");

            config.validate(realm());

            assertThat(config.getConfig()).containsEntry("issuer", "https://vneid.example.vn/realms/test");
        }

        @Test
        void thenAnUnknownEnvironmentIsRejected() {
            assertThatThrownBy(() -> config("environment", "staging").validate(realm()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SANDBOX or PRODUCTION");
        }

        @Test
        void thenALevelOtherThanOneOrTwoIsRejected() {
            assertThatThrownBy(() -> config("minimumLevel", "3").validate(realm()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 or 2");
        }

        @Test
        void thenAnotherClientAuthenticationIsRejected() {
            assertThatThrownBy(() -> config("clientAuthMethod", "private_key_jwt").validate(realm()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("client_secret_post");
        }

        @Test
        void thenASandboxIssuerThatIsNotAUrlIsRejected() {
            assertThatThrownBy(() -> config("sandboxIssuer", "localhost:8080").validate(realm()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s) URL");
        }

        @Test
        void thenSignatureValidationCannotBeTurnedOffInProduction() {
            assertThatThrownBy(() -> config("environment", "PRODUCTION", "validateSignature", "false").validate(realm()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signature");
        }

        @Test
        void thenKeycloaksOwnChecksStillRun() {
            RealmModel strict = Stub.of(RealmModel.class).returning("getSslRequired", SslRequired.ALL).build();

            assertThatThrownBy(() -> config().validate(strict)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class GivenTheOrganisationSettings {

        @Test
        void thenNothingConfiguredRefusesOrganisationsOfTypesTwoAndThreeReadFromLoaiTaiKhoan() {
            VneidIdentityProviderConfig config = config();

            assertThat(config.isAcceptOrganisations()).isFalse();
            assertThat(config.getOrganisationAccountTypes()).containsExactly("2", "3");
            assertThat(config.getAccountTypeClaim()).isEqualTo("LoaiTaiKhoan");
            assertThat(config.getAccountKind().claim()).isEqualTo("LoaiTaiKhoan");
        }

        @Test
        void thenThePartnerApiReadsAccountType() {
            assertThat(config("protocol", "partner-api").getAccountTypeClaim()).isEqualTo("accountType");
            assertThat(config("protocol", "partner-api", "accountTypeClaim", "loai").getAccountTypeClaim())
                    .isEqualTo("loai");
            assertThat(config("accountTypeClaim", " kind ").getAccountTypeClaim()).isEqualTo("kind");
        }

        @Test
        void thenOrganisationsAreAcceptedOnlyWhenSetToTrue() {
            assertThat(config("acceptOrganisations", "true").isAcceptOrganisations()).isTrue();
            assertThat(config("acceptOrganisations", " TRUE ").isAcceptOrganisations()).isTrue();
            assertThat(config("acceptOrganisations", "false").isAcceptOrganisations()).isFalse();
            assertThat(config("acceptOrganisations", "").isAcceptOrganisations()).isFalse();
            assertThat(config("acceptOrganisations", "yes").isAcceptOrganisations()).isFalse();
        }

        @Test
        void thenTheTypesAreReadAsTheAdminConsoleJoinsThemAndWithCommas() {
            assertThat(config("organisationAccountTypes", "2##3").getOrganisationAccountTypes())
                    .containsExactly("2", "3");
            assertThat(config("organisationAccountTypes", "2,3").getOrganisationAccountTypes())
                    .containsExactly("2", "3");
            assertThat(config("organisationAccountTypes", " 4 ##5, 6,,##4").getOrganisationAccountTypes())
                    .containsExactly("4", "5", "6");
            assertThat(config("organisationAccountTypes", "3").getOrganisationAccountTypes()).containsExactly("3");
        }

        @Test
        void thenNoTypeAtAllFallsBackToTheDefaults() {
            assertThat(config("organisationAccountTypes", " ## , ").getOrganisationAccountTypes())
                    .containsExactly("2", "3");
        }

        @Test
        void thenANewProviderStoresTheDefaultsForTheAdminConsole() {
            assertThat(VneidIdentityProviderConfig.withDefaults().getConfig())
                    .containsEntry("acceptOrganisations", "false")
                    .containsEntry("organisationAccountTypes", "2##3");
        }

        @Test
        void thenTheyValidate() {
            config("acceptOrganisations", "TRUE", "organisationAccountTypes", "2##3,ORG_4").validate(realm());
        }

        @Test
        void thenAnUnreadableSwitchIsRejected() {
            assertThatThrownBy(() -> config("acceptOrganisations", "yes").validate(realm()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("true or false");
        }

        @Test
        void thenTheCitizensTypeOrAMalformedTypeIsRejected() {
            assertThatThrownBy(() -> config("organisationAccountTypes", "1##2").validate(realm()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("citizens");
            assertThatThrownBy(() -> config("organisationAccountTypes", "2##loại 3").validate(realm()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'loại 3'");
        }
    }

    @Nested
    class GivenLinkWebhooks {

        @Test
        void thenTheyAreTheEntriesTheAdminConsoleJoinedWithItsSeparator() {
            assertThat(config("linkWebhooks", "dvcqg-portal https://a.vn/hook##dvc-hatinh-web https://b.vn/hook")
                    .getLinkWebhooks())
                    .containsExactly("dvcqg-portal https://a.vn/hook", "dvc-hatinh-web https://b.vn/hook");
            assertThat(config().getLinkWebhooks()).isEmpty();
        }

        @Test
        void thenHttpIsRefusedInProduction() {
            VneidIdentityProviderConfig config = config("environment", "PRODUCTION", "linkWebhooks",
                    "dvc-hatinh-web https://hatinh.example.vn/hook##dvcqg-portal http://portal.example.vn/hook");

            assertThatThrownBy(() -> config.validate(realm())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Link event webhooks: with the environment PRODUCTION only https URLs")
                    .hasMessageEndingWith(" dvcqg-portal");
        }

        @Test
        void thenHttpsIsAcceptedInProductionAndHttpInTheSandbox() {
            VneidIdentityProviderConfig production = config("environment", "PRODUCTION", "linkWebhooks",
                    "dvcqg-portal https://portal.example.vn/hook");
            VneidIdentityProviderConfig sandbox = config("environment", "SANDBOX", "linkWebhooks",
                    "dvcqg-portal http://portal.example.vn/hook");

            production.validate(realm());
            sandbox.validate(realm());

            assertThat(production.getConfig()).containsEntry("issuer", PRODUCTION);
            assertThat(sandbox.getConfig()).containsEntry("issuer", SANDBOX);
        }

        /** The start-up move and the readers of the webhooks (other modules) tell PRODUCTION as this class does. */
        @Test
        void thenEveryModuleReadsProductionAsThisProviderDoes() {
            for (String environment : new String[] {"PRODUCTION", " production ", "Production", "SANDBOX", "prod", ""}) {
                VneidIdentityProviderConfig config = config("environment", environment);
                assertThat(LinkWebhookSetting.httpsOnly(config.getConfig())).as(environment)
                        .isEqualTo(config.getEnvironment() == VneidEnvironment.PRODUCTION);
            }
            assertThat(LinkWebhookSetting.ENVIRONMENT).isEqualTo(VneidIdentityProviderConfig.ENVIRONMENT);
        }

        @Test
        void thenOutsideAKeycloakRequestTheRestOfTheConfigurationStillValidates() {
            VneidIdentityProviderConfig config = config("linkWebhooks", "dvcqg-portal https://a.vn/hook");

            config.validate(realm());

            assertThat(config.getConfig()).containsEntry("issuer", SANDBOX);
        }
    }
}
