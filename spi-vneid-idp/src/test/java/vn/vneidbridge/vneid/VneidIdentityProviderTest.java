package vn.vneidbridge.vneid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityBrokerException;
import org.keycloak.common.Profile;
import org.keycloak.crypto.AsymmetricSignatureProvider;
import org.keycloak.crypto.KeyType;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.keys.PublicKeyStorageProvider;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.sessions.AuthenticationSessionModel;
import vn.vneidbridge.core.user.AccountKind;

/**
 * The provider with real RS256 tokens, through Keycloak's own validation code ({@code validateToken},
 * {@code verifySignature}) and its identity extraction. Keycloak's infrastructure around it is the least a
 * running server would give: a realm, the RS256 signature provider, and a key store holding the keys VNeID
 * publishes.
 */
class VneidIdentityProviderTest {

    private static final MintedTokens VNEID = MintedTokens.withNewKey("vneid-key-1");

    private final Map<String, KeyWrapper> publishedKeys = new HashMap<>(Map.of(VNEID.kid, keyOf(VNEID)));
    private final AtomicInteger keyLookups = new AtomicInteger();
    private AuthenticationSessionModel authSession;
    private final KeycloakSession session = session();

    @BeforeAll
    static void keycloakFeatures() {
        Profile.defaults();
    }

    private static KeyWrapper keyOf(MintedTokens tokens) {
        KeyWrapper key = new KeyWrapper();
        key.setKid(tokens.kid);
        key.setAlgorithm("RS256");
        key.setType(KeyType.RSA);
        key.setUse(KeyUse.SIG);
        key.setPublicKey(tokens.keyPair.getPublic());
        return key;
    }

    private KeycloakSession session() {
        RealmModel realm = Stub.of(RealmModel.class).returning("getId", "dvc-id").returning("getName", "dvc").build();
        PublicKeyStorageProvider keys = Stub.of(PublicKeyStorageProvider.class)
                .on("getPublicKey", args -> {
                    keyLookups.incrementAndGet();
                    KeyWrapper key = publishedKeys.get((String) args[1]);
                    return key == null ? null : key.cloneKey();
                }).build();
        KeycloakContext context = Stub.of(KeycloakContext.class)
                .returning("getRealm", realm)
                .on("getAuthenticationSession", args -> authSession)
                .build();
        KeycloakSession[] self = new KeycloakSession[1];
        self[0] = Stub.of(KeycloakSession.class)
                .returning("getContext", context)
                .on("getProvider", args -> {
                    if (args[0] == PublicKeyStorageProvider.class) {
                        return keys;
                    }
                    if (args.length == 2 && "RS256".equals(args[1])) {
                        return new AsymmetricSignatureProvider(self[0], "RS256");
                    }
                    return null;
                }).build();
        return self[0];
    }

    private VneidIdentityProvider provider(String... keyValues) {
        IdentityProviderModel model = VneidIdentityProviderConfig.withDefaults();
        model.setAlias("vneid");
        model.setProviderId(VneidIdentityProviderFactory.PROVIDER_ID);
        model.setInternalId("idp-1");
        model.setEnabled(true);
        model.getConfig().put("clientId", MintedTokens.CLIENT_ID);
        model.getConfig().put("clientSecret", "sandbox-secret");
        for (int i = 0; i < keyValues.length; i += 2) {
            model.getConfig().put(keyValues[i], keyValues[i + 1]);
        }
        return new VneidIdentityProviderFactory().create(session, model);
    }

    private static AccessTokenResponse tokenResponse(String idToken) {
        AccessTokenResponse response = new AccessTokenResponse();
        response.setToken("opaque-access-token");
        response.setIdToken(idToken);
        return response;
    }

    @Nested
    class GivenKeycloaksTokenChecksWithTheVneidConfiguration {

        @Test
        void thenAGoodTokenIsValid() {
            JsonWebToken token = provider().validateToken(VNEID.sign(MintedTokens.nga()));

            assertThat(token.getSubject()).isEqualTo(MintedTokens.SUBJECT);
            assertThat(token.getOtherClaims()).containsEntry("acr", "2");
        }

        @Test
        void thenATokenOfAnotherIssuerIsRejectedEvenWithNoIssuerConfigured() {
            String token = VNEID.sign(MintedTokens.nga().issuer("https://evil.example/realms/citizen"));

            assertThatThrownBy(() -> provider().validateToken(token))
                    .isInstanceOf(IdentityBrokerException.class).hasMessageContaining("Wrong issuer");
        }

        @Test
        void thenTheProductionIssuerIsRequiredInProduction() {
            String token = VNEID.sign(MintedTokens.nga());

            assertThatThrownBy(() -> provider("environment", "PRODUCTION").validateToken(token))
                    .isInstanceOf(IdentityBrokerException.class).hasMessageContaining("Wrong issuer");
        }

        @Test
        void thenATokenForAnotherClientIsRejected() {
            String token = VNEID.sign(MintedTokens.nga().audience("dvc-other").claim("azp", "dvc-other"));

            assertThatThrownBy(() -> provider().validateToken(token))
                    .isInstanceOf(IdentityBrokerException.class).hasMessageContaining("audience");
        }

        @Test
        void thenAnExpiredTokenIsRejected() {
            Instant past = Instant.now().minusSeconds(3600);
            String token = VNEID.sign(MintedTokens.nga().issueTime(Date.from(past))
                    .expirationTime(Date.from(past.plusSeconds(300))));

            assertThatThrownBy(() -> provider().validateToken(token))
                    .isInstanceOf(IdentityBrokerException.class).hasMessageContaining("no longer valid");
        }

        @Test
        void thenATokenSignedWithAnotherKeyIsRejected() {
            MintedTokens forger = MintedTokens.withNewKey(VNEID.kid);
            String token = forger.sign(MintedTokens.nga());

            assertThatThrownBy(() -> provider().validateToken(token))
                    .isInstanceOf(IdentityBrokerException.class).hasMessageContaining("signature");
        }

        @Test
        void thenATokenWithAnUnknownKidIsRejectedAfterAskingTheKeyStore() {
            String token = MintedTokens.withNewKey("rotated-key").sign(MintedTokens.nga());

            assertThatThrownBy(() -> provider().validateToken(token))
                    .isInstanceOf(IdentityBrokerException.class).hasMessageContaining("signature");
            assertThat(keyLookups).hasValue(1);
        }

        @Test
        void thenANewKidIsAcceptedOnceVneidPublishesIt() {
            MintedTokens rotated = MintedTokens.withNewKey("rotated-key");
            publishedKeys.put(rotated.kid, keyOf(rotated));

            assertThat(provider().validateToken(rotated.sign(MintedTokens.nga())).getSubject())
                    .isEqualTo(MintedTokens.SUBJECT);
        }

        @Test
        void thenATamperedPayloadIsRejected() {
            String[] parts = VNEID.sign(MintedTokens.nga().claim("acr", "1")).split("\\.");
            String upgraded = VNEID.sign(MintedTokens.nga()).split("\\.")[1];
            String token = parts[0] + "." + upgraded + "." + parts[2];

            assertThatThrownBy(() -> provider().validateToken(token))
                    .isInstanceOf(IdentityBrokerException.class).hasMessageContaining("signature");
        }
    }

    @Nested
    class GivenAValidatedIdTokenOfVneid {

        private BrokeredIdentityContext extract(VneidIdentityProvider provider, String encoded) throws Exception {
            JsonWebToken idToken = provider.validateToken(encoded);
            return provider.extractIdentity(tokenResponse(encoded), null, idToken);
        }

        @Test
        void thenTheIdentityIsMappedVietnameseStyle() throws Exception {
            BrokeredIdentityContext identity = extract(provider(), VNEID.sign(MintedTokens.nga()));

            assertThat(identity.getId()).isEqualTo(MintedTokens.SUBJECT);
            assertThat(identity.getBrokerUserId()).isEqualTo("vneid." + MintedTokens.SUBJECT);
            assertThat(identity.getBrokerSessionId()).isEqualTo("vneid.session-1");
            assertThat(identity.getUsername()).isEqualTo("052189000123");
            assertThat(identity.getLastName()).isEqualTo("Tô");
            assertThat(identity.getFirstName()).isEqualTo("Thị Nga");
        }

        @Test
        void thenTheValidatedAttributesTravelWithTheContext() throws Exception {
            BrokeredIdentityContext identity = extract(provider(), VNEID.sign(MintedTokens.nga()));

            assertThat(VneidContext.attributes(identity)).containsEntry("cccd", "052189000123")
                    .containsEntry("full_name", "Tô Thị Nga").containsEntry("birthdate", "1989-03-15")
                    .containsEntry("gender", "female").containsEntry("phone_number", "0912345678")
                    .containsEntry("vneid_level", "2");
            assertThat(VneidContext.level(identity)).isEqualTo("2");
            assertThat(identity.getUserAttribute("cccd")).isEqualTo("052189000123");
            assertThat(identity.getUserAttribute("full_name")).isEqualTo("Tô Thị Nga");
        }

        @Test
        void thenAnEmailIsTakenWhenThereIsOne() throws Exception {
            BrokeredIdentityContext identity = extract(provider(), VNEID.sign(MintedTokens.nga(),
                    Map.of("email", "nga@example.vn")));

            assertThat(identity.getEmail()).isEqualTo("nga@example.vn");
        }

        @Test
        void thenALevelBelowTheConfiguredMinimumIsRefusedWithItsMessageKey() throws Exception {
            VneidIdentityProvider provider = provider("minimumLevel", "2");
            String token = VNEID.sign(MintedTokens.nga().claim("acr", "1"));

            assertThatThrownBy(() -> extract(provider, token))
                    .isInstanceOfSatisfying(IdentityBrokerException.class, e -> {
                        assertThat(e.getMessageCode()).isEqualTo("vneidLevelTooLow");
                        assertThat(e.getMessage()).contains("V2").doesNotContain("052189000123");
                    });
        }

        /**
         * A portal's own level (here an essential level 2) is not refused here, where Keycloak could only show an
         * error page: the identity goes on with its honest level, and preprocessFederatedIdentity sends the portal
         * the error (LevelsOfAssuranceIT).
         */
        @Test
        void thenAPortalsLevelIsLeftToTheCheckThatAnswersThePortal() throws Exception {
            authSession = Stub.of(AuthenticationSessionModel.class)
                    .on("getClientNote", args -> switch ((String) args[0]) {
                        case "requested-level-of-authentication" -> "2";
                        case "force-level-of-authentication" -> "true";
                        default -> null;
                    })
                    .build();
            String token = VNEID.sign(MintedTokens.nga().claim("acr", "1"));

            assertThat(VneidContext.level(extract(provider(), token))).isEqualTo("1");
        }

        @Test
        void thenAnInconsistentIdentityIsRefused() {
            String token = VNEID.sign(MintedTokens.nga().claim("gender", "male"));

            assertThatThrownBy(() -> extract(provider(), token))
                    .isInstanceOfSatisfying(IdentityBrokerException.class,
                            e -> assertThat(e.getMessageCode()).isEqualTo("vneidInconsistentIdentity"));
        }

        @Test
        void thenConfiguredClaimNamesAreRead() throws Exception {
            String token = VNEID.sign(MintedTokens.nga().claim("preferred_username", "nga-vneid"),
                    Map.of("so_dinh_danh", "052189000123"));

            BrokeredIdentityContext identity = extract(provider("idNumberClaim", "so_dinh_danh"), token);

            assertThat(identity.getUsername()).isEqualTo("052189000123");
        }

        @Test
        void thenACitizensLoginSaysSoInTheContextData() throws Exception {
            BrokeredIdentityContext identity = extract(provider(), VNEID.sign(MintedTokens.nga()));

            assertThat(identity.getContextData()).containsEntry("vneid.account_kind", "CITIZEN");
            assertThat(VneidContext.accountKind(identity)).isEqualTo(AccountKind.CITIZEN);
        }

        @Test
        void thenAnOrganisationsLoginIsRefusedWithO0WhereOrganisationsAreNotAccepted() {
            String token = VNEID.sign(MintedTokens.congTyAbc());

            assertThatThrownBy(() -> extract(provider(), token))
                    .isInstanceOfSatisfying(IdentityBrokerException.class, e -> {
                        assertThat(e.getMessageCode()).isEqualTo("vneidOrganisationNotAccepted");
                        assertThat(e.getMessage()).contains("O0").doesNotContain("0312345673");
                    });
        }

        @Test
        void thenAnOrganisationsLoginIsMappedToItsTaxCodeAndName() throws Exception {
            BrokeredIdentityContext identity = extract(provider("acceptOrganisations", "true"),
                    VNEID.sign(MintedTokens.congTyAbc()));

            assertThat(identity.getId()).isEqualTo(MintedTokens.ORGANISATION_SUBJECT);
            assertThat(identity.getUsername()).isEqualTo("0312345673");
            assertThat(identity.getFirstName()).isEqualTo("Công ty TNHH ABC");
            assertThat(identity.getLastName()).isNull();
            assertThat(identity.getContextData()).containsEntry("vneid.account_kind", "ORGANISATION");
            assertThat(VneidContext.accountKind(identity)).isEqualTo(AccountKind.ORGANISATION);
            assertThat(VneidContext.level(identity)).isEqualTo("2");
        }

        @Test
        void thenAnOrganisationsAttributesNameNoPerson() throws Exception {
            BrokeredIdentityContext identity = extract(provider("acceptOrganisations", "true"),
                    VNEID.sign(MintedTokens.congTyAbc()));

            assertThat(VneidContext.attributes(identity)).containsOnly(
                    Map.entry("tax_code", "0312345673"), Map.entry("organisation_name", "Công ty TNHH ABC"),
                    Map.entry("vneid_level", "2"), Map.entry("vneid_account_type", "2"));
            assertThat(identity.getEmail()).as("VNeID's e-mail may be the legal representative's").isNull();
            assertThat(identity.getUserAttribute("tax_code")).isEqualTo("0312345673");
            assertThat(identity.getUserAttribute("vneid_account_type")).isEqualTo("2");
            for (String personal : List.of("cccd", "birthdate", "gender", "full_name", "phone_number")) {
                assertThat(identity.getUserAttribute(personal)).as(personal).isNull();
            }
        }

        @Test
        void thenAnOrganisationsLoginWithAnInvalidTaxCodeIsRefusedWithO1() {
            VneidIdentityProvider provider = provider("acceptOrganisations", "true");
            String token = VNEID.sign(MintedTokens.congTyAbc().claim("preferred_username", "0312345674"));

            assertThatThrownBy(() -> extract(provider, token))
                    .isInstanceOfSatisfying(IdentityBrokerException.class,
                            e -> assertThat(e.getMessageCode()).isEqualTo("vneidTaxCodeInvalid"));
        }

        @Test
        void thenTheAccountTypeClaimCanBeConfigured() throws Exception {
            String token = VNEID.sign(MintedTokens.congTyAbc().claim("LoaiTaiKhoan", "1"), Map.of("loai", "3"));

            BrokeredIdentityContext identity = extract(provider("acceptOrganisations", "true",
                    "accountTypeClaim", "loai"), token);

            assertThat(identity.getUsername()).isEqualTo("0312345673");
            assertThat(VneidContext.attributes(identity)).containsEntry("vneid_account_type", "3");
        }

        @Test
        void thenFinishingTheLoginStoresTheLevelAsAUserSessionNote() throws Exception {
            VneidIdentityProvider provider = provider();
            BrokeredIdentityContext identity = extract(provider, VNEID.sign(MintedTokens.nga()));
            Map<String, String> notes = new HashMap<>();
            AuthenticationSessionModel finishing = finishing(notes);

            provider.authenticationFinished(finishing, identity);

            assertThat(notes).containsEntry("vneid.level", "2").containsKey("FEDERATED_ID_TOKEN");
        }

        @Test
        void thenFinishingTheLoginRecordsWhenTheCitizenAuthenticatedWithVneid() throws Exception {
            long before = org.keycloak.common.util.Time.currentTime();
            VneidIdentityProvider provider = provider();
            BrokeredIdentityContext identity = extract(provider, VNEID.sign(MintedTokens.nga()));
            Map<String, String> notes = new HashMap<>();

            provider.authenticationFinished(finishing(notes), identity);

            assertThat(Long.parseLong(notes.get("vneid.auth_time"))).isBetween(before - 1,
                    org.keycloak.common.util.Time.currentTime() + 1L);
        }

        @Test
        void thenVneidsOwnAuthTimeIsTheOneRecordedSoAnOldSessionIsNotTakenForAFreshLogin() {
            org.keycloak.representations.JsonWebToken token = new org.keycloak.representations.JsonWebToken();
            token.setOtherClaims("auth_time", 1_700_000_000);

            assertThat(VneidIdentityProvider.authTime(token)).isEqualTo(1_700_000_000L);
        }

        @Test
        void thenAnAuthTimeInTheFutureOrMissingCountsAsNow() {
            long now = org.keycloak.common.util.Time.currentTime();
            org.keycloak.representations.JsonWebToken future = new org.keycloak.representations.JsonWebToken();
            future.setOtherClaims("auth_time", now + 3600);

            assertThat(VneidIdentityProvider.authTime(future)).isBetween(now, now + 1);
            assertThat(VneidIdentityProvider.authTime(new org.keycloak.representations.JsonWebToken()))
                    .isBetween(now, now + 1);
        }

        private AuthenticationSessionModel finishing(Map<String, String> notes) {
            Map<String, String> authNotes = new HashMap<>();
            return Stub.of(AuthenticationSessionModel.class)
                    .on("setUserSessionNote", args -> notes.put((String) args[0], (String) args[1]))
                    .on("setAuthNote", args -> authNotes.put((String) args[0], (String) args[1]))
                    .on("getAuthNote", args -> authNotes.get((String) args[0]))
                    .on("removeAuthNote", args -> authNotes.remove((String) args[0])).build();
        }

        @Test
        void thenFinishingTheLoginRecordsEveryLevelUpToTheAccountsForKeycloaksAcrAndSso() throws Exception {
            VneidIdentityProvider provider = provider();
            BrokeredIdentityContext identity = extract(provider, VNEID.sign(MintedTokens.nga().claim("acr", "1")));
            Map<String, String> notes = new HashMap<>();

            provider.authenticationFinished(finishing(notes), identity);

            // Keycloak's map of levels reached, with their times: password level 0 and VNeID level 1, not level 2
            assertThat(notes.get("loa-map")).contains("\"0\":").contains("\"1\":").doesNotContain("\"2\":");
        }
    }

    @Nested
    class GivenLogging {

        @Test
        void thenNoIdNumberNorTokenIsLoggedAtInfoOrAbove() throws Exception {
            List<java.util.logging.LogRecord> records = new java.util.ArrayList<>();
            java.util.logging.Handler handler = new java.util.logging.Handler() {
                @Override
                public void publish(java.util.logging.LogRecord record) {
                    records.add(record);
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger("vn.vneidbridge.vneid");
            logger.addHandler(handler);
            try {
                VneidIdentityProvider provider = provider("minimumLevel", "2");
                String accepted = VNEID.sign(MintedTokens.nga());
                provider.extractIdentity(tokenResponse(accepted), null, provider.validateToken(accepted));
                String refused = VNEID.sign(MintedTokens.nga().claim("acr", "1"));
                assertThatThrownBy(() -> provider.extractIdentity(tokenResponse(refused), null,
                        provider.validateToken(refused))).isInstanceOf(IdentityBrokerException.class);
                String organisation = VNEID.sign(MintedTokens.congTyAbc());
                assertThatThrownBy(() -> provider.extractIdentity(tokenResponse(organisation), null,
                        provider.validateToken(organisation))).isInstanceOf(IdentityBrokerException.class);

                assertThat(records).isNotEmpty().allSatisfy(record -> {
                    if (record.getLevel().intValue() >= java.util.logging.Level.INFO.intValue()) {
                        String text = String.valueOf(record.getMessage()) + java.util.Arrays.toString(record.getParameters());
                        assertThat(text).doesNotContain("052189000123", "Tô Thị Nga", accepted, refused,
                                "0312345673", "0986050588", organisation);
                    }
                });
            } finally {
                logger.removeHandler(handler);
            }
        }
    }

    @Nested
    class GivenTheClaimsOfBothTokenAndUserinfo {

        @Test
        void thenUserinfoFillsInAndTheIdTokenWins() throws Exception {
            com.fasterxml.jackson.databind.JsonNode userInfo = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree("{\"sub\":\"x\",\"HoVaTen\":\"Tô Thị Nga\",\"SoDienThoai\":\"0912345678\","
                            + "\"name\":\"Userinfo Name\",\"acr\":\"2\",\"address\":{\"country\":\"VN\"}}");

            Map<String, Object> claims = VneidClaims.merge(Map.of("name", "Tô Thị Nga", "acr", "1"), userInfo);

            assertThat(claims).containsEntry("name", "Tô Thị Nga").containsEntry("SoDienThoai", "0912345678")
                    .containsEntry("acr", "1").doesNotContainKey("address");
        }

        @Test
        void thenTheLevelNeverComesFromUserinfo() throws Exception {
            com.fasterxml.jackson.databind.JsonNode userInfo = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree("{\"acr\":\"2\"}");

            assertThat(VneidClaims.merge(Map.of(), userInfo)).doesNotContainKey("acr");
            assertThat(VneidClaims.merge(null, null)).isEmpty();
        }
    }

    @Test
    void thenTheAdminConsoleSeesEveryVneidSetting() {
        assertThat(new VneidIdentityProviderFactory().getConfigProperties()).extracting("name")
                .containsExactly("protocol", "environment", "sandboxIssuer", "minimumLevel", "clientAuthMethod",
                        "partnerAesMode", "idNumberClaim", "fullNameClaim", "birthDateClaim", "genderClaim", "phoneClaim",
                        "acceptOrganisations", "organisationAccountTypes", "accountTypeClaim", "accountLevelClaim",
                        "linkWebhooks");
        assertThat(new VneidIdentityProviderFactory().getConfigProperties()).allSatisfy(property -> {
            assertThat(property.getLabel()).startsWith("vneid");
            assertThat(property.getHelpText()).isEqualTo(property.getLabel() + "Help");
        });
        assertThat(new VneidIdentityProviderFactory().createConfig().getConfig()).containsEntry("environment", "SANDBOX");
        assertThat(List.of(new VneidIdentityProviderFactory().getId(), new VneidIdentityProviderFactory().getName()))
                .containsExactly("vneid", "VNeID");
        assertThat(new VneidIdentityProviderFactory().getOperationalInfo()).containsKey("version");
    }
}
