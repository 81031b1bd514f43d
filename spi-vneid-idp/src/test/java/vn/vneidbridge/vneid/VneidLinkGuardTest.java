package vn.vneidbridge.vneid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.core.user.AccountKind;
import vn.vneidbridge.vneid.VneidLinkGuard.Refusal;

/** The link guard's decision, branch by branch: which VNeID identity may link to (or land on) which account. */
class VneidLinkGuardTest {

    private static final String DUC = "036088002468";
    private static final String ABC = "0312345673";

    private static UnaryOperator<String> account(String... attributes) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            values.put(attributes[i], attributes[i + 1]);
        }
        return values::get;
    }

    private static final UnaryOperator<String> DUCS_ACCOUNT = account("cccd", DUC, "cccd_verified", "true");
    private static final UnaryOperator<String> CONGTYABC = account("legacy_account_type", "ORGANISATION",
            "tax_code", ABC, "tax_code_verified", "true", "cccd", DUC, "cccd_verified", "true");

    private static Optional<Refusal> citizen(String idNumber, UnaryOperator<String> account, boolean reauthentication) {
        return VneidLinkGuard.decide(AccountKind.CITIZEN, idNumber, false, account, reauthentication);
    }

    private static Optional<Refusal> organisation(String taxCode, UnaryOperator<String> account,
                                                  boolean reauthentication) {
        return VneidLinkGuard.decide(AccountKind.ORGANISATION, taxCode, false, account, reauthentication);
    }

    @Nested
    class GivenACitizensVneidIdentity {

        @Test
        void thenItLinksToTheAccountWhoseVerifiedCccdItIs() {
            assertThat(citizen(DUC, DUCS_ACCOUNT, false)).isEmpty();
        }

        @Test
        void thenAnotherOrAnUnverifiedNumberIsRefused() {
            assertThat(citizen("052189000123", DUCS_ACCOUNT, false)).contains(Refusal.ID_NUMBER_MISMATCH);
            assertThat(citizen(DUC, account("cccd", DUC), false)).contains(Refusal.ID_NUMBER_MISMATCH);
            assertThat(citizen(null, DUCS_ACCOUNT, false)).contains(Refusal.ID_NUMBER_MISMATCH);
        }

        @Test
        void thenTheCompanyHoldingItsRepresentativesCccdIsRefused() {
            assertThat(citizen(DUC, CONGTYABC, false)).contains(Refusal.ORGANISATION_ACCOUNT);
        }

        @Test
        void thenTheRepresentativeCanStillLogInAgainToUnlinkACompanyLinkedBeforeThatRule() {
            assertThat(citizen(DUC, CONGTYABC, true)).isEmpty();
        }

        @Test
        void thenAnAdministratorIsRefused() {
            assertThat(VneidLinkGuard.decide(AccountKind.CITIZEN, DUC, true, DUCS_ACCOUNT, false))
                    .contains(Refusal.ADMINISTRATOR);
        }
    }

    @Nested
    class GivenAnOrganisationsVneidIdentity {

        @Test
        void thenItLinksToTheOrganisationAccountWhoseVerifiedTaxCodeItIs() {
            assertThat(organisation(ABC, CONGTYABC, false)).isEmpty();
            assertThat(organisation(ABC, account("tax_code", ABC, "tax_code_verified", "true"), false)).isEmpty();
        }

        @Test
        void thenItLinksFromTheAccountsOwnSessionWhenTheRegistryMatchedTheCodeWithTheAccountsName() {
            assertThat(organisation(ABC, account("legacy_account_type", "ORGANISATION", "tax_code", ABC,
                    "tax_code_registry_matched_at", "2026-12-06T06:00:00Z"), false)).isEmpty();
            assertThat(organisation("0100233488", account("legacy_account_type", "ORGANISATION", "tax_code", ABC,
                    "tax_code_registry_matched_at", "2026-12-06T06:00:00Z"), false)).contains(Refusal.TAX_CODE_MISMATCH);
        }

        @Test
        void thenABranchsCodeMatchesWithOrWithoutItsHyphen() {
            assertThat(organisation("0312345673-001", account("legacy_account_type", "ORGANISATION",
                    "tax_code", "0312345673001", "tax_code_verified", "true"), false)).isEmpty();
        }

        @Test
        void thenACitizensAccountIsRefusedAsTheWrongKind() {
            assertThat(organisation(ABC, DUCS_ACCOUNT, false)).contains(Refusal.CITIZEN_ACCOUNT);
            assertThat(organisation(ABC, account("tax_code", ABC), false)).contains(Refusal.CITIZEN_ACCOUNT);
            assertThat(Refusal.CITIZEN_ACCOUNT.messageKey()).isEqualTo("vneidLinkAccountKindMismatch");
        }

        @Test
        void thenAnotherOrAnUnverifiedCodeIsATaxCodeMismatch() {
            assertThat(organisation("0100233488", CONGTYABC, false)).contains(Refusal.TAX_CODE_MISMATCH);
            assertThat(organisation(ABC, account("legacy_account_type", "ORGANISATION", "tax_code", ABC), false))
                    .contains(Refusal.TAX_CODE_MISMATCH);
            assertThat(organisation(null, CONGTYABC, false)).contains(Refusal.TAX_CODE_MISMATCH);
            assertThat(Refusal.TAX_CODE_MISMATCH.messageKey()).isEqualTo("vneidLinkTaxCodeMismatch");
        }

        @Test
        void thenAReloginBeforeAnUnlinkIsRefusedTheSameWay() {
            // a different organisation's VNeID account, or one on a citizen's account, proves nothing
            assertThat(organisation("0100233488", CONGTYABC, true)).contains(Refusal.TAX_CODE_MISMATCH);
            assertThat(organisation(ABC, DUCS_ACCOUNT, true)).contains(Refusal.CITIZEN_ACCOUNT);
            assertThat(organisation(ABC, CONGTYABC, true)).isEmpty();
        }

        @Test
        void thenAnAdministratorIsRefused() {
            assertThat(VneidLinkGuard.decide(AccountKind.ORGANISATION, ABC, true, CONGTYABC, false))
                    .contains(Refusal.ADMINISTRATOR);
        }
    }

    @Test
    void thenEveryRefusalHasItsTextsAndAPublishedMetric() throws Exception {
        java.util.Properties vi = new java.util.Properties();
        try (java.io.Reader reader = new java.io.InputStreamReader(VneidLinkGuardTest.class.getResourceAsStream(
                "/theme-resources/messages/messages_vi.properties"), java.nio.charset.StandardCharsets.UTF_8)) {
            vi.load(reader);
        }
        for (Refusal refusal : Refusal.values()) {
            assertThat(vi.getProperty(refusal.messageKey())).as(refusal.name()).isNotBlank();
            assertThat(VneidMetrics.REASONS).as(refusal.name()).contains(refusal.metricReason());
            assertThat(refusal.eventReason()).as(refusal.name()).isNotBlank().doesNotContainPattern("\\d");
        }
    }
}
