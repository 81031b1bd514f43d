package vn.vneidbridge.vneid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakTransactionManager;
import org.keycloak.broker.provider.IdentityBrokerException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import vn.vneidbridge.vneid.VneidIdentityMapper.CccdAction;

class VneidIdentityMapperTest {

    private static final String NGA = "052189000123";
    private static final String ABC = "0312345673";

    private final List<UserModel> users = new ArrayList<>();
    private final List<String> conflicts = new ArrayList<>();
    private final RealmModel realm = Stub.of(RealmModel.class).returning("getId", "dvc-id")
            .returning("getRole", null).build();
    private final List<String> rollbacks = new ArrayList<>();
    private final KeycloakSession session = Stub.of(KeycloakSession.class)
            .returning("users", Stub.of(UserProvider.class)
                    .on("searchForUserByUserAttributeStream", args -> users.stream()
                            .filter(user -> args[2].equals(user.getFirstAttribute((String) args[1])))).build())
            .returning("getTransactionManager", Stub.of(KeycloakTransactionManager.class)
                    .on("setRollbackOnly", args -> rollbacks.add("rollback-only")).build())
            .build();
    private final VneidIdentityMapper mapper = new VneidIdentityMapper(
            (session, realm, user, context, cccd) -> conflicts.add(user.getId()));

    /** A user with a map of attributes, as the code under test reads and writes them. */
    private UserModel user(String id, String... attributes) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            values.put(attributes[i], attributes[i + 1]);
        }
        UserModel user = Stub.of(UserModel.class)
                .returning("getId", id)
                .on("getFirstAttribute", args -> values.get((String) args[0]))
                .on("setSingleAttribute", args -> values.put((String) args[0], (String) args[1]))
                .on("getAttributes", args -> Map.copyOf(values))
                .build();
        users.add(user);
        return user;
    }

    private static Map<String, String> attributes(UserModel user) {
        @SuppressWarnings("unchecked")
        Map<String, String> values = (Map<String, String>) (Map<?, ?>) user.getAttributes();
        return values;
    }

    /** The context of Nga's VNeID login after the checks passed. */
    private static BrokeredIdentityContext ngaLogin() {
        VneidIdentityProviderConfig config = VneidIdentityProviderConfig.withDefaults();
        config.setAlias("vneid");
        config.setEnabled(true);
        BrokeredIdentityContext context = new BrokeredIdentityContext("sub-1", config);
        VneidCheckResult result = new VneidIdentityValidator(VneidClaimNames.DEFAULTS).validate(Map.of(
                "preferred_username", NGA, "name", "Tô Thị Nga", "birthdate", "1989-03-15", "gender", "female",
                "phone_number", "0912345678", "acr", "2"), VneidLevel.LEVEL_1);
        assertThat(result).isInstanceOf(VneidCheckResult.Accepted.class);
        VneidContext.store(context, ((VneidCheckResult.Accepted) result).identity());
        return context;
    }

    /** The context of Công ty TNHH ABC's VNeID organisation login after the checks passed. */
    private static BrokeredIdentityContext abcLogin() {
        VneidIdentityProviderConfig config = VneidIdentityProviderConfig.withDefaults();
        config.setAlias("vneid");
        config.setEnabled(true);
        BrokeredIdentityContext context = new BrokeredIdentityContext("sub-9", config);
        VneidCheckResult result = new VneidIdentityValidator(VneidClaimNames.DEFAULTS, VneidIdentityValidator.ACR,
                VneidAccountKind.DEFAULTS, true).validate(Map.of("preferred_username", ABC,
                "name", "Công ty TNHH ABC", "phone_number", "0986050588", "acr", "2", "LoaiTaiKhoan", "2"),
                VneidLevel.LEVEL_1);
        assertThat(result).isInstanceOf(VneidCheckResult.AcceptedOrganisation.class);
        VneidContext.store(context, ((VneidCheckResult.AcceptedOrganisation) result).identity());
        return context;
    }

    private static IdentityProviderMapperModel model() {
        return VneidDefaultMappers.definitions("vneid").get(0);
    }

    @Nested
    class GivenTheCccdDecision {

        @Test
        void thenEachCaseHasItsAction() {
            assertThat(VneidIdentityMapper.decide(null, false, NGA)).isEqualTo(CccdAction.SET);
            assertThat(VneidIdentityMapper.decide(" ", true, NGA)).isEqualTo(CccdAction.SET);
            assertThat(VneidIdentityMapper.decide(NGA, false, NGA)).isEqualTo(CccdAction.VERIFY);
            assertThat(VneidIdentityMapper.decide(NGA, true, NGA)).isEqualTo(CccdAction.KEEP);
            assertThat(VneidIdentityMapper.decide("036088002468", false, NGA)).isEqualTo(CccdAction.SET);
            assertThat(VneidIdentityMapper.decide("036088002468", true, NGA)).isEqualTo(CccdAction.CONFLICT);
        }
    }

    @Nested
    class GivenANewUser {

        @Test
        void thenTheVneidIdentityIsWrittenAndTheNumberMarkedVerified() {
            UserModel user = user("u-1");

            mapper.importNewUser(session, realm, user, model(), ngaLogin());

            assertThat(rollbacks).isEmpty();
            assertThat(attributes(user))
                    .containsEntry("cccd", NGA)
                    .containsEntry("cccd_verified", "true")
                    .containsEntry("cccd_verified_source", "vneid")
                    .containsKey("cccd_verified_at")
                    .containsEntry("full_name", "Tô Thị Nga")
                    .containsEntry("birthdate", "1989-03-15")
                    .containsEntry("gender", "female")
                    .containsEntry("phone_number", "0912345678")
                    .containsEntry("vneid_level", "2");
            assertThat(conflicts).isEmpty();
        }
    }

    @Nested
    class GivenALaterLogin {

        @Test
        void thenChangedValuesAreSynchronised() {
            UserModel user = user("u-1", "cccd", NGA, "cccd_verified", "true", "cccd_verified_source", "vneid",
                    "vneid_level", "1", "phone_number", "0900000000");

            mapper.updateBrokeredUser(session, realm, user, model(), ngaLogin());

            assertThat(attributes(user)).containsEntry("vneid_level", "2").containsEntry("phone_number", "0912345678");
        }

        @Test
        void thenThePhoneVneidVouchedForIsKeptApartFromTheOneTheCitizenMayEdit() {
            UserModel user = user("u-1", "cccd", NGA, "cccd_verified", "true", "cccd_verified_source", "vneid",
                    "vneid_level", "2", "phone_number", "0912345678");

            mapper.updateBrokeredUser(session, realm, user, model(), ngaLogin());

            assertThat(attributes(user)).containsEntry("phone_number_vneid", "0912345678");
        }

        @Test
        void thenANumberVerifiedByThePopulationRegistryKeepsItsSource() {
            UserModel user = user("u-1", "cccd", NGA, "cccd_verified", "true",
                    "cccd_verified_source", "population-registry", "cccd_verified_at", "2024-01-01T00:00:00Z");

            mapper.updateBrokeredUser(session, realm, user, model(), ngaLogin());

            assertThat(attributes(user)).containsEntry("cccd_verified_source", "population-registry")
                    .containsEntry("cccd_verified_at", "2024-01-01T00:00:00Z");
        }

        @Test
        void thenTheSameUnverifiedNumberBecomesVerified() {
            UserModel user = user("u-1", "cccd", NGA, "cccd_verified", "false");

            mapper.updateBrokeredUser(session, realm, user, model(), ngaLogin());

            assertThat(attributes(user)).containsEntry("cccd_verified", "true")
                    .containsEntry("cccd_verified_source", "vneid");
        }

        @Test
        void thenADifferentUnverifiedNumberIsReplaced() {
            UserModel user = user("u-1", "cccd", "036088002468");

            mapper.updateBrokeredUser(session, realm, user, model(), ngaLogin());

            assertThat(attributes(user)).containsEntry("cccd", NGA).containsEntry("cccd_verified", "true");
        }
    }

    @Nested
    class GivenAConflict {

        @Test
        void thenADifferentVerifiedNumberIsNeverTouched() {
            UserModel user = user("u-1", "cccd", "036088002468", "cccd_verified", "true",
                    "cccd_verified_source", "population-registry", "full_name", "Phạm Minh Đức");

            assertThatThrownBy(() -> mapper.updateBrokeredUser(session, realm, user, model(), ngaLogin()))
                    .as("the login (or a link from the account console) is refused")
                    .isInstanceOf(IdentityBrokerException.class);

            assertThat(attributes(user)).containsEntry("cccd", "036088002468")
                    .containsEntry("cccd_verified_source", "population-registry")
                    .containsEntry("full_name", "Phạm Minh Đức")
                    .doesNotContainKey("vneid_level");
            assertThat(conflicts).containsExactly("u-1");
        }

        @Test
        void thenTheNumberIsNotGivenToASecondAccountThatHasItVerified() {
            user("u-other", "cccd", NGA, "cccd_verified", "true");
            UserModel user = user("u-1");

            assertThatThrownBy(() -> mapper.importNewUser(session, realm, user, model(), ngaLogin()))
                    .isInstanceOf(IdentityBrokerException.class);

            assertThat(attributes(user)).doesNotContainKeys("cccd", "cccd_verified");
            assertThat(conflicts).containsExactly("u-1");
        }

        @Test
        void thenTheWholeRequestIsRolledBackSoTheLinkKeycloakStoredBeforeTheMapperIsUndone() {
            // Keycloak stores the link, then calls the mapper, then shows its error page as a response: only a
            // transaction marked rollback-only undoes the link (else the refused user stays linked)
            user("u-other", "cccd", NGA, "cccd_verified", "true");
            UserModel user = user("u-1");

            assertThatThrownBy(() -> mapper.importNewUser(session, realm, user, model(), ngaLogin()))
                    .isInstanceOf(IdentityBrokerException.class);

            assertThat(rollbacks).containsExactly("rollback-only");
        }
    }

    @Nested
    class GivenAnAccountTheVneidHolderDisowned {

        @Test
        void thenItsNumberIsNotMarkedVerifiedAgainAndTheLinkIsRefused() {
            // "not mine" in one login took the mark off; "mine" for the same account in another login of the
            // same holder must not put it back and link the account beside the holder's own user
            UserModel disowned = user("u-namesake", "cccd", NGA, "cccd_verified", "false",
                    "cccd_disputed_at", "2026-12-02T10:00:00Z");

            assertThatThrownBy(() -> mapper.updateBrokeredUser(session, realm, disowned, model(), ngaLogin()))
                    .isInstanceOf(IdentityBrokerException.class);

            assertThat(attributes(disowned)).containsEntry("cccd_verified", "false")
                    .doesNotContainKeys("cccd_verified_source", "vneid_level");
            assertThat(conflicts).containsExactly("u-namesake");
        }

        @Test
        void thenAnotherNumberDisownedThereDoesNotStopTheLoginOfItsOwnVerifiedNumber() {
            UserModel user = user("u-1", "cccd", NGA, "cccd_verified", "true", "cccd_verified_source", "vneid",
                    "cccd_disputed_at", "2026-12-02T10:00:00Z");

            mapper.updateBrokeredUser(session, realm, user, model(), ngaLogin());

            assertThat(conflicts).isEmpty();
        }
    }

    @Nested
    class GivenAnOrganisationsVneidIdentity {

        @Test
        void thenANewUserGetsTheVerifiedTaxCodeAndNothingPersonal() {
            UserModel user = user("u-org");

            mapper.importNewUser(session, realm, user, model(), abcLogin());

            assertThat(rollbacks).isEmpty();
            assertThat(conflicts).isEmpty();
            assertThat(attributes(user))
                    .containsEntry("tax_code", ABC)
                    .containsEntry("tax_code_verified", "true")
                    .containsEntry("tax_code_verified_source", "vneid")
                    .containsKey("tax_code_verified_at")
                    .containsEntry("organisation_name", "Công ty TNHH ABC")
                    .containsEntry("vneid_level", "2")
                    .containsEntry("vneid_account_type", "2")
                    .containsKey("vneid_linked_at")
                    // the legal representative's own phone is not the organisation's
                    .doesNotContainKeys("cccd", "cccd_verified", "full_name", "birthdate", "gender", "phone_number",
                            "phone_number_vneid");
        }

        @Test
        void thenTheCodeAnOrganisationAccountHoldsUnverifiedBecomesVerified() {
            UserModel user = user("u-congtyabc", "legacy_account_type", "ORGANISATION", "tax_code", ABC);

            mapper.updateBrokeredUser(session, realm, user, model(), abcLogin());

            assertThat(attributes(user)).containsEntry("tax_code", ABC).containsEntry("tax_code_verified", "true")
                    .containsEntry("tax_code_verified_source", "vneid");
        }

        @Test
        void thenACodeVerifiedByTheBusinessRegistryKeepsItsSource() {
            UserModel user = user("u-congtyabc", "legacy_account_type", "ORGANISATION", "tax_code", ABC,
                    "tax_code_verified", "true", "tax_code_verified_source", "business-registry",
                    "tax_code_verified_at", "2026-12-01T00:00:00Z", "vneid_level", "1");

            mapper.updateBrokeredUser(session, realm, user, model(), abcLogin());

            assertThat(attributes(user)).containsEntry("tax_code_verified_source", "business-registry")
                    .containsEntry("tax_code_verified_at", "2026-12-01T00:00:00Z")
                    .containsEntry("vneid_level", "2");
        }

        @Test
        void thenTheRepresentativesCccdOnTheCompanyAccountIsNeitherWrittenNorCleared() {
            UserModel user = user("u-congtyabc", "legacy_account_type", "ORGANISATION", "cccd", "036088002468",
                    "cccd_verified", "true", "full_name", "Công ty TNHH ABC");

            mapper.updateBrokeredUser(session, realm, user, model(), abcLogin());

            assertThat(attributes(user)).containsEntry("cccd", "036088002468").containsEntry("cccd_verified", "true")
                    .containsEntry("tax_code", ABC).containsEntry("tax_code_verified", "true");
        }

        @Test
        void thenADifferentUnverifiedCodeIsReplaced() {
            UserModel user = user("u-congtyabc", "legacy_account_type", "ORGANISATION", "tax_code", "0100233488");

            mapper.updateBrokeredUser(session, realm, user, model(), abcLogin());

            assertThat(attributes(user)).containsEntry("tax_code", ABC).containsEntry("tax_code_verified", "true");
        }
    }

    @Nested
    class GivenATaxCodeConflict {

        private void assertRefusedAndUntouched(UserModel user, Map<String, String> before,
                                               org.assertj.core.api.ThrowableAssert.ThrowingCallable login) {
            assertThatThrownBy(login).isInstanceOfSatisfying(IdentityBrokerException.class,
                    e -> assertThat(e.getMessageCode()).isEqualTo("vneidTaxCodeConflict"));
            assertThat(attributes(user)).isEqualTo(before);
            assertThat(conflicts).containsExactly(user.getId());
            assertThat(rollbacks).containsExactly("rollback-only");
        }

        @Test
        void thenADifferentVerifiedCodeIsNeverTouched() {
            UserModel user = user("u-other-company", "legacy_account_type", "ORGANISATION", "tax_code", "0100233488",
                    "tax_code_verified", "true", "organisation_name", "Công ty XYZ");
            Map<String, String> before = Map.copyOf(attributes(user));

            assertRefusedAndUntouched(user, before,
                    () -> mapper.updateBrokeredUser(session, realm, user, model(), abcLogin()));
        }

        @Test
        void thenTheCodeIsNotGivenToASecondAccountWhileAnotherOrganisationHasItVerified() {
            user("u-congtyabc", "legacy_account_type", "ORGANISATION", "tax_code", ABC, "tax_code_verified", "true");
            UserModel user = user("u-1");

            assertRefusedAndUntouched(user, Map.of(),
                    () -> mapper.importNewUser(session, realm, user, model(), abcLogin()));
        }

        @Test
        void thenAnAccountTheOrganisationDisownedIsNotMarkedAgain() {
            UserModel user = user("u-namesake", "legacy_account_type", "ORGANISATION", "tax_code", ABC,
                    "tax_code_verified", "false", "tax_code_disputed_at", "2026-12-02T10:00:00Z");
            Map<String, String> before = Map.copyOf(attributes(user));

            assertRefusedAndUntouched(user, before,
                    () -> mapper.updateBrokeredUser(session, realm, user, model(), abcLogin()));
        }

        @Test
        void thenACitizensAccountWithAVerifiedCccdIsRefused() {
            UserModel user = user("u-duc", "legacy_account_type", "CITIZEN", "cccd", "036088002468",
                    "cccd_verified", "true", "full_name", "Phạm Minh Đức");
            Map<String, String> before = Map.copyOf(attributes(user));

            assertRefusedAndUntouched(user, before,
                    () -> mapper.updateBrokeredUser(session, realm, user, model(), abcLogin()));
        }

        @Test
        void thenAnAdministratorsAccountIsRefused() {
            org.keycloak.models.RoleModel adminRole = Stub.of(org.keycloak.models.RoleModel.class).build();
            RealmModel withAdmins = Stub.of(RealmModel.class).returning("getId", "dvc-id")
                    .returning("getRole", adminRole).build();
            Map<String, String> values = new HashMap<>(Map.of("legacy_account_type", "ORGANISATION"));
            UserModel admin = Stub.of(UserModel.class)
                    .returning("getId", "u-admin")
                    .on("getFirstAttribute", args -> values.get((String) args[0]))
                    .on("setSingleAttribute", args -> values.put((String) args[0], (String) args[1]))
                    .on("hasRole", args -> args[0] == adminRole)
                    .build();

            assertThatThrownBy(() -> mapper.updateBrokeredUser(session, withAdmins, admin, model(), abcLogin()))
                    .isInstanceOfSatisfying(IdentityBrokerException.class,
                            e -> assertThat(e.getMessageCode()).isEqualTo("vneidTaxCodeConflict"));
            assertThat(values).containsOnlyKeys("legacy_account_type");
            assertThat(conflicts).containsExactly("u-admin");
        }
    }

    @Nested
    class GivenACitizensVneidIdentityOnAnOrganisationAccount {

        @Test
        void thenTodaysRuleApplies() {
            UserModel user = user("u-congtyabc", "legacy_account_type", "ORGANISATION");

            mapper.updateBrokeredUser(session, realm, user, model(), ngaLogin());

            assertThat(attributes(user)).containsEntry("cccd", NGA).containsEntry("cccd_verified", "true")
                    .doesNotContainKeys("tax_code", "tax_code_verified");
        }
    }

    @Nested
    class GivenAContextWithoutAVneidIdentity {

        @Test
        void thenNothingIsWritten() {
            UserModel user = user("u-1");
            VneidIdentityProviderConfig config = VneidIdentityProviderConfig.withDefaults();
            config.setAlias("vneid");
            config.setEnabled(true);

            mapper.updateBrokeredUser(session, realm, user, model(), new BrokeredIdentityContext("sub-1", config));

            assertThat(attributes(user)).isEmpty();
        }
    }

    @Test
    void thenItSupportsEverySyncModeAndOnlyTheVneidProvider() {
        for (IdentityProviderSyncMode mode : IdentityProviderSyncMode.values()) {
            assertThat(mapper.supportsSyncMode(mode)).isTrue();
        }
        assertThat(mapper.getCompatibleProviders()).containsExactly("vneid");
        assertThat(mapper.getId()).isEqualTo("vneid-identity-mapper");
        assertThat(mapper.getConfigProperties()).isEmpty();
    }
}
